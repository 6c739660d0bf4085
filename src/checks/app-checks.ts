import type {
  AppRegistration,
  Facts,
  ReadError,
  RoleAssignmentFact,
  VaultFacts
} from '../model/facts.js'
import type { Mode } from '../model/choices.js'
import type { Finding } from '../model/finding.js'
import { consentFix } from './consent-fix.js'
import type { ConsentLink } from '../facts/consent-url.js'
import { skipped } from './skipped.js'
import { hsmAppRoleFinding } from './hsm-role-check.js'
import { describeReadError, readErrorEvidence } from './read-error.js'
import {
  REQUIRED_KEY_DATA_ACTIONS,
  dataActionCoverage,
  cmkAppPrincipal
} from './role-permissions.js'

export interface AppCheckContext {
  mode: Mode
  /** The key's name, for the Managed HSM local role's scope. */
  keyName?: string | undefined
  /** Adobe's consent URL for the app.consented fix, tenant-specific when known, judged. */
  consentLink?: ConsentLink | undefined
}

export const CMK_ROLE_NAME = 'Key Vault Crypto Service Encryption User'

function isRegistered(registration: AppRegistration | null): registration is AppRegistration {
  return Boolean(registration?.applicationId)
}

function registrationFailureFix(error: ReadError): string {
  if (error.kind === 'forbidden') {
    return 'Check adobe-org-id and the Adobe credential: it needs a valid token for that organisation and a product profile that allows managing customer-managed keys.'
  }
  return 'Re-run the job; if the error persists, check adobe-region and the Adobe Experience Platform status.'
}

export function appRegisteredFinding(registration: Facts['registration'], mode: Mode): Finding {
  if (!registration.ok) {
    return {
      id: 'app.registered',
      outcome: 'fail',
      detail: `The CMK app registration could not be read: ${describeReadError(registration.error)}.`,
      fix: registrationFailureFix(registration.error),
      evidence: readErrorEvidence(registration.error)
    }
  }
  if (isRegistered(registration.value)) {
    return {
      id: 'app.registered',
      outcome: 'pass',
      detail: `The CMK app is registered with application id ${registration.value.applicationId}.`,
      evidence: {
        applicationId: registration.value.applicationId,
        applicationRedirectUrl: registration.value.applicationRedirectUrl
      }
    }
  }
  const evidence = { registration: registration.value }
  if (mode === 'check') {
    return {
      id: 'app.registered',
      outcome: 'fail',
      detail: 'The CMK app is not registered for this organisation, so setup was never run.',
      fix: 'Run the action once with mode: setup.',
      evidence
    }
  }
  return {
    id: 'app.registered',
    outcome: 'warn',
    detail: 'The CMK app is not registered yet; setup registers it.',
    fix:
      mode === 'validate'
        ? 'Nothing to do now: mode setup registers the CMK app.'
        : 'Nothing to do: setup registers the CMK app when no check fails.',
    evidence
  }
}

const DIRECTORY_PERMISSION_FIX =
  "Grant the action's Azure identity the Microsoft Graph application permission Application.Read.All (or Directory.Read.All) with admin consent, or set input cmk-app-object-id to the CMK app's service principal object id."

export function appConsentedFinding(
  facts: Pick<Facts, 'registration' | 'servicePrincipal' | 'vault'>,
  ctx: AppCheckContext
): Finding {
  const sp = facts.servicePrincipal
  const applicationId = facts.registration.ok ? facts.registration.value?.applicationId : undefined
  if (sp === undefined) {
    if (!facts.registration.ok) return skipped('app.consented', 'app.registered')
    if (!isRegistered(facts.registration.value)) {
      return {
        id: 'app.consented',
        outcome: 'warn',
        detail: 'This cannot be decided until the CMK app is registered.',
        fix:
          ctx.mode === 'setup'
            ? 'Fix the failed checks and re-run setup: it registers the CMK app and reports the consent URL.'
            : 'Run mode setup: it registers the CMK app and reports the consent URL.',
        evidence: { registered: false }
      }
    }
    return {
      id: 'app.consented',
      outcome: 'warn',
      detail: `The service principal of CMK app ${applicationId} was not looked up.`,
      fix: DIRECTORY_PERMISSION_FIX,
      evidence: { applicationId }
    }
  }
  if (sp.ok && sp.value) {
    if (sp.value.source === 'input') {
      return {
        id: 'app.consented',
        outcome: 'pass',
        detail: `The CMK app's service principal object id ${sp.value.objectId} is taken from input cmk-app-object-id; it was not looked up in the directory.`,
        evidence: { objectId: sp.value.objectId, source: 'input' }
      }
    }
    return {
      id: 'app.consented',
      outcome: 'pass',
      detail: `The CMK app has a service principal in the tenant with object id ${sp.value.objectId}.`,
      evidence: { objectId: sp.value.objectId, appId: sp.value.appId, source: 'graph' }
    }
  }
  if (sp.ok) {
    const tenant = facts.vault.ok ? ` ${facts.vault.value.tenantId}` : ''
    const { fix, evidence } = consentFix(ctx.consentLink, applicationId)
    return {
      id: 'app.consented',
      outcome: 'fail',
      detail: `CMK app ${applicationId ?? '(unknown application id)'} has no service principal in tenant${tenant}, so consent was not given yet.`,
      fix,
      evidence
    }
  }
  if (sp.error.kind === 'forbidden') {
    return {
      id: 'app.consented',
      outcome: 'warn',
      detail: `This cannot be decided: the directory look-up of the CMK app's service principal was refused (${describeReadError(sp.error)}).`,
      fix: DIRECTORY_PERMISSION_FIX,
      evidence: readErrorEvidence(sp.error)
    }
  }
  return {
    id: 'app.consented',
    outcome: 'warn',
    detail: `This cannot be decided: the directory look-up of the CMK app's service principal failed (${describeReadError(sp.error)}).`,
    fix: `Re-run the job, or set input cmk-app-object-id to skip the directory look-up.`,
    evidence: readErrorEvidence(sp.error)
  }
}

function roleFix(objectId: string | undefined, vault: VaultFacts): string {
  return `Assign the role: \`az role assignment create --role "${CMK_ROLE_NAME}" --assignee-object-id ${objectId ?? '<objectId>'} --assignee-principal-type ServicePrincipal --scope ${vault.id}\`.`
}

function describeAssignment(assignment: RoleAssignmentFact): string {
  const role = assignment.roleName ?? assignment.roleDefinitionId.split('/').pop()
  const group =
    assignment.principalType === 'Group' ? ` through group ${assignment.principalId}` : ''
  const condition = assignment.condition ? ` with condition ${assignment.condition}` : ''
  return `${role} at ${assignment.scope}${group}${condition}`
}

function assignmentEvidence(assignment: RoleAssignmentFact): Record<string, unknown> {
  return {
    roleName: assignment.roleName,
    roleDefinitionId: assignment.roleDefinitionId,
    scope: assignment.scope,
    principalId: assignment.principalId,
    principalType: assignment.principalType,
    condition: assignment.condition
  }
}

export function appRoleFinding(
  facts: Pick<Facts, 'vault' | 'registration' | 'servicePrincipal' | 'roleAssignments'> &
    Pick<Facts, 'groupMemberships'>,
  ctx: AppCheckContext
): Finding {
  if (!facts.vault.ok) return skipped('app.role', 'vault.found')
  const vault = facts.vault.value
  // An access-policy vault fails vault.rbac; this action evaluates Azure RBAC only.
  if (vault.kind === 'vault' && vault.enableRbacAuthorization !== true)
    return skipped('app.role', 'vault.rbac')
  const sp = facts.servicePrincipal
  const objectId = sp?.ok && sp.value ? sp.value.objectId : undefined
  const assignments = facts.roleAssignments
  if (assignments === undefined) {
    if (sp?.ok && sp.value === null) return skipped('app.role', 'app.consented')
    if (sp && !sp.ok) {
      return {
        id: 'app.role',
        outcome: 'warn',
        detail: `This cannot be decided: the CMK app's service principal could not be looked up (${describeReadError(sp.error)}).`,
        fix:
          sp.error.kind === 'forbidden'
            ? DIRECTORY_PERMISSION_FIX
            : 'Re-run the job, or set input cmk-app-object-id to skip the directory look-up.',
        evidence: readErrorEvidence(sp.error)
      }
    }
    if (!facts.registration.ok && !objectId) return skipped('app.role', 'app.registered')
    if (facts.registration.ok && !isRegistered(facts.registration.value) && !objectId) {
      return {
        id: 'app.role',
        outcome: 'warn',
        detail: 'This cannot be decided until the CMK app is registered and consented.',
        fix:
          ctx.mode === 'setup'
            ? 'Fix the failed checks and re-run setup, give consent with the consent URL, then re-run.'
            : 'Run mode setup, give consent with the consent URL, then re-run.',
        evidence: { registered: false }
      }
    }
    return {
      id: 'app.role',
      outcome: 'warn',
      detail: objectId
        ? `The role assignments of service principal ${objectId} were not looked up.`
        : "This cannot be decided: the CMK app's service principal object id is unknown.",
      fix: DIRECTORY_PERMISSION_FIX,
      evidence: { objectId }
    }
  }
  if (vault.kind === 'managed-hsm') {
    const key = ctx.keyName ?? '<key>'
    return hsmAppRoleFinding(vault, assignments, objectId, key, facts.groupMemberships)
  }
  if (!assignments.ok) {
    const forbidden = assignments.error.kind === 'forbidden'
    return {
      id: 'app.role',
      outcome: 'warn',
      detail: `This cannot be decided: the role assignments on vault ${vault.name} could not be read (${describeReadError(assignments.error)}).`,
      fix: forbidden
        ? "Grant the action's Azure identity Microsoft.Authorization/roleAssignments/read on the vault, e.g. the Reader role on the vault."
        : 'Re-run the job; if the error persists, check the Azure Resource Manager service health.',
      evidence: readErrorEvidence(assignments.error)
    }
  }
  // An assignment with a condition applies only when the condition holds, which cannot be
  // evaluated here: it never makes app.role pass, at most warn.
  const unconditional = assignments.value.filter(a => !a.condition)
  const coverage = dataActionCoverage(unconditional, REQUIRED_KEY_DATA_ACTIONS)
  const withConditions = dataActionCoverage(assignments.value, REQUIRED_KEY_DATA_ACTIONS)
  const evidence = {
    objectId,
    assignments: assignments.value.map(assignmentEvidence),
    missing: coverage.missing
  }
  const principal = cmkAppPrincipal(objectId)
  if (coverage.missing.length === 0) {
    return {
      id: 'app.role',
      outcome: 'pass',
      detail: `${principal} may read, wrap and unwrap keys through ${coverage.contributing.map(describeAssignment).join(' and ')}.`,
      evidence
    }
  }
  if (withConditions.missing.length === 0) {
    const conditional = withConditions.contributing.filter(a => a.condition)
    return {
      id: 'app.role',
      outcome: 'warn',
      detail: `This cannot be decided: ${principal} may read, wrap and unwrap keys only through ${conditional.map(describeAssignment).join(' and ')}, and a condition cannot be evaluated here.`,
      fix: `Make sure the condition holds for Adobe's key access, or assign the role without a condition: ${roleFix(objectId, vault)}`,
      evidence
    }
  }
  if (coverage.unreadable.length > 0) {
    return {
      id: 'app.role',
      outcome: 'warn',
      detail: `This cannot be decided: the role definition of ${coverage.unreadable.map(describeAssignment).join(' and ')} could not be read, and the other assignments lack ${coverage.missing.join(', ')}.`,
      fix: "Grant the action's Azure identity Microsoft.Authorization/roleDefinitions/read (e.g. the Reader role on the vault), or make sure the CMK app holds Key Vault Crypto Service Encryption User on the vault.",
      evidence
    }
  }
  const held =
    assignments.value.length === 0
      ? 'holds no role on the key, the vault or above'
      : `holds ${assignments.value.map(describeAssignment).join(' and ')}, which lack ${coverage.missing.join(', ')}`
  return {
    id: 'app.role',
    outcome: 'fail',
    detail: `${principal} ${held}.`,
    fix: roleFix(objectId, vault),
    evidence
  }
}
