import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import { BUILTIN_ROLE_DEFINITIONS, type RoleDefinitionState } from '../role-definitions.js'
import {
  managedHsmResourceId,
  vaultResourceId,
  type KeyState,
  type ManagedHsmState,
  type RoleAssignmentState,
  type VaultState
} from '../scenario.js'
import { armKeyJson } from './arm-key.js'
import {
  diagnosticSettingsJson,
  lockJson,
  locksAtResourceLevel,
  readOnlyLockOver
} from './arm-vault-protection.js'
import type { LockState } from '../vault-protection.js'
import { checkAzureBearer, presentedAudience } from './azure-bearer.js'

const AUTHZ = '/providers/Microsoft.Authorization'

function armError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>
): Answer {
  return json(status, { error: { code, message } }, headers)
}

/**
 * api-versions each resource provider accepts (a subset of the real lists, newest first):
 * @azure/arm-keyvault 5 sends 2026-02-01 (vaults) and 2015-11-01 (the generic resource list of
 * vaults.list()); @azure/arm-resources 8 sends 2025-04-01 (resources.list);
 * @azure/arm-authorization 9 sends 2022-04-01 for role assignments and role
 * definitions.
 */
export const ARM_API_VERSIONS = {
  'microsoft.keyvault': [
    '2026-02-01',
    '2025-05-01',
    '2024-11-01',
    '2023-07-01',
    '2023-02-01',
    '2022-07-01',
    '2021-10-01',
    '2019-09-01'
  ],
  'microsoft.authorization': [
    '2022-04-01',
    '2020-04-01-preview',
    '2018-01-01-preview',
    '2015-07-01'
  ],
  'microsoft.resources': ['2025-04-01', '2022-09-01', '2021-04-01', '2019-10-01', '2015-11-01'],
  // Per resource type, as ARM checks them: @azure/arm-locks 2 sends 2020-05-01, @azure/arm-monitor
  // 8 sends 2021-05-01-preview for diagnostic settings.
  'microsoft.authorization/locks': ['2020-05-01', '2017-04-01', '2016-09-01', '2015-01-01'],
  'microsoft.insights/diagnosticsettings': [
    '2021-05-01-preview',
    '2020-01-01-preview',
    '2017-05-01-preview'
  ]
} as const

/** The resource provider a path is served by, for its api-versions; undefined = no such route. */
/** ARM's answer for a resource that does not exist (type/name as ARM spells it in the message). */
function resourceNotFound(resource: string, rg: string): Answer {
  return armError(
    404,
    'ResourceNotFound',
    `The Resource '${resource}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
  )
}

function providerOf(path: string): keyof typeof ARM_API_VERSIONS | undefined {
  if (/\/providers\/Microsoft\.Authorization\/locks(\/|$)/i.test(path))
    return 'microsoft.authorization/locks'
  if (/\/providers\/Microsoft\.Insights\/diagnosticSettings(\/|$)/i.test(path))
    return 'microsoft.insights/diagnosticsettings'
  if (/\/providers\/Microsoft\.Authorization\//i.test(path)) return 'microsoft.authorization'
  if (/\/providers\/Microsoft\.KeyVault\//i.test(path)) return 'microsoft.keyvault'
  if (/^\/subscriptions\/[^/]+\/resources\/?$/i.test(path)) return 'microsoft.resources'
  return undefined
}

/** Azure Resource Manager (management.localhost): vaults, role assignments, role definitions. */
export function arm(req: SimRequest, ctx: SimContext): Answer {
  const refused = authenticate(req, ctx)
  if (refused) return refused
  const apiVersion = req.query['api-version']
  if (!apiVersion) {
    return armError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.'
    )
  }
  const provider = providerOf(req.path)
  const supported: readonly string[] = provider ? ARM_API_VERSIONS[provider] : []
  if (provider && !supported.includes(apiVersion)) {
    return armError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(',')}'.`
    )
  }
  const path = req.path.replace(/\/+$/, '')
  if (req.method === 'PUT') {
    const m = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignments\/([^/]+)$/i.exec(path)
    if (m) return createRoleAssignment(req, ctx, m[1] || '/', m[2] as string)
  }
  if (req.method === 'PATCH') {
    const m =
      /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i.exec(
        path
      )
    if (m) return updateVault(req, ctx, m[1] as string, m[2] as string, m[3] as string)
    const h =
      /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/managedHSMs\/([^/]+)$/i.exec(
        path
      )
    if (h) return updateManagedHsm(req, ctx, h[1] as string, h[2] as string, h[3] as string)
  }
  if (req.method !== 'GET') {
    return armError(
      405,
      'MethodNotAllowed',
      `The simulator does not support ${req.method} ${req.path}.`
    )
  }

  let m = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignments$/i.exec(path)
  if (m) return listRoleAssignments(req, ctx, m[1] || '/')
  m = VAULT_OR_HSM_EXTENSION.exec(path)
  if (m?.[5]?.toLowerCase() === 'microsoft.insights/diagnosticsettings')
    return listDiagnosticSettings(req, ctx, m.slice(1, 5))
  if (m?.[5]?.toLowerCase() === 'microsoft.authorization/locks')
    return listLocksAtResourceLevel(req, ctx, m.slice(1, 5))
  m = /^(.*)\/providers\/Microsoft\.Authorization\/roleDefinitions\/([^/]+)$/i.exec(path)
  if (m) return getRoleDefinition(req, ctx, m[1] ?? '', m[2] as string)
  m = /^(.*)\/providers\/Microsoft\.Authorization\/roleDefinitions$/i.exec(path)
  if (m) return listRoleDefinitions(req, ctx, m[1] ?? '')

  m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)\/keys(?:\/([^/]+)(?:\/versions(?:\/([^/]+))?)?)?$/i.exec(
      path
    )
  if (m) return vaultKeys(req, ctx, m.slice(1))
  m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/managedHSMs\/([^/]+)\/keys(?:\/([^/]+)(?:\/versions(?:\/([^/]+))?)?)?$/i.exec(
      path
    )
  if (m) return managedHsmKeys(req, ctx, m.slice(1))
  m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i.exec(
      path
    )
  if (m) return getVault(req, ctx, m[1] as string, m[2] as string, m[3] as string)
  m =
    /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/providers\/Microsoft\.KeyVault\/vaults$/i.exec(
      path
    )
  if (m) return listVaults(req, ctx, m[1] as string, m[2])
  m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/managedHSMs\/([^/]+)$/i.exec(
      path
    )
  if (m) return getManagedHsm(req, ctx, m[1] as string, m[2] as string, m[3] as string)
  m =
    /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/providers\/Microsoft\.KeyVault\/managedHSMs$/i.exec(
      path
    )
  if (m) return listManagedHsms(req, ctx, m[1] as string, m[2])
  m = /^\/subscriptions\/([^/]+)\/resources$/i.exec(path)
  if (m) return listVaultResources(req, ctx, m[1] as string)

  return armError(404, 'NotFound', `The simulator has no route for GET ${req.path}.`)
}

function authenticate(req: SimRequest, ctx: SimContext): Answer | undefined {
  const checked = checkAzureBearer(req, ctx, ctx.urls.arm)
  if (checked.ok) return undefined
  const tenant = ctx.state.tenantId
  const challenge = (description: string) => ({
    'WWW-Authenticate': `Bearer authorization_uri="${ctx.urls.authorityHost}/${tenant}", error="invalid_token", error_description="${description}"`
  })
  switch (checked.problem) {
    case 'missing':
      return armError(
        401,
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is missing.",
        challenge("The authentication failed because of missing 'Authorization' header.")
      )
    case 'expired':
      return armError(
        401,
        'ExpiredAuthenticationToken',
        'The access token expiry UTC time is earlier than current UTC time.',
        challenge('The access token has expired.')
      )
    case 'audience':
      return armError(
        401,
        'InvalidAuthenticationTokenAudience',
        `The access token has been obtained for wrong audience or resource '${presentedAudience(req)}'. It should exactly match with one of the allowed audiences '${ctx.urls.arm}/','${ctx.urls.arm}'.`,
        challenge('The access token has an invalid audience.')
      )
    case 'tenant':
      return armError(
        401,
        'InvalidAuthenticationTokenTenant',
        `The access token is from the wrong issuer. It must match the tenant '${tenant}' associated with this subscription. Please use the authority (URL) '${ctx.urls.authorityHost}/${tenant}' to get the token.`,
        challenge('The access token is from the wrong issuer.')
      )
    default:
      return armError(
        401,
        'InvalidAuthenticationToken',
        'The access token is invalid.',
        challenge('The access token is invalid.')
      )
  }
}

/** Subscription and permission checks shared by every route; undefined = go ahead. */
function authorize(
  ctx: SimContext,
  subscriptionId: string | undefined,
  action: string,
  scope: string
): Answer | undefined {
  if (
    subscriptionId !== undefined &&
    subscriptionId.toLowerCase() !== ctx.state.subscriptionId.toLowerCase()
  ) {
    return armError(
      404,
      'SubscriptionNotFound',
      `The subscription '${subscriptionId}' could not be found.`
    )
  }
  if (ctx.state.armDeniedActions.some(a => a.toLowerCase() === action.toLowerCase())) {
    const { clientId, objectId } = ctx.state.azure
    return armError(
      403,
      'AuthorizationFailed',
      `The client '${clientId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
    )
  }
  return undefined
}

/**
 * ARM's refusal of a write under a ReadOnly lock ("Lock your resources": a ReadOnly lock blocks
 * every management-plane write, role assignments at or below the locked scope included); the
 * message is ARM's ScopeLocked wording.
 */
function scopeLocked(scope: string, lock: LockState): Answer {
  return armError(
    409,
    'ScopeLocked',
    `The scope '${scope}' cannot perform write operation because following scope(s) are locked: '${lock.scope}'. Please remove the lock and try again.`
  )
}

/**
 * Like authorize, for a write: the identity must also hold the action (scenario armWriteActions),
 * since a CI identity usually has Reader and nothing more; and no ReadOnly lock may sit on the
 * scope or above it.
 */
function authorizeWrite(
  ctx: SimContext,
  subscriptionId: string | undefined,
  action: string,
  scope: string
): Answer | undefined {
  const denied = authorize(ctx, subscriptionId, action, scope)
  if (denied) return denied
  if (ctx.state.armWriteActions.some(a => a.toLowerCase() === action.toLowerCase())) {
    const lock = readOnlyLockOver(ctx.state.locks, scope)
    return lock && scopeLocked(scope, lock)
  }
  const { clientId, objectId } = ctx.state.azure
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${clientId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
  )
}

function subscriptionOf(scope: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]
}

/** Every vault of the subscription; the scenario's own vault last, so listings page to reach it. */
function allVaults(ctx: SimContext): VaultState[] {
  return [...ctx.state.otherVaults, ...(ctx.state.vault ? [ctx.state.vault] : [])]
}

function resourceGroupOf(ctx: SimContext, vault: VaultState): string {
  return vault.resourceGroup ?? ctx.state.resourceGroup
}

function vaultJson(ctx: SimContext, vault: VaultState): Record<string, unknown> {
  return {
    id: vaultResourceId(ctx.state, vault),
    name: vault.name,
    type: 'Microsoft.KeyVault/vaults',
    location: vault.location,
    tags: vault.tags,
    systemData: {
      createdBy: 'admin@contoso.example',
      createdByType: 'User',
      createdAt: '2025-01-15T09:30:00.000Z',
      lastModifiedBy: 'admin@contoso.example',
      lastModifiedByType: 'User',
      lastModifiedAt: '2025-06-01T12:00:00.000Z'
    },
    properties: {
      tenantId: ctx.state.tenantId,
      ...vault.properties,
      vaultUri: vault.properties.vaultUri ?? ctx.vaultUri(vault.name)
    }
  }
}

function getVault(req: SimRequest, ctx: SimContext, sub: string, rg: string, name: string): Answer {
  const denied = authorize(ctx, sub, 'Microsoft.KeyVault/vaults/read', req.path)
  if (denied) return denied
  const groups = new Set([
    ctx.state.resourceGroup,
    ...allVaults(ctx).map(v => resourceGroupOf(ctx, v))
  ])
  if (![...groups].some(g => g.toLowerCase() === rg.toLowerCase())) {
    return armError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`)
  }
  const vault = allVaults(ctx).find(
    v =>
      v.name.toLowerCase() === name.toLowerCase() &&
      resourceGroupOf(ctx, v).toLowerCase() === rg.toLowerCase()
  )
  if (!vault) {
    return resourceNotFound(`Microsoft.KeyVault/vaults/${name}`, rg)
  }
  return json(200, vaultJson(ctx, vault))
}

function findVault(ctx: SimContext, rg: string, name: string): VaultState | undefined {
  return allVaults(ctx).find(
    v =>
      v.name.toLowerCase() === name.toLowerCase() &&
      resourceGroupOf(ctx, v).toLowerCase() === rg.toLowerCase()
  )
}

/**
 * Keys through ARM (`.../vaults/<v>/keys[/<k>[/versions[/<ver>]]]`): a management-plane read, so
 * the vault firewall and data-plane permissions do not apply; Reader's `*\/read` covers
 * `Microsoft.KeyVault/vaults/keys/read`. Only the scenario's vault holds a key.
 */
function vaultKeys(req: SimRequest, ctx: SimContext, parts: Array<string | undefined>): Answer {
  const [sub = '', rg = '', vaultName = '', keyName, version] = parts
  const denied = authorize(ctx, sub, 'Microsoft.KeyVault/vaults/keys/read', req.path)
  if (denied) return denied
  const vault = findVault(ctx, rg, vaultName)
  if (!vault) {
    return resourceNotFound(`Microsoft.KeyVault/vaults/${vaultName}`, rg)
  }
  return serveKeys(req, ctx, {
    parentId: vaultResourceId(ctx.state, vault),
    dataPlaneUri: String(
      (vault.properties.vaultUri as string | undefined) ?? ctx.vaultUri(vault.name)
    ),
    location: vault.location,
    key: vault === ctx.state.vault ? ctx.state.key : null,
    type: 'Microsoft.KeyVault/vaults/keys',
    label: `vaults/${vault.name}`,
    rg,
    keyName,
    version
  })
}

/**
 * A Managed HSM's keys through ARM (`.../managedHSMs/<hsm>/keys[/<k>[/versions[/<ver>]]]`,
 * `managedHsmKeys.get`; managedHsm.json's ManagedHsmKey has the key resource's properties).
 * The scenario's key is the HSM's key.
 */
function managedHsmKeys(
  req: SimRequest,
  ctx: SimContext,
  parts: Array<string | undefined>
): Answer {
  const [sub = '', rg = '', hsmName = '', keyName, version] = parts
  const denied = authorize(ctx, sub, 'Microsoft.KeyVault/managedHSMs/keys/read', req.path)
  if (denied) return denied
  const hsm = findManagedHsm(ctx, rg, hsmName)
  if (!hsm) {
    return resourceNotFound(`Microsoft.KeyVault/managedHSMs/${hsmName}`, rg)
  }
  return serveKeys(req, ctx, {
    parentId: managedHsmResourceId(ctx.state, hsm),
    dataPlaneUri: String(
      (hsm.properties.hsmUri as string | undefined) ?? ctx.managedHsmUri(hsm.name)
    ),
    location: hsm.location,
    key: ctx.state.key,
    type: 'Microsoft.KeyVault/managedHSMs/keys',
    label: `managedHSMs/${hsm.name}`,
    rg,
    keyName,
    version
  })
}

interface KeyHolder {
  parentId: string
  dataPlaneUri: string
  location: string
  key: KeyState | null
  type: string
  /** `vaults/<name>` or `managedHSMs/<name>`, for messages. */
  label: string
  rg: string
  keyName: string | undefined
  version: string | undefined
}

function serveKeys(req: SimRequest, ctx: SimContext, holder: KeyHolder): Answer {
  const { parentId, dataPlaneUri, location, key, type, label, rg, keyName, version } = holder
  const rotationPolicy = ctx.state.armKeyRotationPolicy === 'included'
  const keyJson = (k: KeyState, v?: string) =>
    armKeyJson(parentId, dataPlaneUri, location, k, { rotationPolicy, type, version: v })
  if (keyName === undefined) return page(req, ctx, key ? [keyJson(key)] : [], 25)
  // The docs do not show ARM's answer for a missing key; the generic ARM proxy-resource 404
  // (ResourceNotFound) is assumed. The action only relies on the status.
  const notFound = () =>
    armError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.KeyVault/${label}/keys/${keyName}${version ? `/versions/${version}` : ''}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
    )
  if (!key || key.name.toLowerCase() !== keyName.toLowerCase()) return notFound()
  if (req.path.replace(/\/+$/, '').toLowerCase().endsWith('/versions')) {
    return page(
      req,
      ctx,
      key.versions.map(v => keyJson(key, v)),
      25
    )
  }
  if (version === undefined) return json(200, keyJson(key))
  if (!key.versions.includes(version)) return notFound()
  return json(200, keyJson(key, version))
}

/**
 * One page of `items`, with an absolute nextLink on this host when more remain (`endless`:
 * always, past the end with empty pages).
 */
function page(
  req: SimRequest,
  ctx: SimContext,
  items: unknown[],
  pageSize: number,
  endless = false
): Answer {
  const skip = Number(req.query.$skiptoken ?? 0) || 0
  const top = Number(req.query.$top ?? 0) || 0
  const size = Math.max(1, top > 0 ? Math.min(top, pageSize) : pageSize)
  const value = items.slice(skip, skip + size)
  const body: Record<string, unknown> = { value }
  if (endless || skip + size < items.length) {
    const next = new URL(`${ctx.urls.arm}${req.path}`)
    for (const [k, v] of Object.entries(req.query)) next.searchParams.set(k, v)
    next.searchParams.set('$skiptoken', String(skip + size))
    body.nextLink = next.toString()
  }
  return json(200, body)
}

function listVaults(req: SimRequest, ctx: SimContext, sub: string, rg: string | undefined): Answer {
  const denied = authorize(ctx, sub, 'Microsoft.KeyVault/vaults/read', req.path)
  if (denied) return denied
  const vaults = allVaults(ctx).filter(
    v => rg === undefined || resourceGroupOf(ctx, v).toLowerCase() === rg.toLowerCase()
  )
  return page(
    req,
    ctx,
    vaults.map(v => vaultJson(ctx, v)),
    ctx.state.vaultListPageSize
  )
}

/**
 * ARM's generic resources page size. The REST reference documents no default for this listing;
 * 1000 is what the service is commonly seen to return (the simulator's choice).
 */
const GENERIC_LIST_PAGE_SIZE = 1000

/** Every resource of the subscription the generic listing knows, as it shows them. */
function genericResources(ctx: SimContext): Record<string, unknown>[] {
  const listed = (name: string) =>
    !ctx.state.notYetListed.some(n => n.toLowerCase() === name.toLowerCase())
  const vaults = allVaults(ctx).map(v => ({
    id: vaultResourceId(ctx.state, v),
    name: v.name,
    type: 'Microsoft.KeyVault/vaults',
    location: v.location,
    tags: v.tags
  }))
  const hsm = ctx.state.managedHsm
  const hsms = hsm
    ? [
        {
          id: managedHsmResourceId(ctx.state, hsm),
          name: hsm.name,
          type: 'Microsoft.KeyVault/managedHSMs',
          sku: { family: 'B', name: 'Standard_B1' },
          location: hsm.location,
          tags: hsm.tags
        }
      ]
    : []
  return [...vaults, ...hsms].filter(r => listed(r.name))
}

function hsmResourceGroupOf(ctx: SimContext, hsm: ManagedHsmState): string {
  return hsm.resourceGroup ?? ctx.state.resourceGroup
}

/** A Managed HSM as ARM shows it (managedHsm.json). */
function findManagedHsm(ctx: SimContext, rg: string, name: string): ManagedHsmState | undefined {
  const hsm = ctx.state.managedHsm
  return hsm &&
    hsm.name.toLowerCase() === name.toLowerCase() &&
    hsmResourceGroupOf(ctx, hsm).toLowerCase() === rg.toLowerCase()
    ? hsm
    : undefined
}

function managedHsmJson(ctx: SimContext, hsm: ManagedHsmState): Record<string, unknown> {
  return {
    id: managedHsmResourceId(ctx.state, hsm),
    name: hsm.name,
    type: 'Microsoft.KeyVault/managedHSMs',
    location: hsm.location,
    sku: { family: 'B', name: 'Standard_B1' },
    tags: hsm.tags,
    systemData: {
      createdBy: 'admin@contoso.example',
      createdByType: 'User',
      createdAt: '2025-01-15T09:30:00.000Z',
      lastModifiedBy: 'admin@contoso.example',
      lastModifiedByType: 'User',
      lastModifiedAt: '2025-06-01T12:00:00.000Z'
    },
    properties: {
      tenantId: ctx.state.tenantId,
      ...hsm.properties,
      hsmUri: hsm.properties.hsmUri ?? ctx.managedHsmUri(hsm.name)
    }
  }
}

function getManagedHsm(
  req: SimRequest,
  ctx: SimContext,
  sub: string,
  rg: string,
  name: string
): Answer {
  const denied = authorize(ctx, sub, 'Microsoft.KeyVault/managedHSMs/read', req.path)
  if (denied) return denied
  const hsm = findManagedHsm(ctx, rg, name)
  if (!hsm) {
    return resourceNotFound(`Microsoft.KeyVault/managedHSMs/${name}`, rg)
  }
  return json(200, managedHsmJson(ctx, hsm))
}

function listManagedHsms(
  req: SimRequest,
  ctx: SimContext,
  sub: string,
  rg: string | undefined
): Answer {
  const denied = authorize(ctx, sub, 'Microsoft.KeyVault/managedHSMs/read', req.path)
  if (denied) return denied
  const hsm = ctx.state.managedHsm
  const hsms =
    hsm && (rg === undefined || hsmResourceGroupOf(ctx, hsm).toLowerCase() === rg.toLowerCase())
      ? [hsm]
      : []
  return page(
    req,
    ctx,
    hsms.map(h => managedHsmJson(ctx, h)),
    ctx.state.vaultListPageSize
  )
}

/**
 * `GET /subscriptions/<sub>/resources` (arm-resources `resources.list`, and arm-keyvault's
 * `vaults.list()`), with the `$filter` forms the simulator reads: `resourceType eq '<type>'` or
 * `name eq '<name>'`, one at a time (ARM documents only substringof/resourceType, plan and
 * identity as combinations). Names and types compare case-insensitively, as ARM's do.
 */
function listVaultResources(req: SimRequest, ctx: SimContext, sub: string): Answer {
  const denied = authorize(ctx, sub, 'Microsoft.Resources/subscriptions/resources/read', req.path)
  if (denied) return denied
  const filter = (req.query.$filter ?? '').trim()
  const clause = /^(resourceType|name)\s+eq\s+'([^']*)'$/i.exec(filter)
  if (filter !== '' && !clause) {
    return armError(
      400,
      'InvalidFilterInQueryString',
      `The filter '${filter}' is not supported by the simulator. Supported: resourceType eq '<type>' or name eq '<name>'.`
    )
  }
  const property = clause?.[1]?.toLowerCase() === 'name' ? 'name' : 'type'
  const value = clause?.[2]?.toLowerCase()
  const items = genericResources(ctx).filter(
    r => value === undefined || String(r[property]).toLowerCase() === value
  )
  return page(req, ctx, items, GENERIC_LIST_PAGE_SIZE)
}

/** True when `outer` is `inner` or one of its ancestors. */
function atOrAbove(outer: string, inner: string): boolean {
  const o = outer.toLowerCase().replace(/\/+$/, '')
  const i = inner.toLowerCase().replace(/\/+$/, '')
  return o === '' || o === i || i.startsWith(`${o}/`)
}

function roleDefinitionId(ctx: SimContext, guid: string): string {
  return `/subscriptions/${ctx.state.subscriptionId}${AUTHZ}/roleDefinitions/${guid}`
}

function assignmentName(a: RoleAssignmentState, index: number): string {
  return a.name ?? `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`
}

function assignmentJson(
  ctx: SimContext,
  a: RoleAssignmentState,
  index: number
): Record<string, unknown> {
  const name = assignmentName(a, index)
  const scope = a.scope.replace(/\/+$/, '') || '/'
  return {
    properties: {
      roleDefinitionId: roleDefinitionId(ctx, a.roleDefinitionGuid),
      principalId: a.principalId,
      principalType: a.principalType ?? 'ServicePrincipal',
      scope,
      condition: a.condition ?? null,
      conditionVersion: a.condition ? '2.0' : null,
      createdOn: '2025-02-01T10:00:00.0000000Z',
      updatedOn: '2025-02-01T10:00:00.0000000Z',
      createdBy: ctx.state.azure.objectId,
      updatedBy: ctx.state.azure.objectId,
      delegatedManagedIdentityResourceId: null,
      description: null
    },
    id: `${scope === '/' ? '' : scope}${AUTHZ}/roleAssignments/${name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name
  }
}

/**
 * `$filter` as ARM reads it: `atScope()` (at or above), `principalId eq '<id>'` and
 * `assignedTo('<id>')` (that principal, at, above or below), combined with `and`.
 */
function listRoleAssignments(req: SimRequest, ctx: SimContext, scope: string): Answer {
  const denied = authorize(
    ctx,
    subscriptionOf(scope),
    'Microsoft.Authorization/roleAssignments/read',
    scope
  )
  if (denied) return denied
  const filter = (req.query.$filter ?? '').trim()
  let atScopeOnly = false
  let principal: { id: string; transitive: boolean } | undefined
  for (const clause of filter ? filter.split(/\s+and\s+/i) : []) {
    const c = clause.trim()
    const direct = /^principalId\s+eq\s+'([^']+)'$/i.exec(c)?.[1]
    const assigned = /^assignedTo\('([^']+)'\)$/i.exec(c)?.[1]
    if (/^atScope\(\)$/i.test(c)) atScopeOnly = true
    else if (direct) principal = { id: direct, transitive: false }
    else if (assigned) principal = { id: assigned, transitive: true }
    else return unsupportedFilter(filter)
  }
  // ARM refuses atScope() with principalId eq (only atScope() and assignedTo() combine), as
  // Azure PowerShell's fix for Get-AzRoleAssignment (#20433) records.
  if (atScopeOnly && principal && !principal.transitive) return unsupportedFilter(filter)
  const principals = principal
    ? principal.transitive
      ? principalAndGroups(ctx, principal.id)
      : new Set([principal.id.toLowerCase()])
    : undefined
  const value = ctx.state.roleAssignments
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => {
      const related = atOrAbove(a.scope, scope) || (!atScopeOnly && atOrAbove(scope, a.scope))
      return related && (!principals || principals.has(a.principalId.toLowerCase()))
    })
    .map(({ a, i }) => assignmentJson(ctx, a, i))
  const endless = ctx.state.endlessListings.includes('arm-role-assignments')
  return page(req, ctx, value, ctx.state.roleAssignmentPageSize, endless)
}

/** ARM's answer to a filter it does not support (the wording of its 400). */
function unsupportedFilter(filter: string): Answer {
  return armError(
    400,
    'UnsupportedQuery',
    `The filter '${filter}' is not supported. Supported filters are either 'atScope()' or 'principalId eq '{value}' or assignedTo('{value}')'.`
  )
}

/** `id` and every group it is in, directly or through other groups (assignedTo is transitive). */
export function principalAndGroups(ctx: SimContext, id: string): Set<string> {
  const found = new Set([id.toLowerCase()])
  let grew = true
  while (grew) {
    grew = false
    for (const [group, members] of Object.entries(ctx.state.groups)) {
      const g = group.toLowerCase()
      if (!found.has(g) && members.some(m => found.has(m.toLowerCase()))) {
        found.add(g)
        grew = true
      }
    }
  }
  return found
}

function allRoleDefinitions(ctx: SimContext): RoleDefinitionState[] {
  return [...BUILTIN_ROLE_DEFINITIONS, ...ctx.state.customRoles]
}

function roleDefinitionJson(scope: string, role: RoleDefinitionState): Record<string, unknown> {
  return {
    properties: {
      roleName: role.roleName,
      type: role.type,
      description: role.description,
      assignableScopes: role.assignableScopes,
      permissions: role.permissions,
      createdOn: '2020-05-20T20:55:19.2398119Z',
      updatedOn: '2021-11-11T20:14:31.8440127Z',
      createdBy: null,
      updatedBy: null
    },
    id: `${scope}${AUTHZ}/roleDefinitions/${role.guid}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: role.guid
  }
}

function getRoleDefinition(req: SimRequest, ctx: SimContext, scope: string, guid: string): Answer {
  const denied = authorize(
    ctx,
    subscriptionOf(scope),
    'Microsoft.Authorization/roleDefinitions/read',
    req.path
  )
  if (denied) return denied
  const role = allRoleDefinitions(ctx).find(r => r.guid.toLowerCase() === guid.toLowerCase())
  if (!role) {
    return armError(
      404,
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${guid}' does not exist.`
    )
  }
  return json(200, roleDefinitionJson(scope, role))
}

function listRoleDefinitions(req: SimRequest, ctx: SimContext, scope: string): Answer {
  const denied = authorize(
    ctx,
    subscriptionOf(scope),
    'Microsoft.Authorization/roleDefinitions/read',
    req.path
  )
  if (denied) return denied
  const byName = /^roleName\s+eq\s+'([^']+)'$/i.exec((req.query.$filter ?? '').trim())?.[1]
  const value = allRoleDefinitions(ctx)
    .filter(r => byName === undefined || r.roleName.toLowerCase() === byName.toLowerCase())
    .map(r => roleDefinitionJson(scope, r))
  return json(200, { value })
}

/** JSON body of a write; undefined when it is not an object. */
function bodyOf(req: SimRequest): Record<string, unknown> | undefined {
  try {
    const body = JSON.parse(req.body) as unknown
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * PATCH of a vault (`vaults.update`): each member of `properties` given replaces the stored one
 * as a whole (networkAcls included, so a caller that sends only new ipRules drops the others);
 * `tags`, when given, replace the tags. No optimistic concurrency, as the REST specification
 * describes the resource (Vault.tsp, ManagedHsm.tsp): no `etag` in the body or headers, and an
 * `If-Match` header is not looked at, so the last write wins (a race is made with a `change` fault).
 */
function updateVault(
  req: SimRequest,
  ctx: SimContext,
  sub: string,
  rg: string,
  name: string
): Answer {
  const denied = authorizeWrite(ctx, sub, 'Microsoft.KeyVault/vaults/write', req.path)
  if (denied) return denied
  const vault = allVaults(ctx).find(
    v =>
      v.name.toLowerCase() === name.toLowerCase() &&
      resourceGroupOf(ctx, v).toLowerCase() === rg.toLowerCase()
  )
  if (!vault) {
    return resourceNotFound(`Microsoft.KeyVault/vaults/${name}`, rg)
  }
  const body = bodyOf(req)
  if (!body)
    return armError(
      400,
      'BadRequest',
      'The request content was invalid and could not be deserialized.'
    )
  const properties = body.properties
  if (properties && typeof properties === 'object')
    Object.assign(vault.properties, properties as Record<string, unknown>)
  if (body.tags && typeof body.tags === 'object') vault.tags = body.tags as Record<string, string>
  return json(200, vaultJson(ctx, vault))
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Principals the directory knows: the action's identity, the CMK app once consented, assignees. */
function principalExists(ctx: SimContext, principalId: string): boolean {
  const id = principalId.toLowerCase()
  const { state } = ctx
  return (
    id === state.azure.objectId.toLowerCase() ||
    (state.servicePrincipalPresent && id === state.cmkApp.objectId.toLowerCase()) ||
    state.roleAssignments.some(a => a.principalId.toLowerCase() === id)
  )
}

/**
 * PUT of a role assignment (`roleAssignments.create`), with ARM's answers: 403 without
 * roleAssignments/write, 400 PrincipalNotFound for a principal ARM cannot see (yet), 409
 * RoleAssignmentExists when that principal already holds that role at that scope (whatever the
 * assignment's name), 409 RoleAssignmentUpdateNotPermitted for a name already used otherwise.
 */
function createRoleAssignment(
  req: SimRequest,
  ctx: SimContext,
  scope: string,
  name: string
): Answer {
  const denied = authorizeWrite(
    ctx,
    subscriptionOf(scope),
    'Microsoft.Authorization/roleAssignments/write',
    `${scope === '/' ? '' : scope}${AUTHZ}/roleAssignments/${name}`
  )
  if (denied) return denied
  if (!GUID.test(name)) {
    return armError(
      400,
      'InvalidRoleAssignmentId',
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`
    )
  }
  const properties = bodyOf(req)?.properties as Record<string, unknown> | undefined
  const roleDefinitionId = properties?.roleDefinitionId
  const principalId = properties?.principalId
  if (typeof roleDefinitionId !== 'string' || typeof principalId !== 'string') {
    return armError(
      400,
      'InvalidRequestContent',
      'The request content was invalid: properties.roleDefinitionId and properties.principalId are required.'
    )
  }
  const guid = roleDefinitionId.split('/').pop() ?? ''
  if (!allRoleDefinitions(ctx).some(r => r.guid.toLowerCase() === guid.toLowerCase())) {
    return armError(
      400,
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${guid}' does not exist.`
    )
  }
  const principalType = properties?.principalType
  if (ctx.state.principalNotFoundTimes > 0 || !principalExists(ctx, principalId)) {
    if (ctx.state.principalNotFoundTimes > 0) ctx.state.principalNotFoundTimes--
    return armError(
      400,
      'PrincipalNotFound',
      `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${ctx.state.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`
    )
  }
  const normalized = scope.replace(/\/+$/, '') || '/'
  const same = (a: RoleAssignmentState) =>
    (a.scope.replace(/\/+$/, '') || '/').toLowerCase() === normalized.toLowerCase()
  const existing = ctx.state.roleAssignments.find(
    a =>
      same(a) &&
      a.principalId.toLowerCase() === principalId.toLowerCase() &&
      a.roleDefinitionGuid.toLowerCase() === guid.toLowerCase()
  )
  if (existing) return armError(409, 'RoleAssignmentExists', 'The role assignment already exists.')
  if (
    ctx.state.roleAssignments.some(
      (a, i) => assignmentName(a, i).toLowerCase() === name.toLowerCase()
    )
  ) {
    return armError(
      409,
      'RoleAssignmentUpdateNotPermitted',
      'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.'
    )
  }
  const assignment: RoleAssignmentState = {
    principalId,
    roleDefinitionGuid: guid,
    scope: normalized,
    principalType:
      principalType === 'User' || principalType === 'Group' ? principalType : 'ServicePrincipal',
    name
  }
  ctx.state.roleAssignments.push(assignment)
  return json(201, assignmentJson(ctx, assignment, ctx.state.roleAssignments.length - 1))
}

/**
 * PATCH of a Managed HSM (`managedHsms.update`, a long-running operation in the SDK): like a
 * vault's, each member of `properties` given replaces the stored one. Answered 200 with the
 * resource, provisioningState Succeeded (one of the two answers managedHsm.json documents), so
 * the SDK's poller ends at once.
 */
function updateManagedHsm(
  req: SimRequest,
  ctx: SimContext,
  sub: string,
  rg: string,
  name: string
): Answer {
  const denied = authorizeWrite(ctx, sub, 'Microsoft.KeyVault/managedHSMs/write', req.path)
  if (denied) return denied
  const hsm = findManagedHsm(ctx, rg, name)
  if (!hsm) {
    return resourceNotFound(`Microsoft.KeyVault/managedHSMs/${name}`, rg)
  }
  const body = bodyOf(req)
  if (!body)
    return armError(
      400,
      'BadRequest',
      'The request content was invalid and could not be deserialized.'
    )
  const properties = body.properties
  const ipRules = (properties as { networkAcls?: { ipRules?: unknown } } | undefined)?.networkAcls
    ?.ipRules
  if (Array.isArray(ipRules) && ipRules.length > 0) {
    // The docs say the preview needs subscription enablement and takes at most 10 ranges; they
    // do not give ARM's answer when either is not so: a 400 BadRequest is this simulator's
    // choice, with words that name the cause.
    if (hsm.ipFirewallPreview === false)
      return armError(
        400,
        'BadRequest',
        'IP network rules for Managed HSM are a preview feature that is not enabled for this subscription.'
      )
    if (ipRules.length > 10)
      return armError(400, 'BadRequest', 'A Managed HSM takes at most 10 IP network rules.')
  }
  if (properties && typeof properties === 'object')
    Object.assign(hsm.properties, properties as Record<string, unknown>)
  if (body.tags && typeof body.tags === 'object') hsm.tags = body.tags as Record<string, string>
  hsm.properties.provisioningState = 'Succeeded'
  return json(200, managedHsmJson(ctx, hsm))
}

/**
 * An extension listing on a vault or HSM: `<id>/providers/Microsoft.Insights/diagnosticSettings`
 * (the id without its leading slash in the SDK's template, so a `//subscriptions` path is no
 * route) or ManagementLocks_ListAtResourceLevel's
 * `/subscriptions/<s>/resourcegroups/<rg>/providers/<namespace>/<parent>/<type>/<name>/providers/Microsoft.Authorization/locks`,
 * where the SDK sends an empty parent path as `//`.
 */
const VAULT_OR_HSM_EXTENSION =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/+(vaults|managedHSMs)\/([^/]+)\/providers\/(Microsoft\.Insights\/diagnosticSettings|Microsoft\.Authorization\/locks)$/i

/** The vault or HSM an extension listing is about, with its resource id; undefined = none. */
function protectedResource(
  ctx: SimContext,
  rg: string,
  type: string,
  name: string
): { id: string; diagnosticSettings: VaultState['diagnosticSettings'] } | undefined {
  if (type.toLowerCase() === 'vaults') {
    const vault = findVault(ctx, rg, name)
    return (
      vault && {
        id: vaultResourceId(ctx.state, vault),
        diagnosticSettings: vault.diagnosticSettings
      }
    )
  }
  const hsm = findManagedHsm(ctx, rg, name)
  return (
    hsm && { id: managedHsmResourceId(ctx.state, hsm), diagnosticSettings: hsm.diagnosticSettings }
  )
}

/** DiagnosticSettings_List on a vault or HSM; needs Microsoft.Insights/diagnosticSettings/read. */
function listDiagnosticSettings(req: SimRequest, ctx: SimContext, parts: string[]): Answer {
  const [sub = '', rg = '', type = '', name = ''] = parts
  const denied = authorize(ctx, sub, 'Microsoft.Insights/diagnosticSettings/read', req.path)
  if (denied) return denied
  const resource = protectedResource(ctx, rg, type, name)
  if (!resource) return resourceNotFound(`Microsoft.KeyVault/${type}/${name}`, rg)
  return json(200, { value: diagnosticSettingsJson(resource.id, resource.diagnosticSettings) })
}

/**
 * ManagementLocks_ListAtResourceLevel on a vault or HSM; needs Microsoft.Authorization/locks/read.
 * ARM documents no page size for it: one page.
 */
function listLocksAtResourceLevel(req: SimRequest, ctx: SimContext, parts: string[]): Answer {
  const [sub = '', rg = '', type = '', name = ''] = parts
  const denied = authorize(ctx, sub, 'Microsoft.Authorization/locks/read', req.path)
  if (denied) return denied
  const resource = protectedResource(ctx, rg, type, name)
  if (!resource) return resourceNotFound(`Microsoft.KeyVault/${type}/${name}`, rg)
  return json(200, { value: locksAtResourceLevel(ctx.state.locks, resource.id).map(lockJson) })
}
