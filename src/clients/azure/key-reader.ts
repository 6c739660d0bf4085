import { describeValue } from '../../safety/describe-value.js'
import type { KeyVaultManagementClient } from '@azure/arm-keyvault'
import type { KeyDate, KeyFacts, KeyLifetimeAction, KeyRotationPolicy } from '../../model/facts.js'
import { ServiceError } from '../http/service-error.js'

/** The key facts ARM gives, and the rotation policy when ARM's answer carries one. */
export interface ArmKey {
  key: Omit<KeyFacts, 'rotationPolicy'>
  /** Undefined: ARM omitted it ("Omitted if empty" in the REST specification). */
  rotationPolicy: KeyRotationPolicy | undefined
}

/**
 * The fields of ARM's key resource (`Microsoft.KeyVault/vaults/keys` and
 * `Microsoft.KeyVault/managedHSMs/keys` share them), as @azure/arm-keyvault deserialises them:
 * attribute dates are Unix seconds.
 */
export interface ArmKeyResource {
  name?: string | undefined
  attributes?:
    { enabled?: boolean; notBefore?: number; expires?: number; created?: number } | undefined
  kty?: string | undefined
  keyOps?: string[] | undefined
  keySize?: number | undefined
  keyUriWithVersion?: string | undefined
  rotationPolicy?:
    | {
        attributes?: { expiryTime?: string } | undefined
        lifetimeActions?:
          | Array<{
              trigger?: { timeAfterCreate?: string; timeBeforeExpiry?: string } | undefined
              action?: { type?: string } | undefined
            }>
          | undefined
      }
    | undefined
}

/**
 * Reads the key's current version through ARM (`@azure/arm-keyvault` keys.get): a
 * management-plane read that Reader's `*\/read` allows and the vault firewall does not apply to.
 */
export async function readArmKey(
  client: KeyVaultManagementClient,
  vaultId: string,
  vaultName: string,
  keyName: string,
  abortSignal: AbortSignal
): Promise<ArmKey> {
  const key = await client.keys.get(resourceGroupOf(vaultId), vaultName, keyName, { abortSignal })
  return armKeyFacts(key, 'ARM GET key')
}

/**
 * Reads the key of a Managed HSM through ARM (`managedHsmKeys.get`,
 * `.../managedHSMs/<hsm>/keys/<key>`): the same management-plane read as a vault's key.
 */
export async function readArmHsmKey(
  client: KeyVaultManagementClient,
  hsmId: string,
  hsmName: string,
  keyName: string,
  abortSignal: AbortSignal
): Promise<ArmKey> {
  const key = await client.managedHsmKeys.get(resourceGroupOf(hsmId), hsmName, keyName, {
    abortSignal
  })
  return armKeyFacts(key, 'ARM GET managed HSM key')
}

/** ARM's key resource as facts; `call` names the read in the error an unusable answer raises. */
export function armKeyFacts(resource: ArmKeyResource, call: string): ArmKey {
  const uri = resource.keyUriWithVersion
  if (!uri) throw new ServiceError(call, 200, 'the answer has no properties.keyUriWithVersion')
  // ARM writes the default port (https://<vault>.vault.azure.net:443/keys/…); Adobe and users
  // know the identifier without it, and URL drops it.
  const id = new URL(uri).href
  const version = id.split('/').pop() ?? ''
  const keyType = resource.kty ?? ''
  const attributes = resource.attributes ?? {}
  return {
    key: {
      id,
      name: resource.name ?? '',
      version,
      keyType,
      keySize: /^RSA(-HSM)?$/i.test(keyType) ? resource.keySize : undefined,
      keyOperations: resource.keyOps ?? [],
      // ARM omits nothing here in practice; an absent flag means enabled, as on the data plane.
      enabled: attributes.enabled !== false,
      notBefore: fromUnixSeconds(attributes.notBefore),
      expiresOn: fromUnixSeconds(attributes.expires),
      createdOn: fromUnixSeconds(attributes.created)
    },
    rotationPolicy: resource.rotationPolicy && {
      source: 'arm',
      expiryTime: resource.rotationPolicy.attributes?.expiryTime,
      lifetimeActions: (resource.rotationPolicy.lifetimeActions ?? []).map(
        (a): KeyLifetimeAction => ({
          action: (a.action?.type ?? '').toLowerCase(),
          timeAfterCreate: a.trigger?.timeAfterCreate,
          timeBeforeExpiry: a.trigger?.timeBeforeExpiry
        })
      )
    }
  }
}

/*
 * The years a key's dates can have: 1 to 9999, what Key Vault's answers and the Azure CLI's
 * date-times hold (the REST reference only says "IntDate", Unix seconds, and gives no range).
 * Outside it a value is kept as sent, for the checks to quote, instead of becoming an Invalid
 * Date that throws wherever it is printed.
 */
const FIRST_SECOND = -62135596800 // 0001-01-01T00:00:00Z
const LAST_SECOND = 253402300799 // 9999-12-31T23:59:59Z

function fromUnixSeconds(seconds: unknown): KeyDate | undefined {
  if (seconds === undefined || seconds === null) return undefined
  if (typeof seconds !== 'number' || !(seconds >= FIRST_SECOND && seconds <= LAST_SECOND))
    return { unusable: describeValue(seconds) }
  return new Date(seconds * 1000)
}

/** The resource group named in an ARM resource id. */
export function resourceGroupOf(resourceId: string): string {
  const group = /\/resourceGroups\/([^/]+)/i.exec(resourceId)?.[1]
  if (!group) throw new ServiceError('ARM GET key', 200, `no resource group in id ${resourceId}`)
  return group
}
