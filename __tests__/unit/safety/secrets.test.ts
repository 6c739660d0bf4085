import { redact, registerSecret } from '../../../src/safety/secrets.js'

describe('redact', () => {
  it('hides a bearer token whatever the case of the scheme', () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      expect(redact(`authorization: ${scheme} abc123.def456-ghi`)).toBe(
        `authorization: ${scheme} ***`
      )
    }
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
