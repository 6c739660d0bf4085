import type { AccessToken, TokenCredential } from '@azure/core-auth'
import {
  BoundedAzureCliCredential,
  createAzureCliCredential
} from '../../../../src/clients/azure/azure-cli-credential.js'

const SCOPE = 'https://management.azure.com/.default'

/** An Azure CLI credential whose `az` takes `elapsedMs` on the fake clock, then answers or fails. */
function fakeCli(clock: { ms: number }, elapsedMs: number, outcome: AccessToken | Error) {
  const calls: string[] = []
  const credential: TokenCredential = {
    getToken: async scopes => {
      calls.push(String(scopes))
      clock.ms += elapsedMs
      if (outcome instanceof Error) throw outcome
      return outcome
    }
  }
  return { calls, credential }
}

describe('BoundedAzureCliCredential', () => {
  it('reports an az stopped at the bound as the time-out, not as the empty output it left', async () => {
    const clock = { ms: 0 }
    // What AzureCliCredential throws once exec's timeout has killed az before it printed.
    const cli = fakeCli(clock, 30_000, new Error('Unexpected end of JSON input'))
    const bounded = new BoundedAzureCliCredential(cli.credential, 30_000, () => clock.ms)
    await expect(bounded.getToken(SCOPE)).rejects.toThrow(
      /^az account get-access-token did not finish within 30 s and was stopped$/
    )
    // One try: a second would most likely hang as long again.
    expect(cli.calls).toEqual([SCOPE])
  })

  it('also when az had printed something on stderr before it was stopped', async () => {
    const clock = { ms: 0 }
    const cli = fakeCli(clock, 1_600, new Error('WARNING: The command may take a while'))
    const bounded = new BoundedAzureCliCredential(cli.credential, 1_500, () => clock.ms)
    await expect(bounded.getToken(SCOPE)).rejects.toThrow(
      'az account get-access-token did not finish within 1.5 s and was stopped'
    )
  })

  it("passes az's own failure through when it came before the bound", async () => {
    const clock = { ms: 0 }
    const signedOut = new Error("Please run 'az login' from a command prompt to authenticate.")
    const cli = fakeCli(clock, 29_999, signedOut)
    const bounded = new BoundedAzureCliCredential(cli.credential, 30_000, () => clock.ms)
    await expect(bounded.getToken(SCOPE)).rejects.toBe(signedOut)
  })

  it('returns the token az printed', async () => {
    const clock = { ms: 0 }
    const token = { token: 'header.payload.signature', expiresOnTimestamp: 3_600_000 }
    const cli = fakeCli(clock, 2_000, token)
    const bounded = new BoundedAzureCliCredential(cli.credential, 30_000, () => clock.ms)
    await expect(bounded.getToken(SCOPE)).resolves.toBe(token)
  })

  it('is bounded by the timeout it is given (the per-try HTTP timeout)', () => {
    expect(createAzureCliCredential(undefined, 30_000).timeoutMs).toBe(30_000)
    expect(createAzureCliCredential('00000000-0000-0000-0000-000000000001', 2_500).timeoutMs).toBe(
      2_500
    )
  })
})
