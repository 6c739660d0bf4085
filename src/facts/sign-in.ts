import { jwtClaims, stringClaim } from '../clients/http/jwt-claims.js'
import type { Services } from '../clients/services.js'
import type { AdobeSignIn, AzureSignIn, Read, ReadError } from '../model/facts.js'
import type { ReadTarget } from './read-target.js'
import { toReadError } from './read-error.js'
import { ServiceError } from '../clients/http/service-error.js'

export const AZURE_SIGN_IN_CALL = 'Entra token request'
export const ADOBE_SIGN_IN_CALL = 'Adobe IMS token request'

/**
 * Signs in to Azure first, as its own step: asks for the ARM token every Azure read needs (the
 * credential shares it with the SDK clients), so that a sign-in failure is reported once, with
 * its cause, instead of as a failure of every read.
 */
export async function signInToAzure(
  services: Pick<Services, 'credential' | 'endpoints' | 'signal' | 'presentedIdToken'>,
  identity: ReadTarget['azure']
): Promise<AzureSignIn> {
  const { credential, signal } = services
  let session: AzureSignIn['session']
  try {
    const token = await credential.getToken(`${services.endpoints.arm}/.default`, {
      abortSignal: signal
    })
    if (!token) throw new Error('the credential returned no token')
    const claims = jwtClaims(token.token)
    session = {
      ok: true,
      value: {
        tenantId: stringClaim(claims, 'tid'),
        appId: stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp'),
        objectId: stringClaim(claims, 'oid')
      }
    }
  } catch (error) {
    // The shared credential names the failed token request and its scope: keep that call.
    const call = error instanceof ServiceError ? error.call : AZURE_SIGN_IN_CALL
    session = { ok: false, error: toReadError(call, error) }
  }
  return { ...identity, presented: services.presentedIdToken(), session }
}

/** Gets the Adobe IMS token first, for the same reason; a ready token is judged by Platform. */
export async function signInToAdobe(
  services: Pick<Services, 'adobeToken'>,
  identity: ReadTarget['adobe']
): Promise<AdobeSignIn> {
  let token: Read<null>
  try {
    await services.adobeToken()
    token = { ok: true, value: null }
  } catch (error) {
    token = { ok: false, error: toReadError(ADOBE_SIGN_IN_CALL, error) }
  }
  return { ...identity, token }
}

/** What a read that needs a sign-in holds when that sign-in failed: it was never attempted. */
export function notReadWithoutSignIn(call: string, service: 'Azure' | 'Adobe'): ReadError {
  return { call, kind: 'error', message: `not attempted: signing in to ${service} failed` }
}
