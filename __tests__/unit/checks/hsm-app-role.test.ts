import { hsmAppRoleFinding } from '../../../src/checks/hsm-role-check.js'
import type { RoleAssignmentFact } from '../../../src/facts/facts.js'
import { healthyManagedHsm, readError } from './fixtures.js'

const SP = 'c4f2a9e1-7b3d-4e6a-8f5c-2d9b1a0e7f64'
const hsm = healthyManagedHsm()

function local(
  scope: string,
  roleName: string,
  dataActions: string[] | undefined
): RoleAssignmentFact {
  return {
    id: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/x-${roleName}`,
    scope,
    principalId: SP,
    roleDefinitionId: `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/${roleName}`,
    roleName,
    permissions: dataActions && [{ actions: [], notActions: [], dataActions, notDataActions: [] }]
  }
}

const ENCRYPTION_USER = [
  'Microsoft.KeyVault/managedHsm/keys/read/action',
  'Microsoft.KeyVault/managedHsm/keys/wrap/action',
  'Microsoft.KeyVault/managedHsm/keys/unwrap/action'
]

describe('app.role on a Managed HSM', () => {
  it('passes with Managed HSM Crypto Service Encryption User at /keys', () => {
    const finding = hsmAppRoleFinding(
      hsm,
      {
        ok: true,
        value: [local('/keys', 'Managed HSM Crypto Service Encryption User', ENCRYPTION_USER)]
      },
      SP,
      'cmk-key'
    )
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('Managed HSM Crypto Service Encryption User at /keys')
  })

  it('fails when the roles held lack wrap and unwrap, naming what is missing', () => {
    const finding = hsmAppRoleFinding(
      hsm,
      {
        ok: true,
        value: [
          local('/keys/cmk-key', 'Managed HSM Crypto Auditor', [
            'Microsoft.KeyVault/managedHsm/keys/read/action'
          ])
        ]
      },
      SP,
      'cmk-key'
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('lack Microsoft.KeyVault/managedHsm/keys/wrap/action')
    expect(finding.fix).toContain(
      `--hsm-name mhsm-cmk --role "Managed HSM Crypto Service Encryption User" --assignee-object-id ${SP} --scope /keys/cmk-key`
    )
  })

  it('warns when a role definition cannot be read and the rest does not decide it', () => {
    const finding = hsmAppRoleFinding(
      hsm,
      { ok: true, value: [local('/', 'custom', undefined)] },
      SP,
      'cmk-key'
    )
    expect(finding.outcome).toBe('warn')
    expect(finding.fix).toContain('Managed HSM Crypto Auditor')
  })

  it('warns naming the network rule and the local role when the firewall refuses the runner', () => {
    const error = readError('forbidden', {
      call: 'Managed HSM list local role assignments',
      message:
        'Forbidden: Client address is not authorized and caller is not a trusted service (ForbiddenByFirewall)'
    })
    const finding = hsmAppRoleFinding(hsm, { ok: false, error }, SP, 'cmk-key')
    expect(finding.outcome).toBe('warn')
    expect(finding.fix).toContain("The HSM's firewall refused the runner")
    expect(finding.fix).toContain(
      '--role "Managed HSM Crypto Auditor" --assignee <azure-client-id> --scope /'
    )
  })

  it('warns naming the local role when the identity holds none that may read assignments', () => {
    const error = readError('forbidden', { call: 'Managed HSM list local role assignments' })
    const finding = hsmAppRoleFinding(hsm, { ok: false, error }, SP, 'cmk-key')
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain(
      'local role assignments of Managed HSM mhsm-cmk could not be read'
    )
    expect(finding.fix).toMatch(
      /^To decide it, give the job's Azure identity the local role Managed HSM Crypto Auditor/
    )
  })
})
