import type { RepairOutcome } from '../../../src/actions/repair-outcome.js'
import type { Finding } from '../../../src/checks/finding.js'
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
