/*
 * End-to-end: the three modes on a Managed HSM. The vault is found under key-vault-type auto (no
 * Key Vault of that name), the key read through ARM (managedHsmKeys), the CMK app's role read
 * from the HSM's local RBAC on its data plane (challenge auth for the HSM resource).
 */
import {
  CONFIG_PATH,
  HSM_ROLE,
  managedHsmScenario,
  type Simulator
} from '../../test/simulator/index.js'
import { defaultInputs, runAction, writesOf, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: false })

beforeEach(() => {
  sim.state = managedHsmScenario()
  sim.clearRequests()
  sim.clearFaults()
})

function hsmInputs(mode: string, extra: Record<string, string | undefined> = {}) {
  return { ...defaultInputs(sim, mode), 'key-vault-name': sim.state.managedHsm!.name, ...extra }
}

function run(mode: string, extra: Record<string, string | undefined> = {}): Promise<ActionRun> {
  return runAction(sim, hsmInputs(mode, extra), { withReport: true })
}

function finding(r: ActionRun, id: string): { outcome: string; detail: string; fix?: string } {
  const findings = (r.report?.findings ?? []) as Array<{
    id: string
    outcome: string
    detail: string
    fix?: string
  }>
  const f = findings.find(x => x.id === id)
  if (!f) throw new Error(`no finding ${id}`)
  return f
}

const hsmHost = () => `${sim.state.managedHsm!.name}.managedhsm.localhost:${sim.port}`

describe('Managed HSM', () => {
  it('setup finds the HSM under auto, submits its key identifier and ends COMPLETED', async () => {
    const r = await run('setup')
    expect(r.stdout).not.toMatch(/::error/)
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({
      result: 'pass',
      status: 'COMPLETED',
      'vault-type': 'managed-hsm'
    })
    expect(r.outputs['key-identifier']).toBe(
      `https://${hsmHost()}/keys/aep-cmk-key/${sim.state.key!.versions.at(-1)}`
    )
    const submitted = sim.requests.find(q => q.method === 'POST' && q.path === CONFIG_PATH)
    expect(JSON.parse(submitted!.body).configData.keyVaultKeyIdentifier).toContain(
      `https://${hsmHost()}/keys/aep-cmk-key/`
    )
    expect(finding(r, 'vault.rbac').detail).toContain('local RBAC')
    expect(finding(r, 'vault.soft-delete').detail).toContain('always on')
    expect(finding(r, 'app.role')).toMatchObject({ outcome: 'pass' })
    expect(finding(r, 'app.role').detail).toContain(
      'Managed HSM Crypto Service Encryption User at /keys/aep-cmk-key'
    )
    // The key through ARM's managedHSMs keys; the role assignments on the HSM's data plane, each
    // scope once, after one unauthenticated challenge request.
    expect(
      sim.requests.some(q => /\/managedHSMs\/mhsm-aep-cmk-prod\/keys\/aep-cmk-key$/i.test(q.path))
    ).toBe(true)
    const local = sim.requests.filter(q => q.service === 'managedhsm')
    const listed = local
      .filter(q => q.status === 200 && q.path.endsWith('/roleAssignments'))
      .map(q => q.path)
    expect(listed.sort()).toEqual(
      [
        '/providers/Microsoft.Authorization/roleAssignments',
        '/keys/providers/Microsoft.Authorization/roleAssignments',
        '/keys/aep-cmk-key/providers/Microsoft.Authorization/roleAssignments'
      ].sort()
    )
    expect(local.some(q => q.status === 401 && !q.headers.authorization)).toBe(true)
    expect(local.every(q => q.query['api-version'] === '7.5')).toBe(true)
  })

  it('fails app.role when the CMK app holds no local role, with the exact az command', async () => {
    sim.state.managedHsm!.localRoleAssignments = sim.state.managedHsm!.localRoleAssignments.filter(
      a => a.roleDefinitionGuid !== HSM_ROLE.cryptoServiceEncryptionUser
    )
    const r = await run('validate')
    expect(r.exitCode).toBe(1)
    expect(r.outputs['failed-checks']).toBe('app.role')
    const role = finding(r, 'app.role')
    expect(role.detail).toContain('holds no local role at /, /keys or /keys/aep-cmk-key')
    expect(role.fix).toContain(
      `\`az keyvault role assignment create --hsm-name mhsm-aep-cmk-prod --role "Managed HSM Crypto Service Encryption User" --assignee-object-id ${sim.state.cmkApp.objectId} --scope /keys/aep-cmk-key\``
    )
    expect(writesOf(sim)).toEqual([])
  })

  it('counts a local role the CMK app holds through a nested group (Graph transitiveMemberOf): setup completes', async () => {
    const hsm = sim.state.managedHsm!
    const own = hsm.localRoleAssignments.find(
      a => a.roleDefinitionGuid === HSM_ROLE.cryptoServiceEncryptionUser
    )!
    own.principalId = 'b7c1e0d2-3f4a-4b5c-8d6e-7f8091a2b3c4'
    sim.state.groups = {
      [own.principalId]: ['e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7'],
      'e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7': [sim.state.cmkApp.objectId]
    }
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('COMPLETED')
    const role = finding(r, 'app.role')
    expect(role.outcome).toBe('pass')
    expect(role.detail).toContain(`(through group ${own.principalId})`)
    const graph = sim.requests.filter(
      q => q.service === 'graph' && /transitiveMemberOf$/.test(q.path)
    )
    expect(graph.map(q => q.status)).toEqual([200])
    expect(graph[0]!.method).toBe('GET')
  })

  it('warns on app.role naming the Graph permission when a group may hold the role and the memberships are refused', async () => {
    const hsm = sim.state.managedHsm!
    const own = hsm.localRoleAssignments.find(
      a => a.roleDefinitionGuid === HSM_ROLE.cryptoServiceEncryptionUser
    )!
    own.principalId = 'b7c1e0d2-3f4a-4b5c-8d6e-7f8091a2b3c4'
    sim.state.groups = { [own.principalId]: [sim.state.cmkApp.objectId] }
    sim.state.graph403 = true
    const r = await run('validate', { 'cmk-app-object-id': sim.state.cmkApp.objectId })
    const role = finding(r, 'app.role')
    expect(role.outcome).toBe('warn')
    expect(role.detail).toContain(
      `Managed HSM Crypto Service Encryption User at /keys/aep-cmk-key of principal ${own.principalId}`
    )
    expect(role.detail).toContain('may be held through a group it is in')
    expect(role.detail).toContain('Microsoft Graph GET transitiveMemberOf')
    expect(role.fix).toContain('Application.Read.All')
    expect(r.outputs['failed-checks']).toBe('')
  })

  it('a role repair the HSM firewall refuses names the network rule, never Policy Administrator', async () => {
    const hsm = sim.state.managedHsm!
    hsm.localRoleAssignments = [
      ...hsm.localRoleAssignments.filter(
        a => a.roleDefinitionGuid !== HSM_ROLE.cryptoServiceEncryptionUser
      ),
      {
        principalId: sim.state.azure.objectId,
        roleDefinitionGuid: HSM_ROLE.policyAdministrator,
        scope: '/keys/aep-cmk-key'
      }
    ]
    sim.fault({
      service: 'managedhsm',
      method: 'PUT',
      path: /\/roleAssignments\//,
      action: {
        status: 403,
        body: {
          error: {
            code: 'Forbidden',
            message:
              'Client address is not authorized and caller is not a trusted service.\r\nClient address: 203.0.113.7',
            innererror: { code: 'ForbiddenByFirewall' }
          }
        }
      }
    })
    const r = await run('setup', { remediate: 'role' })
    expect(r.exitCode).toBe(1)
    const role = finding(r, 'app.role')
    expect(role.outcome).toBe('fail')
    expect(role.detail).toContain('remediate: role failed')
    expect(role.detail).toContain("the HSM's firewall refused the runner")
    expect(`${role.detail} ${role.fix}`).not.toContain('Policy Administrator')
    expect(role.fix).toContain('az keyvault role assignment create --hsm-name mhsm-aep-cmk-prod')
  })

  it('a local role on another key does not count, though the listing at / returns it', async () => {
    const own = sim.state.managedHsm!.localRoleAssignments.find(
      a => a.roleDefinitionGuid === HSM_ROLE.cryptoServiceEncryptionUser
    )!
    own.scope = '/keys/aep-cmk-key-old'
    const r = await run('validate')
    expect(r.exitCode).toBe(1)
    const role = finding(r, 'app.role')
    expect(role.outcome).toBe('fail')
    expect(role.detail).toContain('holds no local role at /, /keys or /keys/aep-cmk-key')
  })

  it('fails vault.purge-protection when it is off, and setup submits nothing', async () => {
    sim.state.managedHsm!.properties.enablePurgeProtection = false
    const r = await run('setup')
    expect(r.exitCode).toBe(1)
    expect(r.outputs['failed-checks']).toContain('vault.purge-protection')
    expect(finding(r, 'vault.purge-protection').fix).toContain(
      'az keyvault update-hsm --subscription'
    )
    expect(sim.requests.some(q => q.method === 'POST' && q.path === CONFIG_PATH)).toBe(false)
  })

  it('check passes for a COMPLETED configuration on the HSM host and fails for one on another vault', async () => {
    const setup = await run('setup')
    expect(setup.exitCode).toBe(0)
    sim.clearRequests()
    const check = await run('check')
    expect(check.exitCode).toBe(0)
    expect(finding(check, 'config.key').detail).toContain(`vault ${hsmHost()}`)
    expect(writesOf(sim)).toEqual([])
    const config = Object.values(sim.state.configs)[0]!
    config.configData.keyVaultKeyIdentifier = `https://kv-other.vault.localhost/keys/aep-cmk-key/abc`
    config.configData.keyVaultUri = 'https://kv-other.vault.localhost/'
    const moved = await run('check')
    expect(moved.exitCode).toBe(1)
    expect(moved.outputs['failed-checks']).toContain('config.key')
  })

  it('warns on app.role naming the local role and the network rule when local RBAC cannot be read', async () => {
    sim.state.managedHsm!.localRoleAssignments = sim.state.managedHsm!.localRoleAssignments.filter(
      a => a.roleDefinitionGuid !== HSM_ROLE.cryptoAuditor
    )
    const r = await run('validate')
    const role = finding(r, 'app.role')
    expect(role.outcome).toBe('warn')
    expect(role.detail).toContain(
      'local role assignments of Managed HSM mhsm-aep-cmk-prod could not be read'
    )
    expect(role.detail).toContain('403')
    expect(role.fix).toContain('Managed HSM Crypto Auditor')

    sim.state = managedHsmScenario()
    sim.state.managedHsm!.properties.networkAcls = {
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: [{ value: '20.88.123.53' }],
      virtualNetworkRules: []
    }
    const firewalled = await run('validate')
    const blocked = finding(firewalled, 'app.role')
    expect(blocked.outcome).toBe('warn')
    expect(blocked.fix).toContain("The HSM's firewall refused the runner")
    expect(blocked.fix).toContain('Managed HSM Crypto Auditor')
    // The key itself is read through ARM, which the HSM firewall does not apply to.
    expect(finding(firewalled, 'key.found').outcome).toBe('pass')
  })

  it('require-hsm passes any key in a Managed HSM', async () => {
    sim.state.key!.kty = 'RSA'
    const r = await run('validate', { 'require-hsm': 'true' })
    expect(finding(r, 'key.type')).toMatchObject({ outcome: 'pass' })
    expect(finding(r, 'key.type').detail).toContain('in a Managed HSM (HSM-backed)')
  })

  it('with key-vault-type managed-hsm and a resource group reads the HSM with one GET', async () => {
    const r = await run('validate', { 'key-vault-type': 'managed-hsm' })
    expect(r.exitCode).toBe(0)
    const lookups = sim.requests.filter(
      q => q.service === 'arm' && /Microsoft\.KeyVault\/(vaults|managedHSMs)\/[^/]+$/i.test(q.path)
    )
    expect(lookups.map(q => `${q.status} ${q.path.split('/providers/')[1]}`)).toEqual([
      '200 Microsoft.KeyVault/managedHSMs/mhsm-aep-cmk-prod'
    ])
  })
})
