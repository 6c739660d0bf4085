import { describeValue } from '../../../src/safety/describe-value.js'
import { errorMessage } from '../../../src/safety/error-message.js'

describe('errorMessage', () => {
  it("takes an Error's message", () => {
    expect(errorMessage(new TypeError('bad type'))).toBe('bad type')
  })

  it('takes the message of an object that carries one, as text', () => {
    expect(errorMessage({ message: 'from a library', code: 'E1' })).toBe('from a library')
    expect(errorMessage({ message: { text: 'nested' } })).toBe('{"text":"nested"}')
  })

  it('describes anything else, never as [object Object]', () => {
    expect(errorMessage('plain text')).toBe('plain text')
    expect(errorMessage(42)).toBe('42')
    expect(errorMessage(null)).toBe('null')
    expect(errorMessage(undefined)).toBe('undefined')
    expect(errorMessage({ code: 'E2' })).toBe('{"code":"E2"}')
  })
})

describe('describeValue', () => {
  it('gives strings as they are, objects as JSON, the rest as String() does', () => {
    expect(describeValue('x')).toBe('x')
    expect(describeValue([1, 'a'])).toBe('[1,"a"]')
    expect(describeValue(true)).toBe('true')
    expect(describeValue(10n)).toBe('10')
    expect(describeValue({ toJSON: () => undefined })).toBe('')
  })
})
