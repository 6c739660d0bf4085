/*
 * End-to-end: how the bundled action finds the vault. With azure-resource-group, one GET. Without
 * it, one generic resource query filtered by name and one GET, whatever the subscription's size;
 * the provider listing only when that query finds nothing.
 */
import {
  cmkAppVaultRole,
  defaultVault,
  type RecordedRequest,
  type Simulator,
  type VaultState
} from '../../test/simulator/index.js'
import { defaultInputs, runAction, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

function run(inputs: Record<string, string | undefined> = {}): Promise<ActionRun> {
  return runAction(sim, { ...defaultInputs(sim), mode: 'validate', ...inputs })
}

/** ARM requests that look for or read the vault (not role assignments or definitions). */
function vaultLookups(): RecordedRequest[] {
  return sim.requests.filter(
    r =>
      r.service === 'arm' &&
      !/Microsoft\.(Authorization|Insights)/i.test(r.path) &&
      !/\/keys\//i.test(r.path) &&
      (/\/resources$/.test(r.path) || /Microsoft\.KeyVault\/(vaults|managedHSMs)/i.test(r.path))
  )
}

function describe_(r: RecordedRequest): string {
  const filter = r.query.$filter ? ` $filter=${r.query.$filter}` : ''
  const page = r.query.$skiptoken ? ` $skiptoken=${r.query.$skiptoken}` : ''
  return `${r.status} ${r.path.replace(`/subscriptions/${sim.state.subscriptionId}`, '')}${filter}${page}`
}

function manyVaults(count: number): VaultState[] {
  return Array.from({ length: count }, (_, i) => ({
    ...defaultVault(`kv-team-${String(i).padStart(4, '0')}`),
    resourceGroup: `rg-team-${i % 40}`
  }))
}

describe('vault discovery', () => {
  it('with azure-resource-group reads the vault with one GET', async () => {
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(vaultLookups().map(describe_)).toEqual([
      '200 /resourceGroups/rg-aep-cmk/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod'
    ])
  })

  it('without it finds the vault among 1,500 with one filtered query and one GET', async () => {
    sim.state.vault = { ...defaultVault(), resourceGroup: 'rg-elsewhere' }
    sim.state.otherVaults = manyVaults(1499)
    sim.state.roleAssignments = cmkAppVaultRole(sim.state)
    const r = await run({ 'azure-resource-group': '' })
    expect(r.exitCode).toBe(0)
    expect(vaultLookups().map(describe_)).toEqual([
      "200 /resources $filter=name eq 'kv-aep-cmk-prod'",
      '200 /resourceGroups/rg-elsewhere/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod'
    ])
  })

  it('falls back to the provider listing when the filtered query does not show the vault yet', async () => {
    sim.state.notYetListed = ['kv-aep-cmk-prod']
    const r = await run({ 'azure-resource-group': '' })
    expect(r.exitCode).toBe(0)
    expect(vaultLookups().map(describe_)).toEqual([
      "200 /resources $filter=name eq 'kv-aep-cmk-prod'",
      '200 /providers/Microsoft.KeyVault/vaults'
    ])
  })

  it('says which calls found nothing when no vault of that name exists', async () => {
    sim.state.vault = null
    sim.state.otherVaults = manyVaults(60)
    const r = await run({ 'azure-resource-group': '' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs['failed-checks']).toContain('vault.found')
    // ARM pages the Key Vault listing by 25.
    expect(vaultLookups().map(describe_)).toEqual([
      "200 /resources $filter=name eq 'kv-aep-cmk-prod'",
      '200 /providers/Microsoft.KeyVault/vaults',
      '200 /providers/Microsoft.KeyVault/vaults $skiptoken=25',
      '200 /providers/Microsoft.KeyVault/vaults $skiptoken=50',
      '200 /providers/Microsoft.KeyVault/managedHSMs'
    ])
    expect(r.stdout).toMatch(
      /::error title=vault\.found::.*no Key Vault or Managed HSM named "kv-aep-cmk-prod" in the subscription/
    )
  })

  it('with key-vault-type vault never asks for a Managed HSM', async () => {
    sim.state.vault = null
    const r = await run({ 'key-vault-type': 'vault' })
    expect(r.exitCode).toBe(1)
    expect(vaultLookups().map(describe_)).toEqual([
      '404 /resourceGroups/rg-aep-cmk/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod'
    ])
  })
})
