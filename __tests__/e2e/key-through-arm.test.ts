/*
 * End-to-end: the key is read through ARM (`Microsoft.KeyVault/vaults/keys`), which the vault
 * firewall does not apply to; the rotation policy comes from ARM's answer, and only where ARM
 * omits it from the data plane, best effort.
 */
import type { Simulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

function run(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    sim,
    { ...defaultInputs(sim), mode: 'validate', ...inputs },
    { withReport: true }
  )
}

/** A firewall as Azure's baseline and Adobe ask for it: deny by default, Adobe's address allowed. */
function firewallAllowingOnlyAdobe(): void {
  sim.state.vault!.properties.networkAcls = {
    bypass: 'AzureServices',
    defaultAction: 'Deny',
    ipRules: [{ value: '20.88.123.53' }],
    virtualNetworkRules: []
  }
}

interface ReportedKey {
  ok: boolean
  value?: { id: string; rotationPolicy: Record<string, unknown> }
  error?: { status?: number; message: string; kind: string }
}

function reportedKey(r: ActionRun): ReportedKey {
  return (r.report?.facts as { key: ReportedKey }).key
}

function outcome(r: ActionRun, id: string): string | undefined {
  const findings = (r.report?.findings ?? []) as Array<{ id: string; outcome: string }>
  return findings.find(f => f.id === id)?.outcome
}

const dataPlaneRequests = () => sim.requests.filter(q => q.service === 'keyvault')

describe('the key through ARM', () => {
  it('reads the key and its rotation policy from ARM alone, behind a firewall that refuses the runner', async () => {
    firewallAllowingOnlyAdobe()
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(outcome(r, 'key.found')).toBe('pass')
    const latest = sim.state.key!.versions.at(-1)
    expect(r.outputs['key-identifier']).toBe(
      `${sim.vaultUri('kv-aep-cmk-prod')}keys/aep-cmk-key/${latest}`
    )
    expect(reportedKey(r).value?.rotationPolicy).toEqual({
      ok: true,
      value: {
        source: 'arm',
        expiryTime: 'P1Y',
        lifetimeActions: [
          { action: 'rotate', timeBeforeExpiry: 'P60D' },
          { action: 'notify', timeBeforeExpiry: 'P30D' }
        ]
      }
    })
    expect(dataPlaneRequests()).toEqual([])
    expect(
      sim.requests.some(
        q =>
          q.service === 'arm' &&
          q.status === 200 &&
          q.path.endsWith('/vaults/kv-aep-cmk-prod/keys/aep-cmk-key') &&
          q.query['api-version'] === '2026-02-01'
      )
    ).toBe(true)
  })

  it('where ARM omits the rotation policy, the firewall refusing the data plane is recorded, and key.found still passes', async () => {
    firewallAllowingOnlyAdobe()
    sim.state.armKeyRotationPolicy = 'omitted'
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(outcome(r, 'key.found')).toBe('pass')
    const policy = reportedKey(r).value?.rotationPolicy as unknown as ReportedKey
    expect(policy.ok).toBe(false)
    // A firewall refusal is not a missing permission: no role would let the request through.
    expect(policy.error).toMatchObject({ status: 403, kind: 'error' })
    expect(policy.error?.message).toContain('ForbiddenByFirewall')
    // Asked at the vaultUri ARM returned, on the rotation policy path only.
    expect(dataPlaneRequests().map(q => q.path)).toContain('/keys/aep-cmk-key/rotationpolicy')
    expect(dataPlaneRequests().every(q => q.path === '/keys/aep-cmk-key/rotationpolicy')).toBe(true)
  })

  it('where ARM omits the rotation policy and the data plane lets the runner in, the policy comes from there', async () => {
    sim.state.armKeyRotationPolicy = 'omitted'
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(reportedKey(r).value?.rotationPolicy).toEqual({
      ok: true,
      value: {
        source: 'data-plane',
        expiryTime: 'P1Y',
        lifetimeActions: [
          { action: 'rotate', timeBeforeExpiry: 'P60D' },
          { action: 'notify', timeBeforeExpiry: 'P30D' }
        ]
      }
    })
    // At the vaultUri ARM returned, answering Key Vault's 401 challenge.
    const reads = dataPlaneRequests()
    expect(reads.map(q => q.status)).toEqual([401, 200])
    expect(reads[0]!.headers.authorization).toBeUndefined()
    expect(reads[1]!.headers.authorization).toMatch(/^Bearer /)
    expect(reads[1]!.host).toBe(`kv-aep-cmk-prod.vault.localhost:${sim.port}`)
  })

  it('key.found fails when the identity may not read keys through ARM, asking for Reader', async () => {
    sim.state.armDeniedActions = ['Microsoft.KeyVault/vaults/keys/read']
    const r = await run()
    expect(r.exitCode).not.toBe(0)
    expect(r.outputs['failed-checks']).toBe('key.found')
    const line = r.stdout.split('\n').find(l => l.startsWith('::error title=key.found::'))
    expect(line).toContain('ARM GET key answered 403')
    expect(line).toContain('AuthorizationFailed')
    expect(line).toContain('--role Reader')
  })

  it('key.found fails when ARM answers 404 for the key', async () => {
    sim.state.key = null
    const r = await run()
    expect(r.outputs['failed-checks']).toBe('key.found')
    expect(reportedKey(r).error).toMatchObject({ status: 404, kind: 'not-found' })
    expect(dataPlaneRequests()).toEqual([])
  })
})
