import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth'
import { AzureCliCredential } from '@azure/identity'

/**
 * The Azure CLI credential, bounded: each `az account get-access-token` may take at most
 * `timeoutMs` (the per-try HTTP timeout, 30 s unless tuned). AzureCliCredential ignores the abort
 * signal, so without a bound an `az` waiting on a network that never answers holds the sign-in
 * until the run's deadline. 30 s is long enough: az starts in a few seconds (Python and its
 * modules) and then needs at most a token refresh, one or two requests to Entra, each of which
 * our own HTTP calls would also give up on after the same per-try timeout.
 *
 * The identity library runs az through child_process.exec with `timeout`, which kills it and
 * then fails parsing the empty output ("Unexpected end of JSON input"), or quotes whatever az
 * printed on stderr by then. Neither says what happened, so a failure that comes after the
 * bound is reported as the time-out it is.
 *
 * A token request that timed out is not retried: az hangs on what does not change within a
 * run (an unreachable Entra, a proxy that swallows the request), so a second try would most
 * likely hang as long again and double the wait for the same answer.
 */
export class BoundedAzureCliCredential implements TokenCredential {
  constructor(
    private readonly inner: TokenCredential,
    readonly timeoutMs: number,
    private readonly now: () => number = Date.now
  ) {}

  async getToken(
    scopes: string | string[],
    options?: GetTokenOptions
  ): Promise<AccessToken | null> {
    const started = this.now()
    try {
      return await this.inner.getToken(scopes, options)
    } catch (error) {
      // exec's timer starts after ours, so a kill always shows here as elapsed >= the bound.
      if (this.now() - started >= this.timeoutMs) throw azureCliTimeout(this.timeoutMs)
      throw error
    }
  }
}

export function createAzureCliCredential(
  tenantId: string | undefined,
  timeoutMs: number
): BoundedAzureCliCredential {
  const inner = new AzureCliCredential({
    ...(tenantId && { tenantId }),
    processTimeoutInMs: timeoutMs
  })
  return new BoundedAzureCliCredential(inner, timeoutMs)
}

/** The error a timed-out az becomes; azure.sign-in recognises its wording. */
export function azureCliTimeout(timeoutMs: number): Error {
  return new Error(
    `az account get-access-token did not finish within ${timeoutMs / 1000} s and was stopped`
  )
}
