import type { Facts, ManagementLockFact, VaultFacts } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import { describeReadError, readErrorEvidence } from './read-error.js'

/** The permission that reads management locks; Reader holds it (`*\/read`). */
export const LOCKS_READ = 'Microsoft.Authorization/locks/read'

/** Both lock levels stop a deletion (ARM, "Lock your resources"); NotSpecified is no lock. */
const STOPS_DELETION = ['cannotdelete', 'readonly']

const WHERE: Record<ManagementLockFact['scope'], string> = {
  vault: 'on the vault itself',
  'resource-group': 'on its resource group',
  subscription: 'on its subscription'
}

function named(vault: VaultFacts): string {
  return vault.kind === 'managed-hsm' ? `Managed HSM ${vault.name}` : `Vault ${vault.name}`
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
  if (!read || !read.ok) {
    const why = read ? describeReadError(read.error) : 'they were not read'
    return {
      id: 'vault.delete-lock',
      outcome: 'warn',
      detail: `${named(vault)}: its management locks could not be read (${why}), so whether anything stops its deletion is not known.`,
      fix:
        read?.ok === false && read.error.kind === 'forbidden'
          ? `Grant the action's Azure identity ${LOCKS_READ} on the vault (the Reader role has it), or check by hand: \`az lock list --resource ${vault.id}\`.`
          : `Re-run the job; to check by hand: \`az lock list --resource ${vault.id}\`.`,
      evidence: read ? readErrorEvidence(read.error) : undefined
    }
  }
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
      detail: `${named(vault)} cannot be deleted: ${first.level} lock ${first.name} ${WHERE[first.scope]}.${readOnly}`,
      evidence
    }
  }
  return {
    id: 'vault.delete-lock',
    outcome: 'warn',
    detail: `${named(vault)} has no CanNotDelete or ReadOnly lock on itself, its resource group or its subscription: one deletion cuts Adobe off until the vault is recovered from soft delete.`,
    fix: `Lock the ${vault.kind === 'managed-hsm' ? 'HSM' : 'vault'} against deletion (creating a lock needs Microsoft.Authorization/locks/write, e.g. Owner or User Access Administrator): \`${deleteLockCommand(vault, subscriptionId)}\`. Prefer CanNotDelete: a ReadOnly lock also blocks the action's own repairs.`,
    evidence
  }
}
