import * as core from '@actions/core'
import { registerSecret } from '../http/secrets.js'

export const AZURE_TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange'

/** GitHub ID tokens live about 5 minutes; one younger than this is reused, never an older one. */
const REUSE_WINDOW_MS = 60_000

type FetchIdToken = (audience: string) => Promise<string>

/**
 * The assertion callback for ClientAssertionCredential. It is called for every Entra token
 * request (MSAL may call it more than once per request), so it fetches the ID token there,
 * never at start-up; concurrent calls share one fetch, and a token younger than a minute is
 * reused rather than asking GitHub again.
 */
export function githubIdTokenAssertion(
  fetchIdToken: FetchIdToken = audience => core.getIDToken(audience),
  now: () => number = Date.now
): () => Promise<string> {
  let current: { token: Promise<string>; fetchedAt: number } | undefined
  return () => {
    if (current && now() - current.fetchedAt < REUSE_WINDOW_MS) return current.token
    const fetchedAt = now()
    const token = fetchIdToken(AZURE_TOKEN_EXCHANGE_AUDIENCE).then(value => {
      registerSecret(value)
      return value
    })
    current = { token, fetchedAt }
    token.catch(() => {
      if (current?.token === token) current = undefined
    })
    return token
  }
}
