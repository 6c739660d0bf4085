import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import { nowSeconds } from '../tokens.js'

export const IMS_TOKEN_LIFETIME_SECONDS = 86399

/** Adobe IMS (ims.localhost): the OAuth Server-to-Server token endpoint. */
export function ims(req: SimRequest, ctx: SimContext): Answer {
  if (req.path !== '/ims/token/v3') {
    return json(404, { error: 'not_found', error_description: `No route for ${req.path}` })
  }
  if (req.method !== 'POST') {
    return json(405, { error: 'method_not_allowed', error_description: 'Use POST.' })
  }
  // IMS reads the fields from a form body, or from the query string (with no body).
  const mediaType = (req.headers['content-type'] ?? '').replace(/;.*$/s, '').trim().toLowerCase()
  if (req.body !== '' && mediaType !== 'application/x-www-form-urlencoded') {
    return json(400, {
      error: 'invalid_request',
      error_description: 'The request body must be application/x-www-form-urlencoded.'
    })
  }
  const form = new URLSearchParams(req.body)
  const field = (name: string): string | undefined => form.get(name) ?? req.query[name]
  const { adobe } = ctx.state

  const grantType = field('grant_type')
  if (grantType !== 'client_credentials') {
    return json(400, {
      error: 'unsupported_grant_type',
      error_description: `unsupported grant_type ${grantType ?? ''}`.trim()
    })
  }
  if (field('client_id') !== adobe.clientId) {
    return json(401, { error: 'invalid_client', error_description: 'invalid client_id parameter' })
  }
  if (field('client_secret') !== adobe.clientSecret) {
    return json(401, {
      error: 'invalid_client',
      error_description: 'invalid client_secret parameter'
    })
  }
  const requested = (field('scope') ?? '').split(/[,\s]+/).filter(Boolean)
  const invalid = requested.filter(s => !adobe.scopes.includes(s))
  if (requested.length === 0 || invalid.length > 0) {
    return json(400, {
      error: 'invalid_scope',
      error_description:
        requested.length === 0 ? 'scope is required' : `Invalid scope(s): ${invalid.join(',')}`
    })
  }

  const iat = nowSeconds()
  const accessToken = ctx.tokens.mint(
    {
      type: 'access_token',
      client_id: adobe.clientId,
      user_id: `${adobe.clientId}@techacct.adobe.com`,
      as: 'ims-na1',
      aa_id: `${adobe.clientId}@techacct.adobe.com`,
      org: adobe.orgId,
      scope: requested.join(','),
      iat,
      exp: iat + IMS_TOKEN_LIFETIME_SECONDS
    },
    { x5u: 'ims_na1-key-at-1.cer' }
  )
  ctx.counters.imsTokens++
  return json(200, {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: IMS_TOKEN_LIFETIME_SECONDS
  })
}
