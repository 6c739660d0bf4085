import type { KeyVaultManagementClient, Vault } from '@azure/arm-keyvault'
import type { VaultFacts } from '../../facts/facts.js'
import { ServiceError } from '../http/service-error.js'

/** Reads the vault's management-plane settings: by resource group when given, else found by name in the subscription. */
export async function readVault(
  client: KeyVaultManagementClient,
  vaultName: string,
  resourceGroup: string | undefined,
  abortSignal: AbortSignal
): Promise<VaultFacts> {
  if (resourceGroup)
    return toVaultFacts(await client.vaults.get(resourceGroup, vaultName, { abortSignal }))
  for await (const vault of client.vaults.listBySubscription({ abortSignal })) {
    if (vault.name?.toLowerCase() === vaultName.toLowerCase()) return toVaultFacts(vault)
  }
  throw new ServiceError(
    'ARM list vaults in subscription',
    404,
    `no vault named "${vaultName}" in the subscription (or the identity cannot see it); set azure-resource-group to read it directly`
  )
}

function toVaultFacts(vault: Vault): VaultFacts {
  const p = vault.properties
  if (!vault.id || !p?.vaultUri)
    throw new ServiceError('ARM GET vault', 200, 'the answer has no id or properties.vaultUri')
  return {
    id: vault.id,
    name: vault.name ?? '',
    location: vault.location,
    tenantId: p.tenantId,
    vaultUri: p.vaultUri,
    skuName: p.sku?.name,
    enableSoftDelete: p.enableSoftDelete,
    softDeleteRetentionInDays: p.softDeleteRetentionInDays,
    enablePurgeProtection: p.enablePurgeProtection,
    enableRbacAuthorization: p.enableRbacAuthorization,
    publicNetworkAccess: p.publicNetworkAccess,
    networkAcls: p.networkAcls
      ? {
          bypass: p.networkAcls.bypass,
          defaultAction: p.networkAcls.defaultAction,
          ipRules: (p.networkAcls.ipRules ?? []).map(rule => rule.value),
          virtualNetworkRules: (p.networkAcls.virtualNetworkRules ?? []).map(rule => rule.id)
        }
      : undefined
  }
}
