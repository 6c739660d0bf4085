import {
  expiresAtMs,
  githubIdTokenAssertion
} from '../../../../src/clients/azure/github-id-token.js'

/** An unsigned JWT whose `exp` is `expSeconds` (the assertion only reads the claim). */
function jwt(expSeconds: number | undefined, n: number): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256' })}.${part({ exp: expSeconds, n })}.signature`
}

/** GitHub handing out tokens that live `lifetimeSeconds` from the fake clock's now. */
function fakeGitHub(clock: { ms: number }, lifetimeSeconds: number | null = 300) {
  const audiences: string[] = []
  const fetchIdToken = async (audience: string) => {
    audiences.push(audience)
    const exp = lifetimeSeconds === null ? undefined : Math.floor(clock.ms / 1000) + lifetimeSeconds
    return jwt(exp, audiences.length)
  }
  return { audiences, fetchIdToken }
}

const nth = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { n: number }).n

describe('githubIdTokenAssertion', () => {
  it('asks GitHub for the Azure token-exchange audience, lazily', async () => {
    const clock = { ms: 0 }
    const github = fakeGitHub(clock)
    const assertion = githubIdTokenAssertion(github.fetchIdToken, () => clock.ms)
    expect(github.audiences).toEqual([])
    await assertion()
    expect(github.audiences).toEqual(['api://AzureADTokenExchange'])
  })

  it('shares one fetch between concurrent calls', async () => {
    const clock = { ms: 0 }
    const github = fakeGitHub(clock)
    const assertion = githubIdTokenAssertion(github.fetchIdToken, () => clock.ms)
    const [a, b] = await Promise.all([assertion(), assertion()])
    expect(a).toBe(b)
    expect(github.audiences).toHaveLength(1)
  })

  it('reuses a token while its exp leaves more than 60 s, and fetches a new one after', async () => {
    const clock = { ms: 1_000_000 }
    const github = fakeGitHub(clock, 300)
    const assertion = githubIdTokenAssertion(github.fetchIdToken, () => clock.ms)
    expect(nth(await assertion())).toBe(1)
    clock.ms += 239_000 // 61 s left
    expect(nth(await assertion())).toBe(1)
    clock.ms += 1_000 // 60 s left: not enough
    expect(nth(await assertion())).toBe(2)
  })

  it('never reuses a token that lives less than the margin, however young', async () => {
    const clock = { ms: 5_000_000 }
    const github = fakeGitHub(clock, 45)
    const assertion = githubIdTokenAssertion(github.fetchIdToken, () => clock.ms)
    expect(nth(await assertion())).toBe(1)
    expect(nth(await assertion())).toBe(2)
    expect(github.audiences).toHaveLength(2)
  })

  it('never reuses a token without a readable exp', async () => {
    const clock = { ms: 0 }
    const github = fakeGitHub(clock, null)
    const assertion = githubIdTokenAssertion(github.fetchIdToken, () => clock.ms)
    await assertion()
    await assertion()
    expect(github.audiences).toHaveLength(2)
  })

  it('does not keep a failed fetch', async () => {
    let calls = 0
    const assertion = githubIdTokenAssertion(async () => {
      calls++
      if (calls === 1) throw new Error('ACTIONS_ID_TOKEN_REQUEST_URL answered 500')
      return jwt(Math.floor(Date.now() / 1000) + 300, 1)
    })
    await expect(assertion()).rejects.toThrow('500')
    await expect(assertion()).resolves.toContain('.signature')
  })
})

describe('expiresAtMs', () => {
  it('reads exp in ms, and nothing from a token that is not a JWT', () => {
    expect(expiresAtMs(jwt(1_700_000_000, 1))).toBe(1_700_000_000_000)
    expect(expiresAtMs('not-a-jwt')).toBeUndefined()
    expect(expiresAtMs('a.!!!.c')).toBeUndefined()
  })
})
