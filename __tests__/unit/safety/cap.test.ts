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
