/*
 * End-to-end: vault.audit-log and vault.delete-lock, two warning checks read through ARM
 * (diagnostic settings with @azure/arm-monitor, management locks with @azure/arm-locks) on the
 * vault's or the Managed HSM's resource id.
 */
import {
  auditEventToStorage,
  defaultVault,
  managedHsmResourceId,
  managedHsmScenario,
  metricsOnly,
  nothingSetUp,
  REMEDIATION_WRITE_ACTIONS,
  resourceGroupLock,
  vaultResourceId,
  type Simulator
} from '../../test/simulator/index.js'
import { defaultInputs, resetSimulator, runAction, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

function run(extra: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(sim, { ...defaultInputs(sim), mode: 'validate', ...extra }, { withReport: true })
}

interface ReportFinding {
  id: string
  outcome: string
  detail: string
  fix?: string
}

function finding(r: ActionRun, id: string): ReportFinding {
  const f = ((r.report?.findings ?? []) as ReportFinding[]).find(x => x.id === id)
  if (!f) throw new Error(`no finding ${id}`)
  return f
}

const vaultId = () => vaultResourceId(sim.state, sim.state.vault!)

describe('vault.audit-log', () => {
  it('passes when the audit category group goes to a Log Analytics workspace', async () => {
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(finding(r, 'vault.audit-log')).toMatchObject({
      outcome: 'pass',
      detail:
        'Vault kv-aep-cmk-prod sends its audit logs (category group audit) to a Log Analytics workspace through diagnostic setting audit-to-security-workspace.'
    })
    const read = sim.requests.find(q => /diagnosticSettings/i.test(q.path))
    expect(read?.path).toBe(`${vaultId()}/providers/Microsoft.Insights/diagnosticSettings`)
    expect(read?.status).toBe(200)
  })

  it('passes when the AuditEvent category goes to a storage account', async () => {
    sim.state.vault!.diagnosticSettings = [metricsOnly(), auditEventToStorage()]
    const r = await run()
    expect(finding(r, 'vault.audit-log')).toMatchObject({ outcome: 'pass' })
    expect(finding(r, 'vault.audit-log').detail).toContain(
      '(category AuditEvent) to a storage account through diagnostic setting akvdiagnostics'
    )
  })

  it('warns with the az command for this vault when no setting keeps the audit logs', async () => {
    sim.state.vault!.diagnosticSettings = [metricsOnly()]
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(r.outputs['failed-checks']).toBe('')
    const f = finding(r, 'vault.audit-log')
    expect(f.outcome).toBe('warn')
    expect(f.detail).toContain('has 1 diagnostic setting (metrics-to-workspace), none of which')
    const command = `az monitor diagnostic-settings create --name aep-cmk-audit --resource ${vaultId()} --workspace <log-analytics-workspace-id> --logs '[{"categoryGroup":"audit","enabled":true}]'`
    expect(f.fix).toContain(`\`${command}\``)
    expect(r.stdout).toMatch(
      /::warning title=vault\.audit-log::Vault kv-aep-cmk-prod has 1 diagnostic/
    )
    expect(r.summary).toContain(command)
  })

  it('warns naming the permission when the settings cannot be read', async () => {
    sim.state.armDeniedActions = ['Microsoft.Insights/diagnosticSettings/read']
    const r = await run()
    expect(r.exitCode).toBe(0)
    const f = finding(r, 'vault.audit-log')
    expect(f.outcome).toBe('warn')
    expect(f.detail).toContain(
      'its diagnostic settings could not be read (ARM list diagnostic settings answered 403'
    )
    expect(f.fix).toContain(
      "Grant the action's Azure identity Microsoft.Insights/diagnosticSettings/read on the vault (the Reader role has it)"
    )
    // The other reads are not held up by it.
    expect(finding(r, 'vault.delete-lock').outcome).toBe('pass')
    expect(finding(r, 'key.found').outcome).toBe('pass')
  })
})

describe('vault.delete-lock', () => {
  it('passes with the CanNotDelete lock the vault inherits from its resource group', async () => {
    const r = await run()
    expect(finding(r, 'vault.delete-lock')).toMatchObject({
      outcome: 'pass',
      detail:
        'Vault kv-aep-cmk-prod cannot be deleted: CanNotDelete lock rg-no-delete on its resource group.'
    })
    const read = sim.requests.find(q => /Authorization\/locks/i.test(q.path))
    expect(read?.status).toBe(200)
    expect(read?.path).toMatch(
      /^\/subscriptions\/[^/]+\/resourcegroups\/rg-aep-cmk\/providers\/Microsoft\.KeyVault\/+vaults\/kv-aep-cmk-prod\/providers\/Microsoft\.Authorization\/locks$/
    )
  })

  it('warns when the only lock is on another vault of the resource group', async () => {
    const other = { ...defaultVault('kv-aep-cmk-prod2') }
    sim.state.otherVaults = [other]
    sim.state.locks = [
      { scope: vaultResourceId(sim.state, other), name: 'other-no-delete', level: 'CanNotDelete' }
    ]
    const r = await run()
    const f = finding(r, 'vault.delete-lock')
    expect(f.outcome).toBe('warn')
    expect(f.detail).toContain(
      'Vault kv-aep-cmk-prod has no CanNotDelete or ReadOnly lock on itself, its resource group or its subscription'
    )
  })

  it('warns with the az lock command when there is no lock at all', async () => {
    sim.state.locks = []
    const r = await run()
    expect(r.exitCode).toBe(0)
    const f = finding(r, 'vault.delete-lock')
    expect(f.outcome).toBe('warn')
    const command = `az lock create --subscription ${sim.state.subscriptionId} --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group rg-aep-cmk --resource-type Microsoft.KeyVault/vaults --resource kv-aep-cmk-prod`
    expect(f.fix).toContain(`\`${command}\``)
    expect(r.stdout).toMatch(/::warning title=vault\.delete-lock::/)
  })

  it('passes with a ReadOnly lock on the subscription or a lock on the vault itself', async () => {
    sim.state.locks = [
      { scope: `/subscriptions/${sim.state.subscriptionId}`, name: 'frozen', level: 'ReadOnly' }
    ]
    const frozen = await run()
    expect(finding(frozen, 'vault.delete-lock').outcome).toBe('pass')
    expect(finding(frozen, 'vault.delete-lock').detail).toContain("the action's own repairs")
    sim.state.locks = [{ scope: vaultId(), name: 'kv-no-delete', level: 'CanNotDelete' }]
    const own = await run()
    expect(finding(own, 'vault.delete-lock').detail).toContain(
      'CanNotDelete lock kv-no-delete on the vault itself'
    )
  })

  it("passes under a ReadOnly lock on the group, whose refusals then fail the action's repairs", async () => {
    const readOnly = () => [
      resourceGroupLock(sim.state.subscriptionId, sim.state.resourceGroup, 'ReadOnly')
    ]
    const repairRun = async (item: string) => {
      const r = await runAction(
        sim,
        { ...defaultInputs(sim), mode: 'setup', remediate: item },
        { withReport: true }
      )
      expect(r.exitCode).toBe(1)
      expect(r.report!.repairs).toContainEqual(
        expect.objectContaining({
          item,
          result: 'failed',
          status: 409,
          message: expect.stringContaining('ScopeLocked: The scope') as unknown
        })
      )
      return r
    }
    resetSimulator(sim, { ...nothingSetUp(sim.state.runnerIp), locks: [] })
    sim.state.locks = readOnly()
    const firewall = await repairRun('adobe-ip')
    expect(finding(firewall, 'vault.delete-lock').detail).toContain(
      "ReadOnly lock rg-no-delete on its resource group. A ReadOnly lock also blocks every change, the action's own repairs (remediate) included."
    )
    resetSimulator(sim, { roleAssignments: [], armWriteActions: [REMEDIATION_WRITE_ACTIONS.role] })
    sim.state.locks = readOnly()
    await repairRun('role')
  })

  it('warns naming the permission when the locks cannot be read', async () => {
    sim.state.armDeniedActions = ['Microsoft.Authorization/locks/read']
    const r = await run()
    const f = finding(r, 'vault.delete-lock')
    expect(f.outcome).toBe('warn')
    expect(f.fix).toContain('Microsoft.Authorization/locks/read')
  })
})

describe('both checks', () => {
  it('fail the run under strict', async () => {
    sim.state.vault!.diagnosticSettings = []
    sim.state.locks = []
    const r = await run({ strict: 'true' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.result).toBe('fail')
    expect(r.outputs['failed-checks']).toBe('vault.audit-log,vault.delete-lock')
  })

  it('are skipped, not warned, when vault.found failed', async () => {
    sim.state.vault = null
    const r = await run({ strict: 'true' })
    expect(r.outputs['failed-checks']).toBe('vault.found')
    for (const id of ['vault.audit-log', 'vault.delete-lock'])
      expect(finding(r, id)).toMatchObject({
        outcome: 'skipped',
        detail: 'skipped: vault.found failed'
      })
    expect(r.stdout).not.toMatch(/title=vault\.(audit-log|delete-lock)/)
  })

  it('read a Managed HSM by its own resource id', async () => {
    resetSimulator(sim, managedHsmScenario())
    const hsm = sim.state.managedHsm!
    const inputs = { 'key-vault-name': hsm.name }
    const healthy = await run(inputs)
    expect(finding(healthy, 'vault.audit-log').outcome).toBe('pass')
    expect(finding(healthy, 'vault.delete-lock').outcome).toBe('pass')
    hsm.diagnosticSettings = []
    sim.state.locks = []
    const bare = await run(inputs)
    const id = managedHsmResourceId(sim.state, hsm)
    expect(finding(bare, 'vault.audit-log').fix).toContain(
      `--resource ${id} --workspace <log-analytics-workspace-id> --logs '[{"category":"AuditEvent","enabled":true}]'`
    )
    expect(finding(bare, 'vault.delete-lock').fix).toContain(
      '--resource-type Microsoft.KeyVault/managedHSMs --resource mhsm-aep-cmk-prod'
    )
  })
})
