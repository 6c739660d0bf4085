import { readAppAccess } from '../../facts/gather-facts.js'
import type { AppRegistration, VaultFacts } from '../../model/facts.js'
import { assignHsmKeyRole } from '../assign-hsm-role.js'
import { assignVaultRole, type RoleAssignmentOutcome } from '../assign-vault-role.js'
import { REPAIR_CHECK } from '../../checks/repairs.js'
import type { RepairStep } from './repair-step.js'

const check = REPAIR_CHECK.role

interface Target {
  registration: AppRegistration
  vault: VaultFacts
  keyName: string
  /** The CMK app's service principal, as read by the CMK app's appId (never a create answer). */
  principalId: string
}

/**
 * role: assigns the Crypto Service Encryption User role to the CMK app's service principal, on
 * the vault (Azure RBAC) or at /keys/<key> (a Managed HSM's local RBAC) (app.role).
 */
export const roleRepair: RepairStep<Target, RoleAssignmentOutcome> = {
  item: 'role',
  target(facts, run) {
    const registration = facts.registration.ok ? facts.registration.value : null
    const principal = facts.servicePrincipal?.ok ? facts.servicePrincipal.value : null
    // A principal that could not be made or read is not given a role: nothing is tried blindly.
    if (!registration?.applicationId || !facts.vault.ok || !principal) return undefined
    return {
      registration,
      vault: facts.vault.value,
      keyName: run.target.keyName,
      principalId: principal.objectId
    }
  },
  write: ({ vault, keyName, principalId }, { services, wait }) =>
    vault.kind === 'managed-hsm'
      ? assignHsmKeyRole(
          services.managedHsmRbac(vault.vaultUri),
          vault.vaultUri,
          keyName,
          principalId,
          wait()
        )
      : assignVaultRole(services.authorization, vault.id, principalId, wait()),
  say(assigned, target) {
    const where = roleDescription(target)
    if (assigned.kind === 'already-present')
      return {
        item: 'role',
        check,
        result: 'already-present',
        summary: `service principal ${target.principalId} already holds ${where}`
      }
    const retried =
      assigned.attempts > 1
        ? ` after ${assigned.attempts} attempts (the service did not see the new principal at first)`
        : ''
    return {
      item: 'role',
      check,
      result: 'created',
      summary: `Assigned ${where} to the CMK app's service principal ${target.principalId}${retried} (role assignment ${assigned.id})`,
      ids: {
        roleAssignmentId: assigned.id,
        principalId: target.principalId,
        scope: target.vault.id
      }
    }
  },
  // Read again from the services, so that the submission is judged on what they now hold.
  readBack: (_, { registration, vault }, { services, target }) =>
    readAppAccess(services, target, registration, Promise.resolve({ ok: true, value: vault })),
  failure: ({ vault }, error) => ({
    call:
      vault.kind === 'managed-hsm'
        ? 'Managed HSM PUT local role assignment'
        : 'ARM PUT role assignment',
    ...((error as { code?: unknown }).code === 'PrincipalNotFound' && {
      note: ' (the service still did not see the principal when wait-timeout-seconds ran out; re-run the job)'
    })
  })
}

function roleDescription({ vault, keyName }: Target): string {
  return vault.kind === 'managed-hsm'
    ? `Managed HSM Crypto Service Encryption User at /keys/${keyName} in the local RBAC of Managed HSM ${vault.name}`
    : `Key Vault Crypto Service Encryption User on vault ${vault.name}`
}
