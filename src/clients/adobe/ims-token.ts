import { requestJson } from '../http/json-request.js'
import { registerSecret } from '../../safety/secrets.js'
import { ServiceError } from '../http/service-error.js'
import type { HttpContext } from '../http/http-context.js'
import type { AdobeCredential } from '../../inputs/settings.js'

/** Gets the IMS access token once: a ready token, or the OAuth Server-to-Server client-credentials grant. */
export async function fetchAdobeToken(
  credential: AdobeCredential,
  imsEndpoint: string,
  http: HttpContext
): Promise<string> {
  if (credential.kind === 'access-token') return credential.accessToken
  const { body } = await requestJson({
    call: 'Adobe IMS token request',
    method: 'POST',
    // A token grant stores nothing: safe to send again after a 5xx or a lost answer.
    idempotent: true,
    url: `${imsEndpoint}/ims/token/v3`,
    form: {
      grant_type: 'client_credentials',
      client_id: credential.clientId,
      client_secret: credential.clientSecret,
      scope: credential.scopes.join(',')
    },
    http
  })
  const token = (body as { access_token?: unknown } | undefined)?.access_token
  if (typeof token !== 'string' || token === '')
    throw new ServiceError('Adobe IMS token request', 200, 'the answer has no access_token')
  registerSecret(token)
  return token
}
