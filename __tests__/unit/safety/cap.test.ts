import { capBytes, capChars } from '../../../src/safety/cap.js'

describe('capChars and capBytes', () => {
  it('leave short text alone', () => {
    expect(capChars('abc', 10)).toBe('abc')
    expect(capBytes('abc', 10)).toBe('abc')
  })

  it('cut to the limit, " (cut)" included', () => {
    expect(capChars('x'.repeat(20), 10)).toBe('xxxx (cut)')
    expect(capBytes('x'.repeat(20), 10)).toBe('xxxx (cut)')
  })

  it('never split a character', () => {
    const emoji = '😀'.repeat(10)
    const chars = capChars(emoji, 11)
    expect(chars).toBe('😀😀 (cut)')
    const bytes = capBytes('é'.repeat(10), 11)
    expect(bytes).toBe('éé (cut)')
    expect(Buffer.byteLength(bytes)).toBeLessThanOrEqual(11)
  })
})

describe('caps at their exact bounds', () => {
  it('keep text of exactly the limit as it is', () => {
    expect(capChars('x'.repeat(10), 10)).toBe('x'.repeat(10))
    expect(capBytes('é'.repeat(5), 10)).toBe('é'.repeat(5))
  })

  it('step back only over a surrogate pair cut at its end, wherever else one stands', () => {
    expect(capChars('a😀bcdefgh', 8)).toBe('a (cut)')
    expect(capChars('abcdefgh😀', 8)).toBe('ab (cut)')
  })

  it('keep a replacement character the text itself carries, dropping only a cut one', () => {
    expect(capBytes('\uFFFD' + 'x'.repeat(20), 10)).toBe('\uFFFDx (cut)')
  })
})
