import type { RepairOutcome } from '../../../src/model/repair-outcome.js'
import type { Finding } from '../../../src/model/finding.js'
import { withRepairOutcomes } from '../../../src/checks/repair-findings.js'

const failedRole: Finding = {
  id: 'app.role',
  outcome: 'fail',
  detail: 'The CMK app holds no role on the vault or above.',
  fix: 'Assign the role: `az role assignment create …`.'
}
const passedIp: Finding = { id: 'vault.adobe-ip', outcome: 'pass', detail: 'Allowed.' }

describe('withRepairOutcomes', () => {
  it('quotes a refusal and names the permission before the manual fix', () => {
    const refused: RepairOutcome = {
      item: 'role',
      check: 'app.role',
      result: 'refused',
      call: 'ARM PUT role assignment',
      status: 403,
      message: "AuthorizationFailed: … 'Microsoft.Authorization/roleAssignments/write' …",
      permission: 'Microsoft.Authorization/roleAssignments/write on the vault'
    }
    const [finding] = withRepairOutcomes([failedRole], [refused])
    expect(finding).toEqual({
      id: 'app.role',
      outcome: 'fail',
      detail:
        "The CMK app holds no role on the vault or above. remediate: role was refused: ARM PUT role assignment answered HTTP 403: AuthorizationFailed: … 'Microsoft.Authorization/roleAssignments/write' …",
      fix: "Grant the job's identity Microsoft.Authorization/roleAssignments/write on the vault, then re-run; or fix it by hand: Assign the role: `az role assignment create …`.",
      evidence: { remediation: refused }
    })
  })

  it('says why a repair changed nothing', () => {
    const [finding] = withRepairOutcomes(
      [{ ...failedRole, id: 'vault.adobe-ip' }],
      [
        {
          item: 'adobe-ip',
          check: 'vault.adobe-ip',
          result: 'not-possible',
          reason: 'public network access is Disabled'
        }
      ]
    )
    expect(finding!.detail).toMatch(
      /remediate: adobe-ip changed nothing: public network access is Disabled$/
    )
    expect(finding!.fix).toBe(failedRole.fix)
  })

  it('leaves passing findings and findings without a repair as they are', () => {
    const made: RepairOutcome = {
      item: 'adobe-ip',
      check: 'vault.adobe-ip',
      result: 'created',
      summary: 'Added 20.88.123.53',
      ids: { ipRule: '20.88.123.53' }
    }
    expect(withRepairOutcomes([passedIp, failedRole], [made])).toEqual([passedIp, failedRole])
  })
})

describe('withRepairOutcomes: every kind of outcome on a check that still does not pass', () => {
  const warnedRole: Finding = { ...failedRole, outcome: 'warn' }

  it('a failed repair names the call and quotes the message, keeping the manual fix', () => {
    const failed: RepairOutcome = {
      item: 'role',
      check: 'app.role',
      result: 'failed',
      call: 'ARM PUT role assignment',
      status: 400,
      message: 'PrincipalNotFound: not there yet'
    }
    expect(withRepairOutcomes([warnedRole], [failed])).toEqual([
      {
        ...warnedRole,
        detail: `${failedRole.detail} remediate: role failed: ARM PUT role assignment: PrincipalNotFound: not there yet`,
        evidence: { remediation: failed }
      }
    ])
  })

  it('a repair that was made but did not help says so', () => {
    const made: RepairOutcome = {
      item: 'role',
      check: 'app.role',
      result: 'created',
      summary: 'Assigned the role',
      ids: {}
    }
    const [finding] = withRepairOutcomes([failedRole], [made])
    expect(finding!.detail).toBe(
      `${failedRole.detail} remediate: role Assigned the role, yet the check does not pass when read again.`
    )
    expect(finding!.fix).toBe(failedRole.fix)
  })

  it('a refusal without a status, on a finding without a fix, still names the permission', () => {
    const refused: RepairOutcome = {
      item: 'service-principal',
      check: 'app.consented',
      result: 'refused',
      call: 'Microsoft Graph POST service principal',
      message: 'Insufficient privileges',
      permission: 'Application.ReadWrite.All'
    }
    const [finding] = withRepairOutcomes(
      [{ id: 'app.consented', outcome: 'fail', detail: 'No principal.', evidence: { a: 1 } }],
      [refused]
    )
    expect(finding).toEqual({
      id: 'app.consented',
      outcome: 'fail',
      detail:
        'No principal. remediate: service-principal was refused: Microsoft Graph POST service principal answered: Insufficient privileges',
      fix: "Grant the job's identity Application.ReadWrite.All, then re-run; or fix it by hand:",
      evidence: { a: 1, remediation: refused }
    })
  })

  it('leaves a skipped finding as it is', () => {
    const skippedRole: Finding = {
      id: 'app.role',
      outcome: 'skipped',
      detail: 'skipped: app.consented failed',
      blockedBy: 'app.consented'
    }
    const failed: RepairOutcome = {
      item: 'role',
      check: 'app.role',
      result: 'failed',
      call: 'x',
      message: 'y'
    }
    expect(withRepairOutcomes([skippedRole], [failed])).toEqual([skippedRole])
  })
})
