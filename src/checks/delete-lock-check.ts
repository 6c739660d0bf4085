import type { Facts, ManagementLockFact, VaultFacts } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import { unreadProtectionFinding, vaultNamed } from './vault-protection-unread.js'

/** The permission that reads management locks; Reader holds it (`*\/read`). */
export const LOCKS_READ = 'Microsoft.Authorization/locks/read'

/** Both lock levels stop a deletion (ARM, "Lock your resources"); NotSpecified is no lock. */
const STOPS_DELETION = ['cannotdelete', 'readonly']

const WHERE: Record<ManagementLockFact['scope'], string> = {
  vault: 'on the vault itself',
  'resource-group': 'on its resource group',
  subscription: 'on its subscription'
}

/** The resource group in a vault's id (`/subscriptions/<s>/resourceGroups/<rg>/...`). */
function resourceGroupOf(vaultId: string): string {
  return /\/resourceGroups\/([^/]+)\//i.exec(vaultId)?.[1] ?? '<resource-group>'
}

/**
 * `az lock create` on the vault, in the form Azure's lock documentation shows for a resource
 * (`--name`, `--lock-type`, `--resource-group`, `--resource-type`, `--resource`).
 */
export function deleteLockCommand(vault: VaultFacts, subscriptionId: string): string {
  const type =
    vault.kind === 'managed-hsm' ? 'Microsoft.KeyVault/managedHSMs' : 'Microsoft.KeyVault/vaults'
  return `az lock create --subscription ${subscriptionId} --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group ${resourceGroupOf(vault.id)} --resource-type ${type} --resource ${vault.name}`
}

/**
 * vault.delete-lock: a CanNotDelete or ReadOnly lock on the vault, its resource group or its
 * subscription stops the deletion that would cut Adobe off (soft delete only brings a deleted
 * vault back afterwards). Locks that cannot be read are a warning that names the permission.
 */
export function deleteLockFinding(
  vault: VaultFacts,
  facts: Facts,
  subscriptionId: string
): Finding {
  const read = facts.managementLocks
  if (!read || !read.ok)
    return unreadProtectionFinding('vault.delete-lock', vault, read, {
      listing: 'management locks',
      unknown: 'whether anything stops its deletion',
      permission: LOCKS_READ,
      command: `az lock list --resource ${vault.id}`
    })
  const locks = read.value
  const evidence = {
    managementLocks: locks.map(l => ({ name: l.name, level: l.level, scope: l.scope }))
  }
  const stopping = locks.filter(l => STOPS_DELETION.includes(l.level.toLowerCase()))
  const first = stopping[0]
  if (first) {
    const readOnly = stopping.some(l => l.level.toLowerCase() === 'readonly')
      ? " A ReadOnly lock also blocks every change, the action's own repairs (remediate) included."
      : ''
    return {
      id: 'vault.delete-lock',
      outcome: 'pass',
      detail: `${vaultNamed(vault)} cannot be deleted: ${first.level} lock ${first.name} ${WHERE[first.scope]}.${readOnly}`,
      evidence
    }
  }
  return {
    id: 'vault.delete-lock',
    outcome: 'warn',
    detail: `${vaultNamed(vault)} has no CanNotDelete or ReadOnly lock on itself, its resource group or its subscription: one deletion cuts Adobe off until the vault is recovered from soft delete.`,
    fix: `Lock the ${vault.kind === 'managed-hsm' ? 'HSM' : 'vault'} against deletion (creating a lock needs Microsoft.Authorization/locks/write, e.g. Owner or User Access Administrator): \`${deleteLockCommand(vault, subscriptionId)}\`. Prefer CanNotDelete: a ReadOnly lock also blocks the action's own repairs.`,
    evidence
  }
}
