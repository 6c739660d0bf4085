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

/**
 * What reads the CMK app's transitive group memberships (Graph "List servicePrincipal transitive
 * memberOf": least privileged Application.Read.All, as for the service principal look-up).
 */
export const MEMBERSHIP_READ_PERMISSION =
  'the Microsoft Graph application permission Application.Read.All (or Directory.Read.All) with admin consent'

function describeAssignment(assignment: RoleAssignmentFact): string {
  const role = assignment.roleName ?? assignment.roleDefinitionId.split('/').pop()
  const via =
    assignment.principalType === 'Group' ? ` (through group ${assignment.principalId})` : ''
  return `${role} at ${assignment.scope}${via}`
}

function isNetworkRefusal(message: string): boolean {
  return /ForbiddenByFirewall|ForbiddenByConnection|not authorized and caller is not a trusted service|Public network access is disabled/i.test(
    message
  )
}

/**
 * app.role on a Managed HSM, decided by its local RBAC at `/`, `/keys` and `/keys/<key>`, held by
 * the CMK app or by a group it is in (`memberships`, from Graph: local RBAC has no assignedTo()).
 * When the assignments cannot be read (the HSM's firewall refuses the runner, or the job's identity
 * holds no local role that may read them), it is a warning naming both ways to decide it; when only
 * the memberships cannot be read, a role that only another principal holds (perhaps a group the app
 * is in) is a warning naming the Graph permission.
 */
export function hsmAppRoleFinding(
  hsm: VaultFacts,
  assignments: Read<RoleAssignmentFact[]>,
  objectId: string | undefined,
  keyName: string,
  memberships?: Read<string[]>
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
  // Unreadable memberships: the reader kept every principal's assignment (principalType unknown).
  const groupsUnknown = memberships !== undefined && !memberships.ok
  const held = assignments.value.filter(a => !groupsUnknown || a.principalType !== undefined)
  const coverage = dataActionCoverage(held, REQUIRED_HSM_KEY_DATA_ACTIONS)
  const evidence = {
    objectId,
    localRbac: true,
    assignments: held.map(a => ({
      roleName: a.roleName,
      roleDefinitionId: a.roleDefinitionId,
      scope: a.scope,
      ...(a.principalType === 'Group' && { group: a.principalId })
    })),
    ...(memberships !== undefined && {
      groups: memberships.ok ? memberships.value : readErrorEvidence(memberships.error)
    }),
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
  if (groupsUnknown) {
    const others = assignments.value.filter(a => a.principalType === undefined)
    const possible = dataActionCoverage([...held, ...others], REQUIRED_HSM_KEY_DATA_ACTIONS)
    if (possible.missing.length === 0) {
      const byOthers = possible.contributing.filter(a => a.principalType === undefined)
      return {
        id: 'app.role',
        outcome: 'warn',
        detail: `This cannot be decided: ${principal} holds no local role that lets it read, wrap and unwrap key ${keyName} itself, and its group memberships could not be read (${describeReadError(memberships.error)}); on Managed HSM ${hsm.name}, ${byOthers.map(a => `${describeAssignment(a)} of principal ${a.principalId}`).join(' and ')} may be held through a group it is in.`,
        fix: `Grant the job's Azure identity ${MEMBERSHIP_READ_PERMISSION}, so that roles held through groups are counted; or assign the CMK app its own local role: ${assign}.`,
        evidence: { ...evidence, possibleGroups: byOthers.map(a => a.principalId) }
      }
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
  const holds =
    held.length === 0
      ? `holds no local role at /, /keys or /keys/${keyName} of Managed HSM ${hsm.name}`
      : `holds ${held.map(describeAssignment).join(' and ')} on Managed HSM ${hsm.name}, which lack ${coverage.missing.join(', ')}`
  return {
    id: 'app.role',
    outcome: 'fail',
    detail: `${principal} ${holds}${memberships?.ok ? ', itself or through its groups' : ''}.`,
    fix: `Assign the local role: ${assign}.`,
    evidence
  }
}
