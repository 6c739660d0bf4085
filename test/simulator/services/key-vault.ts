import { randomBytes } from 'node:crypto'
import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import type { KeyState } from '../scenario.js'
import { checkAzureBearer, presentedAudience } from './azure-bearer.js'

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

/** Key Vault data plane (<vault>.vault.localhost), with the bearer challenge of the real service. */
export function keyVault(req: SimRequest, ctx: SimContext): Answer {
  const { state } = ctx
  const vaultName = req.hostname.split('.')[0] ?? ''
  const vault = state.vault
  // A vault that does not exist has no DNS name; the closest we can do is drop the connection.
  if (!vault || vault.name.toLowerCase() !== vaultName.toLowerCase())
    return { status: 0, reset: true }

  const challenge = {
    'WWW-Authenticate': `Bearer authorization="${ctx.urls.authorityHost}/${state.tenantId}", resource="${ctx.vaultResource}"`
  }
  const checked = checkAzureBearer(req, ctx, ctx.vaultResource)
  if (!checked.ok) {
    const messages = {
      missing: 'AKV10000: Request is missing a Bearer or PoP token.',
      invalid: 'AKV10019: Token signature is invalid.',
      expired: 'AKV10032: Token is expired.',
      audience: `AKV10022: Invalid audience. Expected ${ctx.vaultResource}, found: ${presentedAudience(req)}.`,
      tenant: `AKV10032: Invalid issuer. Expected one of https://sts.localhost/${state.tenantId}/.`
    }
    return kvError(401, 'Unauthorized', messages[checked.problem], undefined, challenge)
  }
  if (!req.query['api-version']) {
    return kvError(400, 'BadParameter', 'The request URI contains an invalid api-version.')
  }
  if (req.method !== 'GET') {
    return kvError(
      405,
      'MethodNotAllowed',
      `The simulator does not support ${req.method} ${req.path}.`
    )
  }
  if (state.keyVaultForbidden) return forbidden(req, ctx)

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
  if (second === 'rotationpolicy') {
    return json(200, {
      id: `${base}/keys/${key.name}/rotationpolicy`,
      lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }],
      attributes: { expiryTime: 'P1Y', created: key.created, updated: key.updated }
    })
  }
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

function forbidden(req: SimRequest, ctx: SimContext): Answer {
  const { state } = ctx
  const vault = state.vault
  const caller = `appid=${state.azure.clientId};oid=${state.azure.objectId};iss=https://sts.localhost/${state.tenantId}/`
  const where = `${vault?.name};location=${vault?.location}`
  if (vault?.properties.enableRbacAuthorization === true) {
    return kvError(
      403,
      'Forbidden',
      `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${caller}\r\nAction: 'Microsoft.KeyVault/vaults/keys/read'\r\nResource: '${req.path}'\r\nAssignment: (not found)\r\nDecisionReason: 'DeniedWithNoValidRBAC' \r\nVault: ${where}\r\n`,
      { innererror: { code: 'ForbiddenByRbac' } }
    )
  }
  return kvError(
    403,
    'Forbidden',
    `The user, group or application '${caller}' does not have keys get permission on key vault '${where}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
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
