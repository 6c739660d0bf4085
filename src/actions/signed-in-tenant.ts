import type { TokenCredential } from '@azure/core-auth'
import { jwtClaims, stringClaim } from '../clients/http/jwt-claims.js'
import { ServiceError } from '../clients/http/service-error.js'

/**
 * The tenant this run is signed in to, as the service that is about to write sees it: the `tid`
 * claim of the Microsoft Graph token the write goes out with. Read from the token, not from
 * azure-tenant-id: without that input (azure-auth cli or managed-identity) the credential signs in
 * to whatever tenant its session names. undefined when the token carries none (not a JWT).
 */
export async function graphTokenTenant(
  credential: TokenCredential,
  graphEndpoint: string,
  abortSignal: AbortSignal
): Promise<string | undefined> {
  const token = await credential.getToken(`${graphEndpoint}/.default`, { abortSignal })
  if (!token)
    throw new ServiceError('Microsoft Graph token request', undefined, 'no token returned')
  return stringClaim(jwtClaims(token.token), 'tid')
}
