import type { KeyState } from '../scenario.js'

/**
 * ARM's key resource (`Microsoft.KeyVault/vaults/keys`, api-version 2026-02-01), shaped as the
 * REST specification's Key.tsp and its examples (getKeyVersion.json, managedHsmGetKey.json):
 * `properties {attributes {enabled, nbf, exp, created, updated, recoveryLevel, exportable}, kty,
 * keyOps, keySize | curveName, keyUri, keyUriWithVersion, rotationPolicy?}`. The URIs carry the
 * port explicitly, as ARM writes `:443`. The rotation policy uses ARM's lower-case action types
 * ("rotate", "notify") and is "Omitted if empty".
 */
export function armKeyJson(
  parentId: string,
  dataPlaneUri: string,
  location: string,
  key: KeyState,
  options: { rotationPolicy: boolean; type?: string | undefined; version?: string | undefined }
): Record<string, unknown> {
  const uri = new URL(dataPlaneUri)
  const base = `https://${uri.hostname}:${uri.port || '443'}/keys/${key.name}`
  const version = options.version ?? key.versions[key.versions.length - 1] ?? ''
  const rsa = key.kty === 'RSA' || key.kty === 'RSA-HSM'
  const ec = key.kty === 'EC' || key.kty === 'EC-HSM'
  const policy = key.rotationPolicy
  const properties: Record<string, unknown> = {
    attributes: {
      enabled: key.enabled,
      ...(key.nbf !== undefined ? { nbf: key.nbf } : {}),
      ...(key.exp !== undefined ? { exp: key.exp } : {}),
      created: key.created,
      updated: key.updated,
      recoveryLevel: key.recoveryLevel,
      exportable: false
    },
    kty: key.kty,
    keyOps: key.ops,
    ...(rsa ? { keySize: key.size } : {}),
    ...(ec ? { curveName: key.crv ?? 'P-256' } : {}),
    keyUri: base,
    keyUriWithVersion: `${base}/${version}`
  }
  if (policy && options.rotationPolicy) {
    properties.rotationPolicy = {
      attributes: {
        created: policy.created,
        updated: policy.updated,
        ...(policy.expiryTime ? { expiryTime: policy.expiryTime } : {})
      },
      lifetimeActions: policy.lifetimeActions.map(a => ({
        trigger: a.trigger,
        action: { type: a.action.toLowerCase() }
      }))
    }
  }
  const type = options.type ?? 'Microsoft.KeyVault/vaults/keys'
  return {
    id: options.version
      ? `${parentId}/keys/${key.name}/versions/${options.version}`
      : `${parentId}/keys/${key.name}`,
    name: options.version ?? key.name,
    type: options.version ? `${type}/versions` : type,
    location,
    ...(key.tags ? { tags: key.tags } : {}),
    properties
  }
}
