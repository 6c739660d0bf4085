import { randomBytes } from 'node:crypto'
import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import type { KeyState } from '../scenario.js'
import type { Claims } from '../tokens.js'
import { checkAzureBearer, presentedAudience } from './azure-bearer.js'
import { accessPolicyGrants, firewallRefusal, usesRbac, vaultTenant } from './vault-access.js'

/** Key material per key version, stable for the simulator's life. */
const material = new Map<string, Buffer>()

function randomComponent(cacheKey: string, bytes: number, topBit: boolean): string {
  let value = material.get(cacheKey)
  if (!value || value.length !== bytes) {
    value = randomBytes(bytes)
    if (topBit) value[0] = (value[0] as number) | 0x80
    material.set(cacheKey, value)
  }
  return value.toString('base64url')
}

function kvError(
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
  headers?: Record<string, string>
): Answer {
  return json(status, { error: { code, message, ...extra } }, headers)
}

/**
 * api-versions the data plane accepts: @azure/keyvault-keys 4.10 sends 2025-07-01; older SDKs
 * and tools send the 7.x versions.
 */
export const KEY_VAULT_API_VERSIONS = [
  '7.0',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5',
  '7.6',
  '2025-07-01'
] as const
const LATEST_API_VERSION = '2025-07-01'

/** Key Vault data plane (<vault>.vault.localhost), with the bearer challenge of the real service. */
export function keyVault(req: SimRequest, ctx: SimContext): Answer {
  const { state } = ctx
  const vaultName = req.hostname.split('.')[0] ?? ''
  const vault = state.vault
  // A vault that does not exist has no DNS name; the closest we can do is drop the connection.
  if (!vault || vault.name.toLowerCase() !== vaultName.toLowerCase())
    return { status: 0, reset: true }

  // The challenge and the token check name the vault's own tenant, not the caller's.
  const tenant = vaultTenant(state, vault)
  const challenge = {
    'WWW-Authenticate': `Bearer authorization="${ctx.urls.authorityHost}/${tenant}", resource="${ctx.vaultResource}"`
  }
  const checked = checkAzureBearer(req, ctx, ctx.vaultResource, tenant)
  if (!checked.ok) {
    const messages = {
      missing: 'AKV10000: Request is missing a Bearer or PoP token.',
      invalid: 'AKV10019: Token signature is invalid.',
      expired: 'AKV10032: Token is expired.',
      audience: `AKV10022: Invalid audience. Expected ${ctx.vaultResource}, found: ${presentedAudience(req)}.`,
      tenant: `AKV10032: Invalid issuer. Expected one of https://sts.localhost/${tenant}/.`
    }
    return kvError(401, 'Unauthorized', messages[checked.problem], undefined, challenge)
  }
  const apiVersion = req.query['api-version']
  if (!apiVersion) {
    return kvError(400, 'BadParameter', 'The request URI contains an invalid api-version.')
  }
  if (!(KEY_VAULT_API_VERSIONS as readonly string[]).includes(apiVersion)) {
    return kvError(
      400,
      'BadParameter',
      `The specified version (${apiVersion}) is not recognized. Consider using the latest supported version (${LATEST_API_VERSION}).`
    )
  }
  if (req.method !== 'GET') {
    return kvError(
      405,
      'MethodNotAllowed',
      `The simulator does not support ${req.method} ${req.path}.`
    )
  }
  const caller = callerOf(checked.claims, ctx, tenant)
  const refusal = firewallRefusal(vault, state.runnerIp)
  if (refusal) return firewallForbidden(refusal, ctx, caller)
  if (state.keyVaultForbidden) return forbidden(req, ctx, caller)
  if (!usesRbac(vault) && !accessPolicyGrants(vault, tenant, caller.oid, ['get'])) {
    return forbidden(req, ctx, caller)
  }

  const base = `https://${req.host}`
  if (/^\/keys\/?$/.test(req.path)) {
    const value = state.key ? [keyItem(base, state.key)] : []
    return json(200, { value, nextLink: null })
  }
  const m = /^\/keys\/([^/]+)(?:\/([^/]*))?\/?$/.exec(req.path)
  if (!m) return kvError(404, 'NotFound', `No route for ${req.path}.`)
  const name = m[1] as string
  const second = m[2] ?? ''
  const key = state.key && state.key.name.toLowerCase() === name.toLowerCase() ? state.key : null
  if (!key) {
    return kvError(
      404,
      'KeyNotFound',
      `A key with (name/id) ${name} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`
    )
  }
  if (second === 'versions') {
    return json(200, { value: key.versions.map(v => keyItem(base, key, v)), nextLink: null })
  }
  if (second === 'rotationpolicy') return json(200, rotationPolicyJson(base, key))
  const version = second || key.versions[key.versions.length - 1]
  if (!version || !key.versions.includes(version)) {
    return kvError(
      404,
      'KeyNotFound',
      `A key with (name/id) ${name}/${second} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`
    )
  }
  return json(200, keyBundle(base, key, version))
}

interface Caller {
  oid: string
  /** As Key Vault prints it: `appid=…;oid=…;iss=…`. */
  text: string
}

function callerOf(claims: Claims, ctx: SimContext, tenant: string): Caller {
  const { azure } = ctx.state
  const oid = typeof claims.oid === 'string' ? claims.oid : azure.objectId
  const appid = typeof claims.appid === 'string' ? claims.appid : azure.clientId
  return { oid, text: `appid=${appid};oid=${oid};iss=https://sts.localhost/${tenant}/` }
}

function vaultWhere(ctx: SimContext): string {
  const vault = ctx.state.vault
  return `${vault?.name};location=${vault?.location}`
}

/** What Key Vault answers a caller its network rules keep out. */
function firewallForbidden(
  refusal: 'ForbiddenByConnection' | 'ForbiddenByFirewall',
  ctx: SimContext,
  caller: Caller
): Answer {
  const message =
    refusal === 'ForbiddenByConnection'
      ? `Public network access is disabled and request is not from a trusted service nor via an approved private link.\r\nCaller: ${caller.text}\r\nVault: ${vaultWhere(ctx)}`
      : `Client address is not authorized and caller is not a trusted service.\r\nClient address: ${ctx.state.runnerIp}\r\nCaller: ${caller.text}\r\nVault: ${vaultWhere(ctx)}`
  return kvError(403, 'Forbidden', message, { innererror: { code: refusal } })
}

function forbidden(req: SimRequest, ctx: SimContext, caller: Caller): Answer {
  const vault = ctx.state.vault
  const where = vaultWhere(ctx)
  if (vault && usesRbac(vault)) {
    return kvError(
      403,
      'Forbidden',
      `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${caller.text}\r\nAction: 'Microsoft.KeyVault/vaults/keys/read'\r\nResource: '${req.path}'\r\nAssignment: (not found)\r\nDecisionReason: 'DeniedWithNoValidRBAC' \r\nVault: ${where}\r\n`,
      { innererror: { code: 'ForbiddenByRbac' } }
    )
  }
  return kvError(
    403,
    'Forbidden',
    `The user, group or application '${caller.text}' does not have keys get permission on key vault '${where}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    { innererror: { code: 'AccessDenied' } }
  )
}

function attributes(key: KeyState): Record<string, unknown> {
  return {
    enabled: key.enabled,
    ...(key.nbf !== undefined ? { nbf: key.nbf } : {}),
    ...(key.exp !== undefined ? { exp: key.exp } : {}),
    created: key.created,
    updated: key.updated,
    recoveryLevel: key.recoveryLevel,
    ...(key.recoverableDays !== undefined ? { recoverableDays: key.recoverableDays } : {}),
    exportable: false
  }
}

function keyItem(base: string, key: KeyState, version?: string): Record<string, unknown> {
  return {
    kid: version ? `${base}/keys/${key.name}/${version}` : `${base}/keys/${key.name}`,
    attributes: attributes(key),
    ...(key.tags ? { tags: key.tags } : {})
  }
}

function keyBundle(base: string, key: KeyState, version: string): Record<string, unknown> {
  const kid = `${base}/keys/${key.name}/${version}`
  const jwk: Record<string, unknown> = { kid, kty: key.kty, key_ops: key.ops }
  if (key.kty === 'RSA' || key.kty === 'RSA-HSM') {
    jwk.n = randomComponent(`${kid}#n`, Math.ceil(key.size / 8), true)
    jwk.e = 'AQAB'
  } else if (key.kty === 'EC' || key.kty === 'EC-HSM') {
    const crv = key.crv ?? 'P-256'
    const bytes = crv === 'P-521' ? 66 : crv === 'P-384' ? 48 : 32
    jwk.crv = crv
    jwk.x = randomComponent(`${kid}#x`, bytes, false)
    jwk.y = randomComponent(`${kid}#y`, bytes, false)
  }
  return { key: jwk, attributes: attributes(key), ...(key.tags ? { tags: key.tags } : {}) }
}

/**
 * The data plane's rotation policy. For a key without one, Key Vault answers its default policy
 * (notify 30 days before expiry) rather than 404 (Azure/azure-sdk-for-js#17746); the SDK documents
 * `id` as absent then.
 */
export function rotationPolicyJson(base: string, key: KeyState): Record<string, unknown> {
  const policy = key.rotationPolicy
  if (!policy) {
    return {
      lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }],
      attributes: {}
    }
  }
  return {
    id: `${base}/keys/${key.name}/rotationpolicy`,
    lifetimeActions: policy.lifetimeActions.map(a => ({
      trigger: a.trigger,
      action: { type: a.action }
    })),
    attributes: {
      ...(policy.expiryTime ? { expiryTime: policy.expiryTime } : {}),
      created: policy.created,
      updated: policy.updated
    }
  }
}
