/*
 * app.role on a Managed HSM when the role is held through a group: local RBAC has no assignedTo(),
 * so the CMK app's groups come from Microsoft Graph (transitiveMemberOf).
 */
import { hsmAppRoleFinding } from '../../../src/checks/hsm-role-check.js'
import type { RoleAssignmentFact } from '../../../src/model/facts.js'
import { healthyManagedHsm, readError } from './fixtures.js'

const SP = 'c4f2a9e1-7b3d-4e6a-8f5c-2d9b1a0e7f64'
const GROUP = '5b0c6f2e-1d3a-4c8b-9e7f-a1b2c3d4e5f6'
const OTHER = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'
const hsm = healthyManagedHsm()
const ENCRYPTION_USER = [
  'Microsoft.KeyVault/managedHsm/keys/read/action',
  'Microsoft.KeyVault/managedHsm/keys/wrap/action',
  'Microsoft.KeyVault/managedHsm/keys/unwrap/action'
]

function encryptionUser(
  principalId: string,
  principalType: string | undefined,
  scope = '/keys/cmk-key'
): RoleAssignmentFact {
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${principalId}`,
    scope,
    principalId,
    principalType,
    roleDefinitionId:
      'Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/33413926-3206-4cdd-b39a-83574fe37a17',
    roleName: 'Managed HSM Crypto Service Encryption User',
    permissions: [{ actions: [], notActions: [], dataActions: ENCRYPTION_USER, notDataActions: [] }]
  }
}

describe('app.role on a Managed HSM, through a group', () => {
  it('passes when a group the CMK app is in holds the role, naming the group', () => {
    const finding = hsmAppRoleFinding(
      hsm,
      { ok: true, value: [encryptionUser(GROUP, 'Group')] },
      SP,
      'cmk-key',
      { ok: true, value: [GROUP] }
    )
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain(
      `Managed HSM Crypto Service Encryption User at /keys/cmk-key (through group ${GROUP})`
    )
    expect(finding.evidence).toMatchObject({ groups: [GROUP] })
  })

  it('warns, naming the Graph permission, when only another principal holds the role and the memberships are unreadable', () => {
    const refused = readError('forbidden', {
      call: 'Microsoft Graph GET transitiveMemberOf',
      message: 'Authorization_RequestDenied: Insufficient privileges to complete the operation.'
    })
    const finding = hsmAppRoleFinding(
      hsm,
      { ok: true, value: [encryptionUser(OTHER, undefined)] },
      SP,
      'cmk-key',
      { ok: false, error: refused }
    )
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain(
      `on Managed HSM mhsm-cmk, Managed HSM Crypto Service Encryption User at /keys/cmk-key of principal ${OTHER} may be held through a group it is in`
    )
    expect(finding.detail).toContain('Insufficient privileges')
    expect(finding.fix).toContain(
      'the Microsoft Graph application permission Application.Read.All (or Directory.Read.All) with admin consent'
    )
    expect(finding.fix).toContain('--assignee-object-id')
    expect(finding.evidence).toMatchObject({ possibleGroups: [OTHER], assignments: [] })
  })

  it('fails when memberships are unreadable and no principal at all holds a suitable role', () => {
    const finding = hsmAppRoleFinding(hsm, { ok: true, value: [] }, SP, 'cmk-key', {
      ok: false,
      error: readError('forbidden')
    })
    expect(finding.outcome).toBe('fail')
  })

  it('passes on its own role whatever the memberships, and never counts a stranger when they were read', () => {
    const own = hsmAppRoleFinding(
      hsm,
      { ok: true, value: [encryptionUser(SP, 'ServicePrincipal')] },
      SP,
      'cmk-key',
      { ok: false, error: readError('forbidden') }
    )
    expect(own.outcome).toBe('pass')
    const read = hsmAppRoleFinding(hsm, { ok: true, value: [] }, SP, 'cmk-key', {
      ok: true,
      value: [GROUP]
    })
    expect(read).toMatchObject({ outcome: 'fail' })
    expect(read.detail).toContain('itself or through its groups')
  })
})
