import { PUBLIC_ENDPOINTS, resolveEndpoints } from '../../../src/inputs/endpoints.js'

function resolve(env: Record<string, string | undefined>): {
  authorityHost: string
  problems: string[]
} {
  const problems: string[] = []
  const { authorityHost } = resolveEndpoints('va7', env, problems)
  return { authorityHost, problems }
}

describe('authority host', () => {
  it('defaults to the public cloud', () => {
    expect(resolve({})).toEqual({ authorityHost: PUBLIC_ENDPOINTS.authorityHost, problems: [] })
  })

  it.each(['AEP_CMK_AUTHORITY_HOST', 'AZURE_AUTHORITY_HOST'])(
    'takes an https URL from %s, without a trailing slash',
    variable => {
      expect(resolve({ [variable]: ' https://login.microsoftonline.us/ ' })).toEqual({
        authorityHost: 'https://login.microsoftonline.us',
        problems: []
      })
    }
  )

  it('prefers AEP_CMK_AUTHORITY_HOST over AZURE_AUTHORITY_HOST', () => {
    expect(
      resolve({
        AEP_CMK_AUTHORITY_HOST: 'https://login.sim.localhost:8443',
        AZURE_AUTHORITY_HOST: 'http://evil.example'
      })
    ).toEqual({ authorityHost: 'https://login.sim.localhost:8443', problems: [] })
  })

  it('falls back to AZURE_AUTHORITY_HOST when AEP_CMK_AUTHORITY_HOST is blank', () => {
    expect(
      resolve({
        AEP_CMK_AUTHORITY_HOST: '  ',
        AZURE_AUTHORITY_HOST: 'https://login.chinacloudapi.cn'
      }).authorityHost
    ).toBe('https://login.chinacloudapi.cn')
  })

  it.each([
    ['AEP_CMK_AUTHORITY_HOST', 'http://evil.example'],
    ['AEP_CMK_AUTHORITY_HOST', 'login.microsoftonline.us'],
    ['AZURE_AUTHORITY_HOST', 'http://evil.example'],
    ['AZURE_AUTHORITY_HOST', 'login.microsoftonline.us']
  ])('rejects %s=%s, naming that variable', (variable, value) => {
    expect(resolve({ [variable]: value })).toEqual({
      authorityHost: PUBLIC_ENDPOINTS.authorityHost,
      problems: [`${variable}: must be an https URL, got "${value}"`]
    })
  })

  it('names AEP_CMK_AUTHORITY_HOST, not AZURE_AUTHORITY_HOST, when the former is bad', () => {
    expect(
      resolve({
        AEP_CMK_AUTHORITY_HOST: 'ftp://x.example',
        AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us'
      }).problems
    ).toEqual(['AEP_CMK_AUTHORITY_HOST: must be an https URL, got "ftp://x.example"'])
  })
})

describe('other endpoints', () => {
  it('rejects a non-https override naming its variable', () => {
    const problems: string[] = []
    const endpoints = resolveEndpoints('nld2', { AEP_CMK_GRAPH_ENDPOINT: 'graph.local' }, problems)
    expect(problems).toEqual(['AEP_CMK_GRAPH_ENDPOINT: must be an https URL, got "graph.local"'])
    expect(endpoints.graph).toBe(PUBLIC_ENDPOINTS.graph)
    expect(endpoints.platform).toBe('https://platform-nld2.adobe.io')
  })
})
