import { onSecret, redact, registerSecret } from '../../../src/safety/secrets.js'

describe('redact', () => {
  it('hides a bearer token whatever the case of the scheme', () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      expect(redact(`authorization: ${scheme} abc123.def456-ghi`)).toBe(
        `authorization: ${scheme} ***`
      )
    }
  })

  it('hides a bearer token after any run of white space', () => {
    expect(redact('Authorization: Bearer   abc123.def456-ghi')).toBe('Authorization: Bearer ***')
  })

  it('hides a JWT anywhere in the text', () => {
    expect(redact('token eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl was sent')).toBe('token *** was sent')
  })

  it('hides every registered secret, and leaves other text alone', () => {
    registerSecret('s3cret-value-for-redact')
    expect(redact('client_secret=s3cret-value-for-redact&x=1')).toBe('client_secret=***&x=1')
    expect(redact('Bearer short')).toBe('Bearer short')
  })

  it('removes a registered secret raw, URL-encoded, form-encoded and JSON-escaped', () => {
    const secret = 'p4ss+w/rd=unit&secret "value"~9'
    registerSecret(secret)
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1)
    ]
    for (const form of forms) expect(redact(`before ${form} after`)).toBe('before *** after')
  })
})

describe('registerSecret and onSecret', () => {
  it('takes secrets of 8 characters or more, not shorter ones (they would blank ordinary words)', () => {
    const heard: string[] = []
    const stop = onSecret(form => heard.push(form))
    const before = heard.length
    registerSecret('sevenCh')
    registerSecret('eightChr')
    registerSecret('')
    registerSecret(undefined)
    stop()
    expect(heard.slice(before)).toEqual(['eightChr'])
    expect(redact('sevenCh eightChr')).toBe('sevenCh ***')
  })

  it('tells each form once, even when a secret is registered again', () => {
    const heard: string[] = []
    const stop = onSecret(form => heard.push(form))
    const before = heard.length
    registerSecret('twice-registered secret')
    registerSecret('twice-registered secret')
    stop()
    const forms = heard.slice(before)
    expect(forms).toEqual([...new Set(forms)])
    expect(forms).toContain('twice-registered secret')
    expect(forms).toContain('twice-registered%20secret')
  })

  it('tells a listener the forms known before it came, and none after it stopped', () => {
    registerSecret('known-before listener')
    const heard: string[] = []
    const stop = onSecret(form => heard.push(form))
    expect(heard).toContain('known-before listener')
    stop()
    registerSecret('known-after listener')
    expect(heard).not.toContain('known-after listener')
  })

  it('removes the longest secret first, so one that contains another goes whole', () => {
    registerSecret('abcdefgh12')
    registerSecret('abcdefgh1234')
    expect(redact('x abcdefgh1234 y')).toBe('x *** y')
  })

  it('stops only its own listener, however often it is stopped', () => {
    const mine: string[] = []
    const others: string[] = []
    // Mine first: the listener at the start of the list must go too.
    const stopMine = onSecret(form => mine.push(form))
    const stopOthers = onSecret(form => others.push(form))
    stopMine()
    stopMine()
    registerSecret('stop-twice secret')
    stopOthers()
    expect(mine).not.toContain('stop-twice secret')
    expect(others).toContain('stop-twice secret')
  })

  it('does not tell a form again when another secret had it already', () => {
    registerSecret('abcd%20efgh')
    const heard: string[] = []
    const stop = onSecret(form => heard.push(form))
    const before = heard.length
    // Its URL-encoded form is the secret registered first.
    registerSecret('abcd efgh')
    stop()
    expect(heard.slice(before)).toContain('abcd efgh')
    expect(heard.slice(before)).not.toContain('abcd%20efgh')
  })
})
