/*
 * End-to-end: app.role counts the CMK app's role wherever Azure RBAC lets it apply to the key:
 * at the key itself, through a group (assignedTo), across pages of assignments (nextLink); an
 * assignment with a condition cannot be evaluated and is a warning.
 */
import {
  BUILTIN_ROLE,
  vaultResourceId,
  type RoleAssignmentState,
  type Simulator
} from '../../test/simulator/index.js'
import { defaultInputs, runAction, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

const GROUP_ID = '5b0c2f1e-8d7a-4c3b-9e6f-0a1b2c3d4e5f'

function run(mode = 'validate'): Promise<ActionRun> {
  return runAction(sim, { ...defaultInputs(sim), mode }, { withReport: true })
}

function appRole(r: ActionRun): { outcome: string; detail: string } {
  const findings = (r.report?.findings ?? []) as Array<{
    id: string
    outcome: string
    detail: string
  }>
  return findings.find(f => f.id === 'app.role')!
}

function encryptionUser(
  scope: string,
  extra: Partial<RoleAssignmentState> = {}
): RoleAssignmentState {
  return {
    principalId: sim.state.cmkApp.objectId,
    roleDefinitionGuid: BUILTIN_ROLE.keyVaultCryptoServiceEncryptionUser,
    scope,
    principalType: 'ServicePrincipal',
    ...extra
  }
}

const vaultId = () => vaultResourceId(sim.state, sim.state.vault!)
const roleListings = () =>
  sim.requests.filter(q => q.service === 'arm' && q.path.endsWith('/roleAssignments'))

describe('app.role', () => {
  it('passes with the role assigned at the key, and setup completes', async () => {
    sim.state.roleAssignments = [encryptionUser(`${vaultId()}/keys/aep-cmk-key`)]
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(appRole(r).outcome).toBe('pass')
    expect(appRole(r).detail).toContain('/keys/aep-cmk-key')
    expect(r.outputs.status).toBe('COMPLETED')
  })

  it('passes with the role held through a group, asking ARM with assignedTo()', async () => {
    sim.state.groups = { [GROUP_ID]: [sim.state.cmkApp.objectId] }
    sim.state.roleAssignments = [
      encryptionUser(vaultId(), { principalId: GROUP_ID, principalType: 'Group' })
    ]
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(appRole(r).outcome).toBe('pass')
    expect(appRole(r).detail).toContain(`through group ${GROUP_ID}`)
    expect(roleListings().map(q => q.query.$filter)).toEqual([
      `assignedTo('${sim.state.cmkApp.objectId}')`
    ])
    expect(r.outputs.status).toBe('COMPLETED')
  })

  it('fails when the role is on another key of the vault only', async () => {
    sim.state.roleAssignments = [encryptionUser(`${vaultId()}/keys/another-key`)]
    const r = await run()
    expect(r.exitCode).not.toBe(0)
    expect(r.outputs['failed-checks']).toBe('app.role')
  })

  it('warns when the only assignment carries a condition', async () => {
    const condition =
      "((!(ActionMatches{'Microsoft.KeyVault/vaults/keys/wrap/action'})) OR (@Resource[Microsoft.KeyVault/vaults/keys:KeyName] StringEquals 'aep-cmk-key'))"
    sim.state.roleAssignments = [encryptionUser(vaultId(), { condition })]
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(appRole(r).outcome).toBe('warn')
    expect(appRole(r).detail).toContain('condition')
    expect(r.stdout).toMatch(/^::warning title=app\.role::/m)
  })

  it('follows nextLink through pages of role assignments', async () => {
    sim.state.roleAssignmentPageSize = 1
    sim.state.roleAssignments = [
      encryptionUser(`${vaultId()}/keys/another-key`),
      {
        ...encryptionUser(`/subscriptions/${sim.state.subscriptionId}`),
        roleDefinitionGuid: BUILTIN_ROLE.reader
      },
      encryptionUser(vaultId())
    ]
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(appRole(r).outcome).toBe('pass')
    expect(roleListings()).toHaveLength(3)
    expect(roleListings().filter(q => q.query.$skiptoken !== undefined)).toHaveLength(2)
  })
})
