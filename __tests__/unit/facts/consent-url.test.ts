import {
  consentLinkFor,
  judgeConsentUrl,
  tenantConsentUrl
} from '../../../src/facts/consent-url.js'

const PUBLIC = 'https://login.microsoftonline.com'

describe('judgeConsentUrl: only Entra’s sign-in host is a link to follow', () => {
  it.each([
    'https://login.microsoftonline.com/common/oauth2/authorize?client_id=x',
    'https://LOGIN.microsoftonline.com/t/adminconsent'
  ])('accepts %s', url => {
    expect(judgeConsentUrl(url, PUBLIC)).toEqual({ kind: 'entra', url })
  })

  it.each([
    ['https://evil.example/common/oauth2/authorize', 'evil.example'],
    ['https://login.microsoftonline.com.evil.example/x', 'login.microsoftonline.com.evil.example'],
    ['https://login.microsoftonline.com@evil.example/x', 'evil.example'],
    ['https://user@login.microsoftonline.com/x', 'login.microsoftonline.com'],
    ['https://login.microsoftonline.com:8443/x', 'login.microsoftonline.com:8443'],
    ['http://login.microsoftonline.com/x', 'http://login.microsoftonline.com'],
    ['javascript:alert(1)', 'javascript:'],
    ['https://a`b.example/x', 'a?b.example'],
    ['not a url', '(not a URL)']
  ])('refuses %s, naming %s', (url, host) => {
    expect(judgeConsentUrl(url, PUBLIC)).toEqual({
      kind: 'elsewhere',
      host,
      signInHost: 'login.microsoftonline.com'
    })
  })

  it('takes the sign-in host from the configured authority host, port included', () => {
    const authority = 'https://login.localhost:8443'
    expect(judgeConsentUrl('https://login.localhost:8443/t/x', authority).kind).toBe('entra')
    expect(judgeConsentUrl('https://login.localhost:9443/t/x', authority).kind).toBe('elsewhere')
    expect(judgeConsentUrl('https://login.microsoftonline.com/t/x', authority)).toMatchObject({
      kind: 'elsewhere',
      signInHost: 'login.localhost:8443'
    })
  })
})

describe('tenantConsentUrl', () => {
  it('puts the tenant in place of /common/', () => {
    expect(tenantConsentUrl(`${PUBLIC}/common/oauth2/authorize`, 't1')).toBe(
      `${PUBLIC}/t1/oauth2/authorize`
    )
    expect(tenantConsentUrl(`${PUBLIC}/common/x`, undefined)).toBe(`${PUBLIC}/common/x`)
  })
})

describe('consentLinkFor: the one judgement every sink shows', () => {
  it("points Adobe's URL at the vault's tenant, then judges it", () => {
    expect(consentLinkFor(`${PUBLIC}/common/oauth2/authorize`, 't1', PUBLIC)).toEqual({
      kind: 'entra',
      url: `${PUBLIC}/t1/oauth2/authorize`
    })
    expect(consentLinkFor('https://evil.example/common/x', 't1', PUBLIC)).toEqual({
      kind: 'elsewhere',
      host: 'evil.example',
      signInHost: 'login.microsoftonline.com'
    })
  })

  it('gives nothing while Adobe has published no URL', () => {
    expect(consentLinkFor(undefined, 't1', PUBLIC)).toBeUndefined()
    expect(consentLinkFor('', 't1', PUBLIC)).toBeUndefined()
  })
})
