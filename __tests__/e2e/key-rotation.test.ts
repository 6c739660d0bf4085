/*
 * End-to-end: key.rotation, a warning check, from the rotation policy in ARM's key answer or,
 * where ARM gives none, from the data plane.
 */
import type { Simulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

function run(extra: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(sim, { ...defaultInputs(sim), mode: 'validate', ...extra }, { withReport: true })
}

function rotation(r: ActionRun): { outcome: string; detail: string; fix?: string } {
  const findings = (r.report?.findings ?? []) as Array<{
    id: string
    outcome: string
    detail: string
    fix?: string
  }>
  return findings.find(f => f.id === 'key.rotation')!
}

describe('key.rotation', () => {
  it('passes when the policy rotates the key 60 days before expiry', async () => {
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(rotation(r)).toMatchObject({ outcome: 'pass' })
    expect(rotation(r).detail).toContain('P60D before expiry')
  })

  it('warns when the policy rotates later than min-key-validity-days, and fails under strict', async () => {
    const r = await run({ 'min-key-validity-days': '90' })
    expect(r.exitCode).toBe(0)
    expect(rotation(r).outcome).toBe('warn')
    expect(r.stdout).toMatch(/::warning title=key\.rotation::.*less than min-key-validity-days 90/)
    const strict = await run({ 'min-key-validity-days': '90', strict: 'true' })
    expect(strict.exitCode).toBe(1)
    expect(strict.outputs['failed-checks']).toBe('key.rotation')
  })

  it('warns when the key has no policy (ARM omits it, the data plane answers its default notify-only policy)', async () => {
    sim.state.key!.rotationPolicy = undefined
    const r = await run()
    expect(rotation(r).outcome).toBe('warn')
    expect(rotation(r).detail).toContain('has no Rotate action')
    expect(rotation(r).fix).toContain(
      '`az keyvault key rotation-policy update --vault-name kv-aep-cmk-prod --name aep-cmk-key --value rotation-policy.json`'
    )
  })

  it('warns and says why when the policy is only on the data plane behind the firewall', async () => {
    sim.state.armKeyRotationPolicy = 'omitted'
    sim.state.vault!.properties.networkAcls = {
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: [{ value: '20.88.123.53' }],
      virtualNetworkRules: []
    }
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(rotation(r).outcome).toBe('warn')
    expect(rotation(r).detail).toContain('the firewall of vault kv-aep-cmk-prod refused')
    expect(rotation(r).detail).toContain('403')
  })
})
