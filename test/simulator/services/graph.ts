import { randomUUID } from 'node:crypto'
import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import { checkAzureBearer } from './azure-bearer.js'

/** The tenant that owns Adobe's multi-tenant CMK app. */
const ADOBE_TENANT = 'fa7b1b5a-7b34-4387-94ae-d2c178decee1'

function graphError(status: number, code: string, message: string): Answer {
  return json(status, {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d+Z$/, ''),
        'request-id': randomUUID(),
        'client-request-id': randomUUID()
      }
    }
  })
}

/**
 * What lets an identity create the service principal of another organisation's multi-tenant app
 * (Graph "Create servicePrincipal"): the application permissions Application.ReadWrite.All or
 * Directory.ReadWrite.All, or a directory role that manages enterprise apps.
 * Application.ReadWrite.OwnedBy, the documented least privilege, only covers apps the caller owns,
 * which Adobe's CMK app never is.
 */
export const SERVICE_PRINCIPAL_WRITE_GRANTS = [
  'Application.ReadWrite.All',
  'Directory.ReadWrite.All',
  'Cloud Application Administrator',
  'Application Administrator',
  'Global Administrator'
] as const

/** Microsoft Graph (graph.localhost): service principal look-ups and creation. */
export function graph(req: SimRequest, ctx: SimContext): Answer {
  const checked = checkAzureBearer(req, ctx, ctx.urls.graph)
  if (!checked.ok) {
    const message = {
      missing: 'Access token is empty.',
      invalid: 'Access token validation failure. Invalid signature.',
      expired: 'Lifetime validation failed, the token is expired.',
      audience: 'Access token validation failure. Invalid audience.',
      tenant: 'Access token validation failure. Invalid issuer.'
    }[checked.problem]
    return graphError(401, 'InvalidAuthenticationToken', message)
  }
  if (req.method === 'POST' && /^\/v1\.0\/servicePrincipals$/i.test(req.path))
    return createServicePrincipal(req, ctx)
  if (req.method !== 'GET')
    return graphError(405, 'Request_BadRequest', `Unsupported ${req.method}.`)
  if (ctx.state.graph403) {
    return graphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.'
    )
  }

  const byAppId = /^\/v1\.0\/servicePrincipals\(appId='([^']*)'\)$/i.exec(req.path)?.[1]
  if (byAppId !== undefined) return entityAnswer(ctx, byAppId, sp => sp.appId)
  const byObjectId = /^\/v1\.0\/servicePrincipals\/([^/]+)$/i.exec(req.path)?.[1]
  if (byObjectId !== undefined) return entityAnswer(ctx, byObjectId, sp => sp.id)
  if (/^\/v1\.0\/servicePrincipals$/i.test(req.path)) {
    const appId = /^appId\s+eq\s+'([^']*)'$/i.exec((req.query.$filter ?? '').trim())?.[1]
    if (!appId) return graphError(400, 'Request_UnsupportedQuery', 'Unsupported query.')
    const sp = servicePrincipal(ctx, sp => sp.appId.toLowerCase() === appId.toLowerCase())
    return json(200, {
      '@odata.context': `${ctx.urls.graph}/v1.0/$metadata#servicePrincipals`,
      value: sp ? [sp] : []
    })
  }
  return graphError(400, 'Request_BadRequest', `Invalid request: ${req.path}`)
}

interface ServicePrincipalJson {
  id: string
  appId: string
  displayName: string
  [k: string]: unknown
}

function servicePrincipal(
  ctx: SimContext,
  match: (sp: ServicePrincipalJson) => boolean
): ServicePrincipalJson | undefined {
  if (!ctx.state.servicePrincipalPresent) return undefined
  const { cmkApp } = ctx.state
  const sp: ServicePrincipalJson = {
    id: cmkApp.objectId,
    appId: cmkApp.appId,
    displayName: cmkApp.displayName,
    accountEnabled: true,
    appOwnerOrganizationId: ADOBE_TENANT,
    servicePrincipalType: 'Application',
    signInAudience: 'AzureADMultipleOrgs',
    servicePrincipalNames: [cmkApp.appId],
    tags: ['WindowsAzureActiveDirectoryIntegratedApp']
  }
  return match(sp) ? sp : undefined
}

/** GET of one service principal by a key (appId or object id): the entity, or Graph's 404. */
function entityAnswer(
  ctx: SimContext,
  key: string,
  keyOf: (sp: ServicePrincipalJson) => string
): Answer {
  const sp = servicePrincipal(
    ctx,
    candidate => keyOf(candidate).toLowerCase() === key.toLowerCase()
  )
  if (!sp) {
    return graphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`
    )
  }
  return json(200, {
    '@odata.context': `${ctx.urls.graph}/v1.0/$metadata#servicePrincipals/$entity`,
    ...sp
  })
}

/**
 * POST /v1.0/servicePrincipals {"appId"}: what the consent link does for a multi-tenant app.
 * 201 with the new entity; 409 when the app already has a service principal in the tenant.
 */
function createServicePrincipal(req: SimRequest, ctx: SimContext): Answer {
  const held = new Set(ctx.state.graphGrants.map(g => g.toLowerCase()))
  if (!SERVICE_PRINCIPAL_WRITE_GRANTS.some(g => held.has(g.toLowerCase()))) {
    return graphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.'
    )
  }
  if (!/^application\/json/i.test(req.headers['content-type'] ?? ''))
    return graphError(415, 'Request_BadRequest', 'A supported MIME type could not be found.')
  let body: { appId?: unknown }
  try {
    body = JSON.parse(req.body) as { appId?: unknown }
  } catch {
    return graphError(400, 'BadRequest', 'Unable to read JSON request payload.')
  }
  const { cmkApp } = ctx.state
  if (typeof body?.appId !== 'string' || body.appId.toLowerCase() !== cmkApp.appId.toLowerCase()) {
    return graphError(
      400,
      'Request_BadRequest',
      `The appId '${String(body?.appId)}' of the service principal does not reference a valid application object.`
    )
  }
  if (ctx.state.servicePrincipalPresent) {
    return graphError(
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      `The service principal cannot be created, updated, or restored because the service principal name ${cmkApp.appId} is already in use.`
    )
  }
  ctx.state.servicePrincipalPresent = true
  const sp = servicePrincipal(ctx, () => true)
  return json(
    201,
    { '@odata.context': `${ctx.urls.graph}/v1.0/$metadata#servicePrincipals/$entity`, ...sp },
    { Location: `${ctx.urls.graph}/v1.0/servicePrincipals/${cmkApp.objectId}` }
  )
}
