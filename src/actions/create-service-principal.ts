import type { TokenCredential } from '@azure/core-auth'
import { readServicePrincipal } from '../clients/azure/graph-reader.js'
import { requestJson } from '../clients/http/json-request.js'
import { ServiceError } from '../clients/http/service-error.js'
import type { HttpContext } from '../clients/http/http-context.js'
import { neutralize } from '../safety/neutralize.js'
import { pollUntil } from './poll-schedule.js'
import type { PrincipalWaitOptions } from './until-principal-visible.js'

export const CREATE_SERVICE_PRINCIPAL_CALL = 'Microsoft Graph POST service principal'

export type ServicePrincipalCreation =
  | { kind: 'created'; objectId: string }
  /** Graph answered that the app already has one (made meanwhile, e.g. by the consent link). */
  | { kind: 'already-present'; objectId: string }

/**
 * Creates the CMK app's service principal in the tenant the credential signs in to: Graph's
 * `POST /v1.0/servicePrincipals {"appId"}`, what the consent link and `az ad sp create --id` do.
 * Not retried on failure (a POST may have been stored); a 409 is read back instead.
 *
 * An answer is believed only as far as it matches the request: a created principal whose `appId`
 * is not the CMK app's is refused, and the object id returned is always the one read back by the
 * CMK app's `appId` (never the create answer's), so a role is only ever granted to the CMK app.
 * Graph is eventually consistent, so the read-back waits for the new principal (within `wait`).
 */
export async function createServicePrincipal(
  credential: TokenCredential,
  graphEndpoint: string,
  appId: string,
  http: HttpContext,
  wait: PrincipalWaitOptions
): Promise<ServicePrincipalCreation> {
  const token = await credential.getToken(`${graphEndpoint}/.default`, {
    abortSignal: http.signal
  })
  if (!token)
    throw new ServiceError('Microsoft Graph token request', undefined, 'no token returned')
  try {
    const { status, body } = await requestJson({
      call: CREATE_SERVICE_PRINCIPAL_CALL,
      method: 'POST',
      url: `${graphEndpoint}/v1.0/servicePrincipals`,
      headers: { Authorization: `Bearer ${token.token}` },
      json: { appId },
      http
    })
    const answer = body as { id?: unknown; appId?: unknown } | undefined
    if (typeof answer?.id !== 'string')
      throw new ServiceError(CREATE_SERVICE_PRINCIPAL_CALL, status, 'the answer has no id')
    if (typeof answer.appId === 'string' && answer.appId.toLowerCase() !== appId.toLowerCase())
      throw new ServiceError(
        CREATE_SERVICE_PRINCIPAL_CALL,
        status,
        `the answer names application ${neutralize(answer.appId)}, not the CMK app ${appId}: refused, nothing is granted to it`
      )
  } catch (error) {
    // Graph answers 409 Request_MultipleObjectsWithSameKeyValue when the app already has one.
    if (!(error instanceof ServiceError) || error.status !== 409) throw error
    const existing = await readServicePrincipal(credential, graphEndpoint, appId, http)
    if (!existing) throw error
    return { kind: 'already-present', objectId: existing.objectId }
  }
  const readBack = () => readServicePrincipal(credential, graphEndpoint, appId, http)
  const first = await readBack()
  const visible = first ?? (await pollUntil(readBack, principal => principal !== null, wait)).value
  if (!visible)
    throw new ServiceError(
      'Microsoft Graph GET service principal',
      404,
      `the service principal created for the CMK app ${appId} could not be read back by its application id within the wait; re-run the job`
    )
  return { kind: 'created', objectId: visible.objectId }
}
