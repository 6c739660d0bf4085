import type { TokenCredential } from '@azure/core-auth'
import { KeyClient } from '@azure/keyvault-keys'
import type { KeyFacts } from '../../facts/facts.js'
import { azureClientOptions } from './sdk-client-options.js'

/** Reads the key's latest version through the data plane, at the vaultUri ARM returned. */
export async function readKey(
  credential: TokenCredential,
  vaultUri: string,
  keyName: string,
  abortSignal: AbortSignal
): Promise<KeyFacts> {
  const client = new KeyClient(vaultUri, credential, azureClientOptions())
  const key = await client.getKey(keyName, { abortSignal })
  return {
    id: key.id ?? key.key?.kid ?? '',
    name: key.name,
    version: key.properties.version ?? '',
    keyType: String(key.keyType ?? key.key?.kty ?? ''),
    keySize: key.key?.n ? rsaModulusBits(key.key.n) : undefined,
    keyOperations: (key.keyOperations ?? key.key?.keyOps ?? []).map(String),
    enabled: key.properties.enabled !== false,
    notBefore: key.properties.notBefore,
    expiresOn: key.properties.expiresOn
  }
}

export function rsaModulusBits(modulus: Uint8Array): number {
  let start = 0
  while (start < modulus.length && modulus[start] === 0) start++
  return (modulus.length - start) * 8
}

/** The token scope Key Vault's challenge will ask for (e.g. https://vault.azure.net/.default), from the vault's host. */
export function vaultScopeFor(vaultUri: string): string {
  const host = new URL(vaultUri).hostname
  return `https://${host.slice(host.indexOf('.') + 1)}/.default`
}
