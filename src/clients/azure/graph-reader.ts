import type { TokenCredential } from '@azure/core-auth'
import type { ServicePrincipal } from '../../facts/facts.js'
import { requestJson } from '../http/json-request.js'
import { ServiceError } from '../http/service-error.js'

/** The CMK app's service principal in the tenant, or null when the app was never consented to. */
export async function readServicePrincipal(
  credential: TokenCredential,
  graphEndpoint: string,
  appId: string,
  signal: AbortSignal
): Promise<ServicePrincipal | null> {
  const token = await credential.getToken(`${graphEndpoint}/.default`, { abortSignal: signal })
  if (!token)
    throw new ServiceError('Microsoft Graph token request', undefined, 'no token returned')
  const { status, body } = await requestJson({
    call: 'Microsoft Graph GET service principal',
    method: 'GET',
    url: `${graphEndpoint}/v1.0/servicePrincipals(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName`,
    headers: { Authorization: `Bearer ${token.token}` },
    allow404: true,
    signal
  })
  if (status === 404) return null
  const sp = body as { id?: unknown; appId?: unknown; displayName?: unknown }
  if (typeof sp?.id !== 'string')
    throw new ServiceError('Microsoft Graph GET service principal', status, 'the answer has no id')
  return {
    objectId: sp.id,
    source: 'graph',
    appId: typeof sp.appId === 'string' ? sp.appId : undefined,
    displayName: typeof sp.displayName === 'string' ? sp.displayName : undefined
  }
}
