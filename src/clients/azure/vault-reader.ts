import type { KeyVaultManagementClient, ManagedHsm, Vault } from '@azure/arm-keyvault'
import type { ResourceManagementClient } from '@azure/arm-resources'
import { RestError } from '@azure/core-rest-pipeline'
import type { NetworkAcls, VaultFacts } from '../../model/facts.js'
import type { VaultType, VaultTypeInput } from '../../model/choices.js'
import { cappedPages } from '../http/capped-pages.js'
import { FailedCall } from '../http/failed-call.js'
import { ServiceError } from '../http/service-error.js'

export interface VaultReaderClients {
  keyVaultManagement: KeyVaultManagementClient
  resources: ResourceManagementClient
}

export interface VaultLookup {
  name: string
  type: VaultTypeInput
  resourceGroup?: string | undefined
}

/**
 * Pages of each ARM listing of the vault look-up read before it fails. None of them has a
 * documented page size, so the cap is set from the documented limits (Azure subscription and
 * service limits; Key Vault service limits):
 * - the resource query by name: at most one hit per resource group and type, and a subscription
 *   holds at most 980 resource groups, so 1,960 hits;
 * - Key Vaults by subscription: no limit per subscription is documented (only 800 per resource
 *   group and type; MicrosoftDocs/azure-docs#16315); 1,000 pages of 25 (the simulator's page)
 *   are 25,000 vaults, more than any estate we plan for, and this listing is only the fallback
 *   when the resource query finds nothing;
 * - Managed HSMs by subscription: at most 5 per subscription and region.
 */
export const VAULT_LISTING_PAGES = 1_000

const RESOURCE_TYPES: Record<VaultType, string> = {
  vault: 'Microsoft.KeyVault/vaults',
  'managed-hsm': 'Microsoft.KeyVault/managedHSMs'
}

/** The types a lookup accepts, in the order `auto` prefers them (a Key Vault first). */
function wanted(type: VaultTypeInput): VaultType[] {
  return type === 'auto' ? ['vault', 'managed-hsm'] : [type]
}

/**
 * Reads the vault's management-plane settings. With a resource group: one GET (under `auto`, a
 * Managed HSM GET follows only when no Key Vault of that name exists, so a Key Vault user sees no
 * extra request). Without: one generic resource query filtered by name finds the vault and its
 * resource group whatever the subscription's size, then one GET; the provider listings are the
 * fallback, only when that query finds nothing (ARM's generic listing can lag behind a vault
 * created minutes ago).
 */
export async function readVault(
  clients: VaultReaderClients,
  lookup: VaultLookup,
  abortSignal: AbortSignal
): Promise<VaultFacts> {
  const types = wanted(lookup.type)
  if (lookup.resourceGroup) return getInGroup(clients, lookup, lookup.resourceGroup, abortSignal)
  const found = await findByName(clients.resources, lookup.name, types, abortSignal)
  if (found) return getVault(clients, found.type, found.resourceGroup, lookup.name, abortSignal)
  for (const type of types) {
    const listed = await listedByName(clients, type, lookup.name, abortSignal)
    if (listed) return listed
  }
  const what = types.map(type => (type === 'vault' ? 'Key Vault' : 'Managed HSM')).join(' or ')
  throw notFound(
    'ARM find vault in subscription',
    `no ${what} named "${lookup.name}" in the subscription (or the identity cannot see it); set azure-resource-group to read it directly`
  )
}

async function getInGroup(
  clients: VaultReaderClients,
  lookup: VaultLookup,
  resourceGroup: string,
  abortSignal: AbortSignal
): Promise<VaultFacts> {
  const [first, second] = wanted(lookup.type)
  try {
    return await getVault(clients, first ?? 'vault', resourceGroup, lookup.name, abortSignal)
  } catch (error) {
    if (!second || !isNotFound(error)) throw error
  }
  try {
    return await getVault(clients, second, resourceGroup, lookup.name, abortSignal)
  } catch (error) {
    if (!isNotFound(error)) throw error
    throw notFound(
      'ARM GET vault',
      `no Key Vault or Managed HSM named "${lookup.name}" in resource group ${resourceGroup}`
    )
  }
}

function notFound(call: string, message: string): FailedCall {
  return new FailedCall(call, new ServiceError(call, 404, message))
}

function isNotFound(error: unknown): boolean {
  const cause = error instanceof FailedCall ? error.cause : error
  return (
    (cause instanceof RestError && cause.statusCode === 404) ||
    (cause instanceof ServiceError && cause.status === 404)
  )
}

async function getVault(
  clients: VaultReaderClients,
  type: VaultType,
  resourceGroup: string,
  name: string,
  abortSignal: AbortSignal
): Promise<VaultFacts> {
  const arm = clients.keyVaultManagement
  if (type === 'vault') {
    const vault = await FailedCall.wrap('ARM GET vault', () =>
      arm.vaults.get(resourceGroup, name, { abortSignal })
    )
    return toVaultFacts(vault)
  }
  const hsm = await FailedCall.wrap('ARM GET managed HSM', () =>
    arm.managedHsms.get(resourceGroup, name, { abortSignal })
  )
  return toManagedHsmFacts(hsm)
}

/**
 * One `GET /subscriptions/<sub>/resources?$filter=name eq '<name>'`. ARM combines a name filter
 * with nothing else (its documented combinations are substringof and/or resourceType, plan, and
 * identity), so the resource types are picked here; under `auto` a Key Vault wins.
 */
async function findByName(
  resources: ResourceManagementClient,
  name: string,
  types: VaultType[],
  abortSignal: AbortSignal
): Promise<{ type: VaultType; resourceGroup: string } | undefined> {
  const hits: { type: VaultType; resourceGroup: string }[] = []
  const call = 'ARM list resources by name'
  await FailedCall.wrap(call, async () => {
    const pages = resources.resources.list({ filter: `name eq '${name}'`, abortSignal }).byPage()
    for await (const page of cappedPages(pages, call, VAULT_LISTING_PAGES)) {
      for (const resource of page) {
        if (resource.name?.toLowerCase() !== name.toLowerCase()) continue
        const type = types.find(
          t => RESOURCE_TYPES[t].toLowerCase() === resource.type?.toLowerCase()
        )
        const resourceGroup = resourceGroupOf(resource.id)
        if (type && resourceGroup) hits.push({ type, resourceGroup })
      }
    }
  })
  return types.map(type => hits.find(hit => hit.type === type)).find(hit => hit !== undefined)
}

function resourceGroupOf(id: string | undefined): string | undefined {
  return /\/resourceGroups\/([^/]+)\//i.exec(id ?? '')?.[1]
}

async function listedByName(
  clients: VaultReaderClients,
  type: VaultType,
  name: string,
  abortSignal: AbortSignal
): Promise<VaultFacts | undefined> {
  const arm = clients.keyVaultManagement
  const named = (resource: { name?: string | undefined }) =>
    resource.name?.toLowerCase() === name.toLowerCase()
  if (type === 'vault') {
    const vault = await firstListed(
      'ARM list vaults in subscription',
      arm.vaults.listBySubscription({ abortSignal }).byPage(),
      named
    )
    return vault && toVaultFacts(vault)
  }
  const hsm = await firstListed(
    'ARM list managed HSMs in subscription',
    arm.managedHsms.listBySubscription({ abortSignal }).byPage(),
    named
  )
  return hsm && toManagedHsmFacts(hsm)
}

/** The first item of a paged listing that matches, reading no further than it. */
function firstListed<T>(
  call: string,
  pages: AsyncIterable<T[]>,
  matches: (item: T) => boolean
): Promise<T | undefined> {
  return FailedCall.wrap(call, async () => {
    for await (const page of cappedPages(pages, call, VAULT_LISTING_PAGES)) {
      const found = page.find(matches)
      if (found) return found
    }
    return undefined
  })
}

function networkAcls(
  acls:
    | {
        bypass?: string | undefined
        defaultAction?: string | undefined
        ipRules?: { value: string }[] | undefined
        virtualNetworkRules?: { id: string }[] | undefined
      }
    | undefined
): NetworkAcls | undefined {
  return acls
    ? {
        bypass: acls.bypass,
        defaultAction: acls.defaultAction,
        ipRules: (acls.ipRules ?? []).map(rule => rule.value),
        virtualNetworkRules: (acls.virtualNetworkRules ?? []).map(rule => rule.id)
      }
    : undefined
}

function toVaultFacts(vault: Vault): VaultFacts {
  const p = vault.properties
  if (!vault.id || !p?.vaultUri)
    throw new ServiceError('ARM GET vault', 200, 'the answer has no id or properties.vaultUri')
  return {
    kind: 'vault',
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
    networkAcls: networkAcls(p.networkAcls)
  }
}

/** A Managed HSM's soft delete is always on (the property is immutable); it has no access policies. */
function toManagedHsmFacts(hsm: ManagedHsm): VaultFacts {
  const p = hsm.properties
  if (!hsm.id || !p?.hsmUri)
    throw new ServiceError('ARM GET managed HSM', 200, 'the answer has no id or properties.hsmUri')
  return {
    kind: 'managed-hsm',
    id: hsm.id,
    name: hsm.name ?? '',
    location: hsm.location,
    tenantId: p.tenantId ?? '',
    vaultUri: p.hsmUri,
    skuName: hsm.sku?.name,
    enableSoftDelete: p.enableSoftDelete ?? true,
    softDeleteRetentionInDays: p.softDeleteRetentionInDays,
    enablePurgeProtection: p.enablePurgeProtection,
    enableRbacAuthorization: undefined,
    publicNetworkAccess: p.publicNetworkAccess,
    networkAcls: networkAcls(p.networkAcls)
  }
}
