import { githubIdTokenAssertion } from '../../../../src/clients/azure/github-id-token.js'

function fakeGitHub() {
  const audiences: string[] = []
  let n = 0
  const fetchIdToken = async (audience: string) => {
    audiences.push(audience)
    return `id-token-${++n}`
  }
  return { audiences, fetchIdToken }
}

describe('githubIdTokenAssertion', () => {
  it('asks GitHub for the Azure token-exchange audience, lazily', async () => {
    const github = fakeGitHub()
    const assertion = githubIdTokenAssertion(github.fetchIdToken, () => 0)
    expect(github.audiences).toEqual([])
    await expect(assertion()).resolves.toBe('id-token-1')
    expect(github.audiences).toEqual(['api://AzureADTokenExchange'])
  })

  it('shares one fetch between concurrent and close calls', async () => {
    const github = fakeGitHub()
    let clock = 0
    const assertion = githubIdTokenAssertion(github.fetchIdToken, () => clock)
    const [a, b] = await Promise.all([assertion(), assertion()])
    clock = 59_999
    const c = await assertion()
    expect([a, b, c]).toEqual(['id-token-1', 'id-token-1', 'id-token-1'])
    expect(github.audiences).toHaveLength(1)
  })

  it('fetches a fresh token once the last one is a minute old', async () => {
    const github = fakeGitHub()
    let clock = 0
    const assertion = githubIdTokenAssertion(github.fetchIdToken, () => clock)
    await assertion()
    clock = 60_000
    await expect(assertion()).resolves.toBe('id-token-2')
  })

  it('does not keep a failed fetch', async () => {
    let calls = 0
    const assertion = githubIdTokenAssertion(async () => {
      calls++
      if (calls === 1) throw new Error('ACTIONS_ID_TOKEN_REQUEST_URL answered 500')
      return 'id-token-ok'
    })
    await expect(assertion()).rejects.toThrow('500')
    await expect(assertion()).resolves.toBe('id-token-ok')
  })
})
