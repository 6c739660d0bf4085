import type { TokenCredential } from '@azure/core-auth'
import { RestError } from '@azure/core-rest-pipeline'
import { KeyClient } from '@azure/keyvault-keys'
import type { KeyRotationPolicy } from '../../model/facts.js'
import { azureClientOptions } from './sdk-client-options.js'
import type { HttpContext } from '../http/http-context.js'

/**
 * Reads the key's rotation policy on the data plane, at the vaultUri ARM returned. Only for keys
 * whose ARM answer has none: it needs keys/get on the data plane and the vault firewall refuses it
 * like any data-plane call. Null: the service has no policy for the key (404).
 */
export async function readRotationPolicy(
  credential: TokenCredential,
  vaultUri: string,
  keyName: string,
  http: HttpContext
): Promise<KeyRotationPolicy | null> {
  const client = new KeyClient(vaultUri, credential, azureClientOptions('api', http))
  try {
    const policy = await client.getKeyRotationPolicy(keyName, { abortSignal: http.signal })
    return {
      source: 'data-plane',
      expiryTime: policy.expiresIn,
      lifetimeActions: (policy.lifetimeActions ?? []).map(a => ({
        action: String(a.action).toLowerCase(),
        timeAfterCreate: a.timeAfterCreate,
        timeBeforeExpiry: a.timeBeforeExpiry
      }))
    }
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return null
    throw error
  }
}

/** The token scope Key Vault's challenge will ask for (e.g. https://vault.azure.net/.default), from the vault's host. */
export function vaultScopeFor(vaultUri: string): string {
  const host = new URL(vaultUri).hostname
  return `https://${host.slice(host.indexOf('.') + 1)}/.default`
}
