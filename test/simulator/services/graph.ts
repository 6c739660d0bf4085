import { randomUUID } from 'node:crypto'
import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import { checkAzureBearer } from './azure-bearer.js'
import { principalAndGroups } from './arm.js'

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

/**
 * The permissions that read a group's properties; without one, a directoryObject collection still
 * lists the group, with only @odata.type and id ("limited information" in Graph's docs).
 */
const GROUP_READ_GRANTS = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All'
]

/** Graph's default and largest page of a directoryObject collection. */
const MEMBER_OF_PAGE = { default: 100, max: 999 }

/**
 * Microsoft Graph (graph.localhost): service principal look-ups and creation, and the transitive
 * group memberships of the CMK app's service principal.
 */
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
  // graph403: the identity holds none of the read permissions (Application.Read.All,
  // Application.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All) that both the service
  // principal look-up and transitiveMemberOf need (Graph: least privileged Application.Read.All).
  if (ctx.state.graph403) {
    return graphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.'
    )
  }

  const memberOf = /^\/v1\.0\/servicePrincipals\/([^/]+)\/transitiveMemberOf$/i.exec(req.path)?.[1]
  if (memberOf !== undefined) return transitiveMemberOf(req, ctx, memberOf)
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

/**
 * GET /v1.0/servicePrincipals/{id}/transitiveMemberOf: the groups the principal is in, directly or
 * through other groups (scenario `groups`), as directoryObjects, paged by $top (default 100, at
 * most 999) with an @odata.nextLink carrying a $skiptoken. 404 for a principal that does not exist.
 */
function transitiveMemberOf(req: SimRequest, ctx: SimContext, id: string): Answer {
  const sp = servicePrincipal(ctx, candidate => candidate.id.toLowerCase() === id.toLowerCase())
  if (!sp) {
    return graphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`
    )
  }
  const held = new Set(ctx.state.graphGrants.map(g => g.toLowerCase()))
  const readsGroups = GROUP_READ_GRANTS.some(g => held.has(g.toLowerCase()))
  const groups = [...principalAndGroups(ctx, sp.id)].filter(g => g !== sp.id.toLowerCase()).sort()
  const top = Math.min(Number(req.query.$top ?? MEMBER_OF_PAGE.default) || 1, MEMBER_OF_PAGE.max)
  const skip = Number(req.query.$skiptoken ?? 0) || 0
  const page = groups.slice(skip, skip + top).map(group => ({
    '@odata.type': '#microsoft.graph.group',
    id: group,
    displayName: readsGroups ? `group ${group.slice(0, 8)}` : null,
    securityEnabled: readsGroups ? true : null
  }))
  const next =
    skip + top < groups.length
      ? `${ctx.urls.graph}/v1.0/servicePrincipals/${sp.id}/transitiveMemberOf?${new URLSearchParams(
          {
            ...req.query,
            $top: String(top),
            $skiptoken: String(skip + top)
          }
        ).toString()}`
      : undefined
  return json(200, {
    '@odata.context': `${ctx.urls.graph}/v1.0/$metadata#directoryObjects`,
    value: page,
    ...(next ? { '@odata.nextLink': next } : {})
  })
}
