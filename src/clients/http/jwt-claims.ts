/**
 * The claims of a JWT, read without verifying it: only to tell a person who the action signed in
 * as (an Entra token's tid, appid, oid) or which subject it presented (a GitHub ID token's sub).
 * undefined when the text is not a JWT (e.g. an opaque token).
 */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1]
  if (!payload) return undefined
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** A string claim, or undefined. */
export function stringClaim(claims: Record<string, unknown> | undefined, name: string) {
  const value = claims?.[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}
