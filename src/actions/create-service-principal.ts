import type { TokenCredential } from '@azure/core-auth'
import { readServicePrincipal } from '../clients/azure/graph-reader.js'
import { requestJson } from '../clients/http/json-request.js'
import { ServiceError } from '../clients/http/service-error.js'

export const CREATE_SERVICE_PRINCIPAL_CALL = 'Microsoft Graph POST service principal'

export type ServicePrincipalCreation =
  | { kind: 'created'; objectId: string }
  /** Graph answered that the app already has one (made meanwhile, e.g. by the consent link). */
  | { kind: 'already-present'; objectId: string }

/**
 * Creates the CMK app's service principal in the tenant the credential signs in to: Graph's
 * `POST /v1.0/servicePrincipals {"appId"}`, what the consent link and `az ad sp create --id` do.
 * Not retried on failure (a POST may have been stored); a 409 is read back instead.
 */
export async function createServicePrincipal(
  credential: TokenCredential,
  graphEndpoint: string,
  appId: string,
  signal: AbortSignal
): Promise<ServicePrincipalCreation> {
  const token = await credential.getToken(`${graphEndpoint}/.default`, { abortSignal: signal })
  if (!token)
    throw new ServiceError('Microsoft Graph token request', undefined, 'no token returned')
  try {
    const { status, body } = await requestJson({
      call: CREATE_SERVICE_PRINCIPAL_CALL,
      method: 'POST',
      url: `${graphEndpoint}/v1.0/servicePrincipals`,
      headers: { Authorization: `Bearer ${token.token}` },
      json: { appId },
      signal
    })
    const id = (body as { id?: unknown } | undefined)?.id
    if (typeof id !== 'string')
      throw new ServiceError(CREATE_SERVICE_PRINCIPAL_CALL, status, 'the answer has no id')
    return { kind: 'created', objectId: id }
  } catch (error) {
    // Graph answers 409 Request_MultipleObjectsWithSameKeyValue when the app already has one.
    if (!(error instanceof ServiceError) || error.status !== 409) throw error
    const existing = await readServicePrincipal(credential, graphEndpoint, appId, signal)
    if (!existing) throw error
    return { kind: 'already-present', objectId: existing.objectId }
  }
}
