import { registerSecret } from '../../safety/secrets.js'

export const AZURE_TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange'

/**
 * A GitHub ID token is reused only while its own `exp` is further away than this: Entra must
 * never receive one that expires on the way. GitHub documents no lifetime (about 5 minutes seen),
 * so the token's claim decides, not a fixed reuse window.
 */
export const ID_TOKEN_EXPIRY_MARGIN_MS = 60_000

type FetchIdToken = (audience: string) => Promise<string>

/**
 * The assertion callback for ClientAssertionCredential. It is called for every Entra token
 * request (MSAL may call it more than once per request), so it fetches the ID token there,
 * never at start-up; concurrent calls share one fetch, and a fetched token is reused while its
 * `exp` claim leaves {@link ID_TOKEN_EXPIRY_MARGIN_MS}. A token without a readable `exp` is
 * never reused.
 */
export function githubIdTokenAssertion(
  fetchIdToken: FetchIdToken,
  now: () => number = Date.now,
  onToken: (idToken: string) => void = () => undefined
): () => Promise<string> {
  let current: { token: Promise<string>; expiresAtMs: number | 'pending' } | undefined
  return () => {
    if (
      current &&
      (current.expiresAtMs === 'pending' || current.expiresAtMs - now() > ID_TOKEN_EXPIRY_MARGIN_MS)
    )
      return current.token
    const entry: { token: Promise<string>; expiresAtMs: number | 'pending' } = {
      token: fetchIdToken(AZURE_TOKEN_EXCHANGE_AUDIENCE).then(value => {
        registerSecret(value)
        onToken(value)
        entry.expiresAtMs = expiresAtMs(value) ?? -Infinity
        return value
      }),
      expiresAtMs: 'pending'
    }
    current = entry
    entry.token.catch(() => {
      if (current === entry) current = undefined
    })
    return entry.token
  }
}

/** The `exp` claim of a JWT, in ms since the epoch; undefined when it cannot be read. */
export function expiresAtMs(jwt: string): number | undefined {
  const payload = jwt.split('.')[1]
  if (!payload) return undefined
  try {
    const exp = (
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }
    ).exp
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined
  } catch {
    return undefined
  }
}
