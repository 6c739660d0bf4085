import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import { HSM_ROLE_DEFINITIONS } from '../hsm-role-definitions.js'
import type { LocalRoleAssignmentState, ManagedHsmState } from '../scenario.js'
import type { RoleDefinitionState } from '../role-definitions.js'
import { checkAzureBearer, presentedAudience } from './azure-bearer.js'
import { KEY_VAULT_API_VERSIONS, rotationPolicyJson } from './key-vault.js'
import { principalAndGroups } from './arm.js'
import { firewallRefusal, vaultTenant } from './vault-access.js'

const AUTHZ = '/providers/Microsoft.Authorization'
const ACTION = 'Microsoft.KeyVault/managedHsm'

function hsmError(
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
  headers?: Record<string, string>
): Answer {
  return json(status, { error: { code, message, ...extra } }, headers)
}

/**
 * A Managed HSM's data plane (`<hsm>.managedhsm.localhost`): Key Vault's bearer challenge naming
 * `https://managedhsm.localhost` (the real one names https://managedhsm.azure.net), the HSM's
 * network rules, and its local RBAC (rbac.json): role assignments by scope, role definitions,
 * the key's rotation policy. Every call is authorised by the caller's local role assignments.
 */
export function managedHsm(req: SimRequest, ctx: SimContext): Answer {
  const { state } = ctx
  const name = req.hostname.split('.')[0] ?? ''
  const hsm = state.managedHsm
  // A Managed HSM that does not exist has no DNS name.
  if (!hsm || hsm.name.toLowerCase() !== name.toLowerCase()) return { status: 0, reset: true }
  const tenant = vaultTenant(state, hsm)
  const challenge = {
    'WWW-Authenticate': `Bearer authorization="${ctx.urls.authorityHost}/${tenant}", resource="${ctx.managedHsmResource}"`
  }
  const checked = checkAzureBearer(req, ctx, ctx.managedHsmResource, tenant)
  if (!checked.ok) {
    const messages = {
      missing: 'Unauthorized: request is missing a Bearer token.',
      invalid: 'Unauthorized: token signature is invalid.',
      expired: 'Unauthorized: token is expired.',
      audience: `Unauthorized: invalid audience. Expected ${ctx.managedHsmResource}, found: ${presentedAudience(req)}.`,
      tenant: `Unauthorized: invalid issuer. Expected one of https://sts.localhost/${tenant}/.`
    }
    return hsmError(401, 'Unauthorized', messages[checked.problem], undefined, challenge)
  }
  const apiVersion = req.query['api-version']
  if (!apiVersion || !(KEY_VAULT_API_VERSIONS as readonly string[]).includes(apiVersion))
    return hsmError(
      400,
      'BadParameter',
      `The specified version (${apiVersion ?? ''}) is not recognized.`
    )
  const oid = typeof checked.claims.oid === 'string' ? checked.claims.oid : state.azure.objectId
  const refusal = firewallRefusal(hsm, state.runnerIp)
  if (refusal) {
    const message =
      refusal === 'ForbiddenByConnection'
        ? 'Public network access is disabled and request is not from a trusted service nor via an approved private link.'
        : `Client address is not authorized and caller is not a trusted service.\r\nClient address: ${state.runnerIp}`
    return hsmError(403, 'Forbidden', message, { innererror: { code: refusal } })
  }
  if (req.method === 'PUT') {
    const put =
      /^(\/keys(?:\/[^/]+)?)?\/providers\/Microsoft\.Authorization\/roleAssignments\/([^/]+)$/i.exec(
        req.path.replace(/\/+$/, '')
      )
    if (put) return createRoleAssignment(req, ctx, hsm, oid, put[1] ?? '/', put[2] as string)
  }
  if (req.method !== 'GET')
    return hsmError(
      405,
      'MethodNotAllowed',
      `The simulator does not support ${req.method} ${req.path}.`
    )

  const path = req.path.replace(/\/+$/, '') || '/'
  let m = /^(\/keys(?:\/[^/]+)?)?\/providers\/Microsoft\.Authorization\/roleAssignments$/i.exec(
    path
  )
  if (m) {
    const scope = m[1] ?? '/'
    const denied = authorize(ctx, hsm, oid, scope, 'roleAssignments/read/action')
    if (denied) return denied
    return json(200, { value: assignmentsAt(hsm, scope, req.query.$filter), nextLink: null })
  }
  m = /^\/providers\/Microsoft\.Authorization\/roleDefinitions(?:\/([^/]+))?$/i.exec(path)
  if (m) {
    const denied = authorize(ctx, hsm, oid, '/', 'roleDefinitions/read/action')
    if (denied) return denied
    if (!m[1]) return json(200, { value: HSM_ROLE_DEFINITIONS.map(definitionJson), nextLink: null })
    const role = HSM_ROLE_DEFINITIONS.find(r => r.guid.toLowerCase() === m![1]!.toLowerCase())
    if (!role)
      return hsmError(
        404,
        'RoleDefinitionNotFound',
        `Requested role definition ${m[1]} was not found.`
      )
    return json(200, definitionJson(role))
  }
  m = /^\/keys\/([^/]+)\/rotationpolicy$/i.exec(path)
  if (m) {
    const keyName = m[1] as string
    const denied = authorize(ctx, hsm, oid, `/keys/${keyName}`, 'keys/read/action')
    if (denied) return denied
    const key =
      state.key && state.key.name.toLowerCase() === keyName.toLowerCase() ? state.key : null
    if (!key)
      return hsmError(
        404,
        'KeyNotFound',
        `A key with (name/id) ${keyName} was not found in this HSM.`
      )
    return json(200, rotationPolicyJson(`https://${req.host}`, key))
  }
  return hsmError(404, 'NotFound', `No route for ${req.path}.`)
}

/** Assignments at `scope` as rbac.json shows them; with a filter, the documented semantics. */
function assignmentsAt(
  hsm: ManagedHsmState,
  scope: string,
  filter: string | undefined
): Record<string, unknown>[] {
  const principal = /principalId\s+eq\s+'([^']+)'/i.exec(filter ?? '')?.[1]?.toLowerCase()
  const atScope = /atScope\(\)/i.test(filter ?? '')
  return hsm.localRoleAssignments
    .filter(a => {
      if (principal !== undefined) return a.principalId.toLowerCase() === principal
      // atScope(): at or above. Unfiltered, rbac.json leaves it open; Az.KeyVault's
      // Get-AzKeyVaultRoleAssignment documents that a listing at / "returns all the role
      // assignments made under the managed HSM": the scope and every scope below it, other keys'.
      return atScope ? covers(a.scope, scope) : covers(scope, a.scope)
    })
    .map((a, i) => assignmentJson(a, i))
}

function same(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\/+$/, '') === b.toLowerCase().replace(/\/+$/, '')
}

/** Whether an assignment at `outer` applies at `inner`: `/` covers all, `/keys` every key. */
function covers(outer: string, inner: string): boolean {
  const o = outer.toLowerCase().replace(/\/+$/, '')
  const i = inner.toLowerCase().replace(/\/+$/, '')
  return o === '' || o === i || i.startsWith(`${o}/`)
}

/**
 * 403 unless one of the caller's local roles at or above `scope` grants `action`: assigned to the
 * caller or to a group it is in, directly or through other groups (local RBAC roles "can be
 * assigned to users, service principals, groups, and managed identities": built-in roles docs).
 */
function authorize(
  ctx: SimContext,
  hsm: ManagedHsmState,
  oid: string,
  scope: string,
  action: string
): Answer | undefined {
  const principals = principalAndGroups(ctx, oid)
  const granted = hsm.localRoleAssignments.some(a => {
    if (!principals.has(a.principalId.toLowerCase()) || !covers(a.scope, scope)) return false
    const role = HSM_ROLE_DEFINITIONS.find(
      r => r.guid.toLowerCase() === a.roleDefinitionGuid.toLowerCase()
    )
    return (role?.permissions ?? []).some(p => p.dataActions.includes(`${ACTION}/${action}`))
  })
  if (granted) return undefined
  return hsmError(
    403,
    'Forbidden',
    `Operation not allowed. Caller '${oid}' is not authorized to perform action '${ACTION}/${action}' at scope '${scope}'.`,
    { innererror: { code: 'AccessDenied' } }
  )
}

function assignmentJson(a: LocalRoleAssignmentState, index: number): Record<string, unknown> {
  const name = a.name ?? `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`
  const scope = a.scope === '/' ? '' : a.scope
  return {
    id: `${scope}${AUTHZ}/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      scope: a.scope,
      roleDefinitionId: `Microsoft.KeyVault${AUTHZ}/roleDefinitions/${a.roleDefinitionGuid}`,
      principalId: a.principalId
    }
  }
}

function definitionJson(role: RoleDefinitionState): Record<string, unknown> {
  return {
    id: `Microsoft.KeyVault${AUTHZ}/roleDefinitions/${role.guid}`,
    name: role.guid,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: role.roleName,
      type: 'AKVBuiltInRole',
      description: role.description,
      assignableScopes: role.assignableScopes,
      permissions: role.permissions
    }
  }
}

/**
 * PUT of a local role assignment (rbac.json RoleAssignments_Create): needs
 * roleAssignments/write/action at the scope (e.g. Managed HSM Policy Administrator). The same
 * name with the same role, principal and scope is answered again (a PUT is idempotent); the same
 * role, principal and scope under another name is 409 Conflict, the simulator's choice where
 * rbac.json documents no conflict answer.
 */
function createRoleAssignment(
  req: SimRequest,
  ctx: SimContext,
  hsm: ManagedHsmState,
  oid: string,
  scope: string,
  name: string
): Answer {
  const denied = authorize(ctx, hsm, oid, scope, 'roleAssignments/write/action')
  if (denied) return denied
  let properties: { roleDefinitionId?: unknown; principalId?: unknown } | undefined
  try {
    properties = (JSON.parse(req.body) as { properties?: typeof properties }).properties
  } catch {
    properties = undefined
  }
  const roleDefinitionId = properties?.roleDefinitionId
  const principalId = properties?.principalId
  if (typeof roleDefinitionId !== 'string' || typeof principalId !== 'string')
    return hsmError(
      400,
      'BadParameter',
      'properties.roleDefinitionId and properties.principalId are required.'
    )
  const guid = roleDefinitionId.split('/').pop() ?? ''
  if (!HSM_ROLE_DEFINITIONS.some(r => r.guid.toLowerCase() === guid.toLowerCase()))
    return hsmError(
      400,
      'BadParameter',
      `Requested role definition ${roleDefinitionId} was not found.`
    )
  const existing = hsm.localRoleAssignments.findIndex(
    a =>
      same(a.scope, scope) &&
      a.principalId.toLowerCase() === principalId.toLowerCase() &&
      a.roleDefinitionGuid.toLowerCase() === guid.toLowerCase()
  )
  if (existing >= 0) {
    const found = hsm.localRoleAssignments[existing]!
    if ((found.name ?? '').toLowerCase() === name.toLowerCase())
      return json(200, assignmentJson(found, existing))
    return hsmError(409, 'Conflict', 'The role assignment already exists.')
  }
  const assignment: LocalRoleAssignmentState = {
    principalId,
    roleDefinitionGuid: guid,
    scope: scope as LocalRoleAssignmentState['scope'],
    name
  }
  hsm.localRoleAssignments.push(assignment)
  return json(201, assignmentJson(assignment, hsm.localRoleAssignments.length - 1))
}
