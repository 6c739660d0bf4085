import { errorMessage } from '../../safety/error-message.js'
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth'
import { registerSecret } from '../../safety/secrets.js'
import { ServiceError } from '../http/service-error.js'

const REFRESH_MARGIN_MS = 2 * 60 * 1000

/**
 * Wraps a credential so that concurrent and repeated requests for the same scope and tenant
 * share one token request: several SDK clients and the pre-warm ask at once, and the
 * identity library would otherwise send one token request for each.
 */
export class SharedTokenCredential implements TokenCredential {
  private readonly tokens = new Map<string, Promise<AccessToken | null>>()

  constructor(
    private readonly inner: TokenCredential,
    /** The credential's own tenant: a request naming it is the same as one naming none. */
    private readonly homeTenantId?: string,
    /**
     * The run's deadline. One token request serves several callers, so it carries the run's
     * signal rather than any one caller's: the deadline cancels it, and nothing else does.
     */
    private readonly runSignal?: AbortSignal
  ) {}

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const list = Array.isArray(scopes) ? scopes : [scopes]
    const tenant = options?.tenantId === this.homeTenantId ? '' : (options?.tenantId ?? '')
    const cacheKey = `${tenant}|${list.join(' ')}`
    const cached = this.tokens.get(cacheKey)
    if (cached) {
      return cached.then(token =>
        token && token.expiresOnTimestamp - Date.now() > REFRESH_MARGIN_MS
          ? token
          : this.fetch(cacheKey, list, options)
      )
    }
    return this.fetch(cacheKey, list, options)
  }

  private fetch(
    cacheKey: string,
    scopes: string[],
    options?: GetTokenOptions
  ): Promise<AccessToken | null> {
    const pending = this.inner
      .getToken(scopes, { ...options, ...(this.runSignal && { abortSignal: this.runSignal }) })
      .then(
        token => {
          registerSecret(token?.token)
          return token
        },
        (error: unknown) => {
          // The SDKs would otherwise blame the ARM or Key Vault call for a failed sign-in.
          const message = this.runSignal?.aborted
            ? 'cancelled: the run reached its deadline'
            : (errorMessage(error).split('\n')[0] ?? '')
          throw new ServiceError(`Entra token request (${scopes.join(' ')})`, undefined, message)
        }
      )
    this.tokens.set(cacheKey, pending)
    pending.catch(() => {
      if (this.tokens.get(cacheKey) === pending) this.tokens.delete(cacheKey)
    })
    return pending
  }
}
