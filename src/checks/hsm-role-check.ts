import type { Read, RoleAssignmentFact, VaultFacts } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import { describeReadError, readErrorEvidence } from './read-error.js'
import { dataActionCoverage, cmkAppPrincipal } from './role-permissions.js'

/** The local role Adobe documents for a Managed HSM. */
export const CMK_HSM_ROLE_NAME = 'Managed HSM Crypto Service Encryption User'
/** A built-in local role that may read role assignments and definitions, and nothing more. */
export const HSM_READER_ROLE_NAME = 'Managed HSM Crypto Auditor'

/** The local data actions the CMK app needs on the key (rbac.json DataAction). */
export const REQUIRED_HSM_KEY_DATA_ACTIONS = [
  'Microsoft.KeyVault/managedHsm/keys/read/action',
  'Microsoft.KeyVault/managedHsm/keys/wrap/action',
  'Microsoft.KeyVault/managedHsm/keys/unwrap/action'
] as const

/** The exact command that assigns the CMK app its local role on this key. */
export function hsmRoleAssignCommand(
  hsmName: string,
  objectId: string | undefined,
  keyName: string
): string {
  return `\`az keyvault role assignment create --hsm-name ${hsmName} --role "${CMK_HSM_ROLE_NAME}" --assignee-object-id ${objectId ?? '<objectId>'} --scope /keys/${keyName}\``
}

function describeAssignment(assignment: RoleAssignmentFact): string {
  const role = assignment.roleName ?? assignment.roleDefinitionId.split('/').pop()
  return `${role} at ${assignment.scope}`
}

function isNetworkRefusal(message: string): boolean {
  return /ForbiddenByFirewall|ForbiddenByConnection|not authorized and caller is not a trusted service|Public network access is disabled/i.test(
    message
  )
}

/**
 * app.role on a Managed HSM, decided by its local RBAC at `/`, `/keys` and `/keys/<key>`. When
 * the assignments cannot be read (the HSM's firewall refuses the runner, or the job's identity
 * holds no local role that may read them), it is a warning naming both ways to decide it.
 */
export function hsmAppRoleFinding(
  hsm: VaultFacts,
  assignments: Read<RoleAssignmentFact[]>,
  objectId: string | undefined,
  keyName: string
): Finding {
  const assign = hsmRoleAssignCommand(hsm.name, objectId, keyName)
  if (!assignments.ok) {
    const error = assignments.error
    const readerRole = `give the job's Azure identity the local role ${HSM_READER_ROLE_NAME} at scope / (it may read role assignments and definitions): \`az keyvault role assignment create --hsm-name ${hsm.name} --role "${HSM_READER_ROLE_NAME}" --assignee <azure-client-id> --scope /\``
    const networkRule = `let the runner through the HSM's network rules (public network access Enabled and, behind a Deny firewall, the runner's address in networkAcls.ipRules), or run the job from a network that reaches it`
    const network = isNetworkRefusal(error.message)
    const fix = network
      ? `The HSM's firewall refused the runner: ${networkRule}. Reading also needs a local role: ${readerRole}.`
      : error.kind === 'forbidden'
        ? `To decide it, ${readerRole}. Meanwhile make sure the CMK app holds ${CMK_HSM_ROLE_NAME}: ${assign}.`
        : `Re-run the job; if it persists, ${networkRule}, and ${readerRole}.`
    return {
      id: 'app.role',
      outcome: 'warn',
      detail: `This cannot be decided: the local role assignments of Managed HSM ${hsm.name} could not be read (${describeReadError(error)}).`,
      fix,
      evidence: { ...readErrorEvidence(error), localRbac: true, readerRole: HSM_READER_ROLE_NAME }
    }
  }
  const coverage = dataActionCoverage(assignments.value, REQUIRED_HSM_KEY_DATA_ACTIONS)
  const evidence = {
    objectId,
    localRbac: true,
    assignments: assignments.value.map(a => ({
      roleName: a.roleName,
      roleDefinitionId: a.roleDefinitionId,
      scope: a.scope
    })),
    missing: coverage.missing
  }
  const principal = cmkAppPrincipal(objectId)
  if (coverage.missing.length === 0) {
    return {
      id: 'app.role',
      outcome: 'pass',
      detail: `${principal} may read, wrap and unwrap key ${keyName} through the local role ${coverage.contributing.map(describeAssignment).join(' and ')} of Managed HSM ${hsm.name}.`,
      evidence
    }
  }
  if (coverage.unreadable.length > 0) {
    return {
      id: 'app.role',
      outcome: 'warn',
      detail: `This cannot be decided: the local role definition of ${coverage.unreadable.map(describeAssignment).join(' and ')} could not be read, and the other assignments lack ${coverage.missing.join(', ')}.`,
      fix: `Give the job's Azure identity the local role ${HSM_READER_ROLE_NAME} at scope / (it may read role definitions), or make sure the CMK app holds ${CMK_HSM_ROLE_NAME}: ${assign}.`,
      evidence
    }
  }
  const held =
    assignments.value.length === 0
      ? `holds no local role at /, /keys or /keys/${keyName} of Managed HSM ${hsm.name}`
      : `holds ${assignments.value.map(describeAssignment).join(' and ')} on Managed HSM ${hsm.name}, which lack ${coverage.missing.join(', ')}`
  return {
    id: 'app.role',
    outcome: 'fail',
    detail: `${principal} ${held}.`,
    fix: `Assign the local role: ${assign}.`,
    evidence
  }
}
