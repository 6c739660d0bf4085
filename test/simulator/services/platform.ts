import { randomUUID } from 'node:crypto'
import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import { HSM_ROLE_DEFINITIONS } from '../hsm-role-definitions.js'
import { BUILTIN_ROLE_DEFINITIONS } from '../role-definitions.js'
import {
  adobeInternalConfigName,
  vaultResourceId,
  type KeyState,
  type ManagedHsmState,
  type StoredConfig,
  type VaultState
} from '../scenario.js'
import { bearerToken } from '../tokens.js'
import { principalAndGroups } from './arm.js'
import { accessPolicyGrants, adobeReachesVault, usesRbac, vaultTenant } from './vault-access.js'

export const REGISTRATION_PATH = '/data/infrastructure/manager/byok/app-registration'
export const CONFIG_PATH = '/data/infrastructure/manager/customer/config'
const API_KEY = 'acp_provisioning'

function gatewayError(status: number, errorCode: string, message: string): Answer {
  return json(status, { error_code: errorCode, message })
}

function serviceError(status: number, title: string, detail: string): Answer {
  const type =
    status === 404
      ? 'not-found'
      : status === 400
        ? 'bad-request'
        : status === 409
          ? 'conflict'
          : 'error'
  return json(status, {
    type: `https://ns.adobe.com/aep/errors/CMK-${status}-${type}`,
    status,
    title,
    detail,
    report: { requestId: randomUUID(), timestamp: new Date().toISOString() }
  })
}

/** Adobe Experience Platform (platform.localhost): CMK app registration and configurations. */
export function platform(req: SimRequest, ctx: SimContext): Answer {
  const refused = gateway(req, ctx)
  if (refused) return refused
  // Adobe documents that enabling CMK needs the "Manage Customer Managed Key" permission but not
  // the answer without it; we answer the service's error shape with 403, as its other
  // permission-checked endpoints do.
  if (ctx.state.adobe.manageCmkPermission === false) {
    return serviceError(
      403,
      'Forbidden',
      'The caller does not have the permission required for this request: Manage Customer Managed Key.'
    )
  }
  if (req.body.length > 0 && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return serviceError(415, 'Unsupported Media Type', 'Content-Type must be application/json.')
  }
  const path = req.path.replace(/\/+$/, '')
  if (path === REGISTRATION_PATH) {
    if (req.method === 'GET') return getRegistration(ctx)
    if (req.method === 'POST') return register(ctx)
  }
  if (path === CONFIG_PATH && req.method === 'POST') return submitConfig(req, ctx)
  if (path.startsWith(`${CONFIG_PATH}/`) && req.method === 'GET') {
    return getConfig(req, ctx, path.slice(CONFIG_PATH.length + 1))
  }
  return serviceError(404, 'Not Found', `No route for ${req.method} ${req.path}.`)
}

/** Adobe I/O gateway checks, which answer before the service sees the request. */
function gateway(req: SimRequest, ctx: SimContext): Answer | undefined {
  const { adobe } = ctx.state
  const token = bearerToken(req.headers.authorization)
  if (!token) return gatewayError(403, '403010', 'Oauth token is missing.')
  if (!validImsToken(token, ctx)) return gatewayError(401, '401013', 'Oauth token is not valid')
  const apiKey = req.headers['x-api-key']
  if (!apiKey) return gatewayError(403, '403000', 'Api Key is required')
  if (apiKey !== API_KEY) return gatewayError(403, '403003', 'Api Key is invalid')
  const org = req.headers['x-gw-ims-org-id']
  if (!org) return gatewayError(400, '400003', 'Missing header: x-gw-ims-org-id')
  if (org !== adobe.orgId) return gatewayError(403, '403025', 'Profile is not valid')
  return undefined
}

function validImsToken(token: string, ctx: SimContext): boolean {
  if (token === ctx.state.adobe.accessToken) return true
  const checked = ctx.tokens.verify(token)
  return (
    checked.ok &&
    checked.claims.type === 'access_token' &&
    checked.claims.org === ctx.state.adobe.orgId
  )
}

function registrationJson(ctx: SimContext, complete: boolean): Record<string, unknown> {
  const { appId } = ctx.state.cmkApp
  const base = {
    id: 'byok',
    name: 'acp-byok-aepcmkmultitenantapp',
    applicationUri: 'https://adobe.com/acp-byok-aepcmkmultitenantapp',
    applicationId: appId
  }
  if (!complete) return base
  return {
    ...base,
    // Adobe answers https://login.microsoftonline.com, the public cloud's Entra sign-in host; the
    // simulator's Entra is its own authority host, the only host the action shows a consent link to.
    applicationRedirectUrl: `${ctx.urls.authorityHost}/common/oauth2/authorize?response_type=code&client_id=${appId}&redirect_uri=https://experience.adobe.com&scope=user.read`
  }
}

function notRegistered(ctx: SimContext): Answer {
  return serviceError(
    404,
    'Not Found',
    `No CMK app registration found for organization ${ctx.state.adobe.orgId}.`
  )
}

function getRegistration(ctx: SimContext): Answer {
  const registration = ctx.state.registration
  if (registration.status === 'absent') return notRegistered(ctx)
  if (registration.status === 'pending') {
    registration.getsUntilReady--
    if (registration.getsUntilReady > 0) {
      return registration.pendingAnswer === 'partial'
        ? json(200, registrationJson(ctx, false))
        : notRegistered(ctx)
    }
    registration.status = 'registered'
  }
  return json(200, registrationJson(ctx, true))
}

function register(ctx: SimContext): Answer {
  const registration = ctx.state.registration
  ctx.counters.registrationRequests++
  if (registration.status !== 'absent' && ctx.state.secondPost === 'conflict')
    return serviceError(
      409,
      'Conflict',
      `A CMK app registration already exists for organization ${ctx.state.adobe.orgId}.`
    )
  if (registration.status === 'absent') {
    registration.status = 'pending'
    registration.getsUntilReady = registration.readyAfterGets
  }
  const now = new Date().toISOString()
  return json(200, {
    id: randomUUID(),
    imsOrgId: ctx.state.adobe.orgId,
    jobType: 'CustomerPolicyJob',
    workflowType: 'BYOK_APP_REGISTRATION',
    status: 'CREATED',
    createdAt: now,
    updatedAt: now
  })
}

interface ConfigBody {
  name?: unknown
  type?: unknown
  imsOrgId?: unknown
  configData?: {
    providerType?: unknown
    keyVaultKeyIdentifier?: unknown
    keyVaultUri?: unknown
    keyName?: unknown
  }
}

/** Vault base URL, key name and version of a key identifier; undefined when it is not one. */
function parseKeyIdentifier(
  identifier: string
): { vaultUri: string; keyName: string; keyVersion?: string } | undefined {
  let url: URL
  try {
    url = new URL(identifier)
  } catch {
    return undefined
  }
  const m = /^\/keys\/([^/]+)(?:\/([^/]+))?\/?$/.exec(url.pathname)
  if (url.protocol !== 'https:' || !m) return undefined
  return {
    vaultUri: `${url.origin}/`,
    keyName: m[1] as string,
    ...(m[2] ? { keyVersion: m[2] } : {})
  }
}

/** Every vault in the subscription, as a key identifier's host would name it. */
function knownVaults(ctx: SimContext): VaultState[] {
  return [...(ctx.state.vault ? [ctx.state.vault] : []), ...ctx.state.otherVaults]
}

/** The vault a vault URI names: its host must be `<vault>.vault.localhost[:port]`. */
function vaultOfUri(vaultUri: string | undefined, ctx: SimContext): VaultState | undefined {
  if (!vaultUri) return undefined
  let url: URL
  try {
    url = new URL(vaultUri)
  } catch {
    return undefined
  }
  if (url.port !== '' && url.port !== String(ctx.port)) return undefined
  return knownVaults(ctx).find(
    v => url.hostname.toLowerCase() === `${v.name.toLowerCase()}.vault.localhost`
  )
}

/** The Managed HSM a URI names: its host must be `<hsm>.managedhsm.localhost[:port]`. */
function managedHsmOfUri(uri: string | undefined, ctx: SimContext): ManagedHsmState | undefined {
  const hsm = ctx.state.managedHsm
  if (!uri || !hsm) return undefined
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return undefined
  }
  if (url.port !== '' && url.port !== String(ctx.port)) return undefined
  return url.hostname.toLowerCase() === `${hsm.name.toLowerCase()}.managedhsm.localhost`
    ? hsm
    : undefined
}

/**
 * A 400 when the identifier does not point into an existing vault or Managed HSM (Adobe supports
 * "the Standard, Premium, and Managed HSM tiers"; its docs show no HSM identifier, so the
 * simulator takes `https://<hsm>.managedhsm.azure.net/keys/<key>/<version>`, the key's own id).
 */
function notAVault(vaultUri: string, field: string, ctx: SimContext): Answer | undefined {
  if (vaultOfUri(vaultUri, ctx) || managedHsmOfUri(vaultUri, ctx)) return undefined
  return serviceError(
    400,
    'Bad Request',
    `Invalid ${field}: ${new URL(vaultUri).host} is not an Azure Key Vault host (<vault-name>.vault.azure.net) or Managed HSM host (<hsm-name>.managedhsm.azure.net) of an existing vault.`
  )
}

function submitConfig(req: SimRequest, ctx: SimContext): Answer {
  const { state } = ctx
  let body: ConfigBody
  try {
    body = JSON.parse(req.body) as ConfigBody
  } catch {
    return serviceError(400, 'Bad Request', 'The request body is not valid JSON.')
  }
  if (typeof body !== 'object' || body === null)
    return serviceError(400, 'Bad Request', 'The request body must be an object.')
  if (typeof body.name !== 'string' || body.name.trim() === '') {
    return serviceError(400, 'Bad Request', 'name is required.')
  }
  if (body.type !== 'BYOK_CONFIG')
    return serviceError(400, 'Bad Request', `Invalid config type: ${String(body.type)}.`)
  if (body.imsOrgId !== req.headers['x-gw-ims-org-id']) {
    return serviceError(
      400,
      'Bad Request',
      'imsOrgId in the request body does not match the x-gw-ims-org-id header.'
    )
  }
  const data = body.configData
  if (!data || data.providerType !== 'AZURE_KEYVAULT') {
    return serviceError(400, 'Bad Request', `Invalid providerType: ${String(data?.providerType)}.`)
  }
  let configData: StoredConfig['configData']
  if (typeof data.keyVaultKeyIdentifier === 'string') {
    const parsed = parseKeyIdentifier(data.keyVaultKeyIdentifier)
    if (!parsed)
      return serviceError(
        400,
        'Bad Request',
        `Invalid keyVaultKeyIdentifier: ${data.keyVaultKeyIdentifier}.`
      )
    const unknownVault = notAVault(parsed.vaultUri, 'keyVaultKeyIdentifier', ctx)
    if (unknownVault) return unknownVault
    configData = {
      providerType: 'AZURE_KEYVAULT',
      keyVaultUri: parsed.vaultUri,
      keyVaultKeyIdentifier: data.keyVaultKeyIdentifier,
      keyName: parsed.keyName,
      ...(parsed.keyVersion ? { keyVersion: parsed.keyVersion } : {})
    }
  } else if (typeof data.keyVaultUri === 'string' && typeof data.keyName === 'string') {
    // Legacy: keyVaultUri carries the key identifier.
    const parsed = parseKeyIdentifier(data.keyVaultUri)
    if (!parsed)
      return serviceError(400, 'Bad Request', `Invalid keyVaultUri: ${data.keyVaultUri}.`)
    const unknownVault = notAVault(parsed.vaultUri, 'keyVaultUri', ctx)
    if (unknownVault) return unknownVault
    if (parsed.keyName.toLowerCase() !== data.keyName.toLowerCase()) {
      return serviceError(
        400,
        'Bad Request',
        `keyName ${data.keyName} does not match the key ${parsed.keyName} in keyVaultUri.`
      )
    }
    configData = {
      providerType: 'AZURE_KEYVAULT',
      keyVaultUri: parsed.vaultUri,
      keyVaultKeyIdentifier: data.keyVaultUri,
      keyName: data.keyName,
      ...(parsed.keyVersion ? { keyVersion: parsed.keyVersion } : {})
    }
  } else {
    return serviceError(
      400,
      'Bad Request',
      'configData needs keyVaultKeyIdentifier, or keyVaultUri and keyName.'
    )
  }

  const name = body.name
  const stored = state.configs[name]
  if (stored && stored.status !== 'FAILED' && state.secondPost === 'conflict')
    return serviceError(
      409,
      'Conflict',
      `Config with name ${name} and type BYOK_CONFIG already exists (status ${stored.status}).`
    )
  const sequence =
    state.configStatusSequence.length > 0 ? state.configStatusSequence : ['NEW' as const]
  const config: StoredConfig = {
    name,
    internalName: adobeInternalConfigName(state.adobe.orgId),
    id: randomUUID(),
    imsOrgId: state.adobe.orgId,
    subscriptionId: randomUUID(),
    status: sequence[0] as StoredConfig['status'],
    upcoming: sequence.slice(1),
    configData
  }
  state.configs[name] = config
  ctx.counters.configSubmissions++

  const configJson = {
    configData: config.configData,
    name: internalNameOf(config, ctx),
    type: 'BYOK_CONFIG',
    imsOrgId: config.imsOrgId,
    status: config.status
  }
  if (state.configResponseShape === 'legacy') {
    const now = new Date().toISOString()
    return json(200, {
      id: config.id,
      imsOrgId: config.imsOrgId,
      jobType: 'CustomerPolicyJob',
      workflowType: 'BYOK_CONFIG',
      status: 'CREATED',
      jobData: { config: configJson },
      createdAt: now,
      updatedAt: now
    })
  }
  return json(200, { id: config.id, config: configJson, status: 'CREATED' })
}

function getConfig(req: SimRequest, ctx: SimContext, name: string): Answer {
  if (req.query.configType !== 'BYOK_CONFIG') {
    return serviceError(
      400,
      'Bad Request',
      'Query parameter configType is required and must be BYOK_CONFIG.'
    )
  }
  const config =
    ctx.state.configLookupBy === 'submitted'
      ? ctx.state.configs[name]
      : Object.values(ctx.state.configs).find(c => internalNameOf(c, ctx) === name)
  if (!config)
    return serviceError(
      404,
      'Not Found',
      `Config with name ${name} and type BYOK_CONFIG not found.`
    )
  advance(config, ctx)
  return json(200, {
    name: internalNameOf(config, ctx),
    type: 'BYOK_CONFIG',
    status: config.status,
    configData: config.configData,
    imsOrgId: config.imsOrgId,
    subscriptionId: config.subscriptionId,
    id: config.id,
    rowType: 'BYOK_KEY'
  })
}

function internalNameOf(config: StoredConfig, ctx: SimContext): string {
  return config.internalName ?? adobeInternalConfigName(ctx.state.adobe.orgId)
}

function advance(config: StoredConfig, ctx: SimContext): void {
  const next = config.upcoming.shift()
  if (!next) return
  config.status =
    next === 'COMPLETED' && ctx.state.configChecksAccess && !adobeCanUseKey(config, ctx)
      ? 'FAILED'
      : next
  if (config.status === 'FAILED') config.upcoming = []
}

/**
 * What Adobe verifies before it completes: the key exists, is an enabled and active RSA key
 * permitting wrapKey and unwrapKey, Adobe reaches the vault through its firewall, and its app may
 * get, wrap and unwrap the key (a role on an RBAC vault, an access policy otherwise).
 */
function adobeCanUseKey(config: StoredConfig, ctx: SimContext): boolean {
  const { state } = ctx
  const vault = state.vault
  const key = state.key
  const hsm = managedHsmOfUri(config.configData.keyVaultUri, ctx)
  if (hsm) return adobeCanUseHsmKey(hsm, config, ctx)
  if (!vault || !key || !key.enabled) return false
  if (vaultOfUri(config.configData.keyVaultUri, ctx) !== vault) return false
  if (config.configData.keyName?.toLowerCase() !== key.name.toLowerCase()) return false
  if (key.kty !== 'RSA' && key.kty !== 'RSA-HSM') return false
  const ops = key.ops.map(op => op.toLowerCase())
  if (!ops.includes('wrapkey') || !ops.includes('unwrapkey')) return false
  const now = Math.floor(Date.now() / 1000)
  if ((key.nbf !== undefined && key.nbf > now) || (key.exp !== undefined && key.exp <= now)) {
    return false
  }
  if (!adobeReachesVault(vault)) return false
  if (!state.servicePrincipalPresent) return false
  if (!usesRbac(vault)) {
    return accessPolicyGrants(vault, vaultTenant(state, vault), state.cmkApp.objectId, [
      'get',
      'wrapKey',
      'unwrapKey'
    ])
  }
  const vaultId = vaultResourceId(state, vault).toLowerCase()
  const roles = [...BUILTIN_ROLE_DEFINITIONS, ...state.customRoles]
  // Adobe's app holds the role directly or through a group. A condition is taken to hold: what
  // it allows depends on attributes the simulator does not model.
  const principals = principalAndGroups(ctx, state.cmkApp.objectId)
  return state.roleAssignments.some(a => {
    if (!principals.has(a.principalId.toLowerCase())) return false
    const scope = a.scope.toLowerCase().replace(/\/+$/, '')
    const keyScope = `${vaultId}/keys/${key.name.toLowerCase()}`
    const covers =
      scope === '' || vaultId === scope || vaultId.startsWith(`${scope}/`) || scope === keyScope
    if (!covers) return false
    const role = roles.find(r => r.guid.toLowerCase() === a.roleDefinitionGuid.toLowerCase())
    // A permission grants its dataActions minus its notDataActions; the role, their union.
    return ['keys/read', 'keys/wrap/action', 'keys/unwrap/action'].every(needed => {
      const action = `Microsoft.KeyVault/vaults/${needed}`
      return (role?.permissions ?? []).some(
        p =>
          p.dataActions.some(granted => actionMatches(granted, action)) &&
          !(p.notDataActions ?? []).some(denied => actionMatches(denied, action))
      )
    })
  })
}

function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'i')
  return regex.test(action)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The key checks of adobeCanUseKey that do not depend on where the key lives. */
function keyUsable(key: KeyState | null, keyName: string | undefined): key is KeyState {
  if (!key || !key.enabled || keyName?.toLowerCase() !== key.name.toLowerCase()) return false
  if (key.kty !== 'RSA' && key.kty !== 'RSA-HSM') return false
  const ops = key.ops.map(op => op.toLowerCase())
  if (!ops.includes('wrapkey') || !ops.includes('unwrapkey')) return false
  const now = Math.floor(Date.now() / 1000)
  return !((key.nbf !== undefined && key.nbf > now) || (key.exp !== undefined && key.exp <= now))
}

/**
 * Adobe's completion check on a Managed HSM: the key is usable, Adobe reaches the HSM through its
 * network rules, and the CMK app holds a local role granting keys read, wrap and unwrap at /,
 * /keys or /keys/<key>, itself or through a group.
 */
function adobeCanUseHsmKey(hsm: ManagedHsmState, config: StoredConfig, ctx: SimContext): boolean {
  const { state } = ctx
  if (!keyUsable(state.key, config.configData.keyName)) return false
  if (!adobeReachesVault(hsm) || !state.servicePrincipalPresent) return false
  const keyScope = `/keys/${state.key.name.toLowerCase()}`
  const needed = ['keys/read/action', 'keys/wrap/action', 'keys/unwrap/action']
  const granted = new Set<string>()
  // Local roles count when assigned to the CMK app or to a group it is in (directly or nested).
  const principals = principalAndGroups(ctx, state.cmkApp.objectId)
  for (const a of hsm.localRoleAssignments) {
    if (!principals.has(a.principalId.toLowerCase())) continue
    if (!['/', '/keys', keyScope].includes(a.scope.toLowerCase().replace(/(.)\/+$/, '$1'))) continue
    const role = HSM_ROLE_DEFINITIONS.find(
      r => r.guid.toLowerCase() === a.roleDefinitionGuid.toLowerCase()
    )
    for (const p of role?.permissions ?? [])
      for (const action of needed)
        if (p.dataActions.includes(`Microsoft.KeyVault/managedHsm/${action}`)) granted.add(action)
  }
  return needed.every(action => granted.has(action))
}
