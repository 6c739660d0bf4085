import type { TokenCredential } from '@azure/core-auth'
import type { ServicePrincipal } from '../../model/facts.js'
import { requestJson } from '../http/json-request.js'
import { ServiceError } from '../http/service-error.js'
import type { HttpContext } from '../http/http-context.js'
import { neutralize } from '../../safety/neutralize.js'

/** The CMK app's service principal in the tenant, or null when the app was never consented to. */
export async function readServicePrincipal(
  credential: TokenCredential,
  graphEndpoint: string,
  appId: string,
  http: HttpContext
): Promise<ServicePrincipal | null> {
  const token = await credential.getToken(`${graphEndpoint}/.default`, {
    abortSignal: http.signal
  })
  if (!token)
    throw new ServiceError('Microsoft Graph token request', undefined, 'no token returned')
  const { status, body } = await requestJson({
    call: 'Microsoft Graph GET service principal',
    method: 'GET',
    url: `${graphEndpoint}/v1.0/servicePrincipals(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName`,
    headers: { Authorization: `Bearer ${token.token}` },
    allow404: true,
    http
  })
  if (status === 404) return null
  const sp = body as { id?: unknown; appId?: unknown; displayName?: unknown }
  if (typeof sp?.id !== 'string')
    throw new ServiceError('Microsoft Graph GET service principal', status, 'the answer has no id')
  // Believed only as far as it matches the request: another app's principal is never the CMK app's.
  if (typeof sp.appId === 'string' && sp.appId.toLowerCase() !== appId.toLowerCase())
    throw new ServiceError(
      'Microsoft Graph GET service principal',
      status,
      `the answer names application ${neutralize(sp.appId)}, not ${appId}`
    )
  return {
    objectId: sp.id,
    source: 'graph',
    appId: typeof sp.appId === 'string' ? sp.appId : undefined,
    displayName: typeof sp.displayName === 'string' ? sp.displayName : undefined
  }
}
