import { hsmAppRoleFinding } from '../../../src/checks/hsm-role-check.js'
import type { RoleAssignmentFact } from '../../../src/model/facts.js'
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

describe('what app.role on a Managed HSM tells the user', () => {
  const assign = (objectId: string) =>
    `\`az keyvault role assignment create --hsm-name mhsm-cmk --role "Managed HSM Crypto Service Encryption User" --assignee-object-id ${objectId} --scope /keys/cmk-key\``
  const reader =
    'give the job\'s Azure identity the local role Managed HSM Crypto Auditor at scope / (it may read role assignments and definitions): `az keyvault role assignment create --hsm-name mhsm-cmk --role "Managed HSM Crypto Auditor" --assignee <azure-client-id> --scope /`'
  const network =
    "let the runner through the HSM's network rules (public network access Enabled and, behind a Deny firewall, the runner's address in networkAcls.ipRules), or run the job from a network that reaches it"

  it('a pass names the role, its scope and the key', () => {
    const held = local(
      '/keys/cmk-key',
      'Managed HSM Crypto Service Encryption User',
      ENCRYPTION_USER
    )
    expect(hsmAppRoleFinding(hsm, { ok: true, value: [held] }, SP, 'cmk-key')).toEqual({
      id: 'app.role',
      outcome: 'pass',
      detail: `The CMK app's service principal ${SP} may read, wrap and unwrap key cmk-key through the local role Managed HSM Crypto Service Encryption User at /keys/cmk-key of Managed HSM mhsm-cmk.`,
      evidence: {
        objectId: SP,
        localRbac: true,
        assignments: [
          {
            roleName: 'Managed HSM Crypto Service Encryption User',
            roleDefinitionId: held.roleDefinitionId,
            scope: '/keys/cmk-key'
          }
        ],
        missing: []
      }
    })
  })

  it('a role without a name is named by its definition GUID', () => {
    const held = { ...local('/', 'g-u-i-d', ENCRYPTION_USER), roleName: undefined }
    expect(hsmAppRoleFinding(hsm, { ok: true, value: [held] }, SP, 'cmk-key').detail).toContain(
      'through the local role g-u-i-d at / of Managed HSM mhsm-cmk'
    )
  })

  it('no role at all: the exact command, with a placeholder when the object id is unknown', () => {
    expect(hsmAppRoleFinding(hsm, { ok: true, value: [] }, SP, 'cmk-key')).toMatchObject({
      outcome: 'fail',
      detail: `The CMK app's service principal ${SP} holds no local role at /, /keys or /keys/cmk-key of Managed HSM mhsm-cmk.`,
      fix: `Assign the local role: ${assign(SP)}.`
    })
    expect(hsmAppRoleFinding(hsm, { ok: true, value: [] }, undefined, 'cmk-key')).toMatchObject({
      detail:
        "The CMK app's service principal holds no local role at /, /keys or /keys/cmk-key of Managed HSM mhsm-cmk.",
      fix: `Assign the local role: ${assign('<objectId>')}.`
    })
  })

  it('a role that grants only part names what it lacks', () => {
    const part = local('/keys', 'Reader', ['Microsoft.KeyVault/managedHsm/keys/read/action'])
    expect(hsmAppRoleFinding(hsm, { ok: true, value: [part] }, SP, 'cmk-key')).toMatchObject({
      outcome: 'fail',
      detail: `The CMK app's service principal ${SP} holds Reader at /keys on Managed HSM mhsm-cmk, which lack Microsoft.KeyVault/managedHsm/keys/wrap/action, Microsoft.KeyVault/managedHsm/keys/unwrap/action.`
    })
  })

  it('an unreadable definition beside a partial role warns, naming both ways to decide it', () => {
    const part = local('/keys', 'Reader', ['Microsoft.KeyVault/managedHsm/keys/read/action'])
    const unknown = local('/', 'Custom', undefined)
    expect(
      hsmAppRoleFinding(hsm, { ok: true, value: [part, unknown] }, SP, 'cmk-key')
    ).toMatchObject({
      outcome: 'warn',
      detail:
        'This cannot be decided: the local role definition of Custom at / could not be read, and the other assignments lack Microsoft.KeyVault/managedHsm/keys/wrap/action, Microsoft.KeyVault/managedHsm/keys/unwrap/action.',
      fix: `Give the job's Azure identity the local role Managed HSM Crypto Auditor at scope / (it may read role definitions), or make sure the CMK app holds Managed HSM Crypto Service Encryption User: ${assign(SP)}.`
    })
  })

  it.each([
    [
      'a firewall refusal',
      readError('forbidden', {
        message: 'Request was not allowed by the firewall: ForbiddenByFirewall'
      }),
      `The HSM's firewall refused the runner: ${network}. Reading also needs a local role: ${reader}.`
    ],
    [
      'public access disabled',
      readError('forbidden', { message: 'Public network access is disabled' }),
      `The HSM's firewall refused the runner: ${network}. Reading also needs a local role: ${reader}.`
    ],
    [
      'a missing local role',
      readError('forbidden', { message: 'Caller is not authorized' }),
      `To decide it, ${reader}. Meanwhile make sure the CMK app holds Managed HSM Crypto Service Encryption User: ${assign(SP)}.`
    ],
    [
      'another failure',
      readError('error'),
      `Re-run the job; if it persists, ${network}, and ${reader}.`
    ]
  ])('unreadable assignments after %s: the fix that fits', (_, error, fix) => {
    const finding = hsmAppRoleFinding(hsm, { ok: false, error }, SP, 'cmk-key')
    expect(finding).toEqual({
      id: 'app.role',
      outcome: 'warn',
      detail: `This cannot be decided: the local role assignments of Managed HSM mhsm-cmk could not be read (TEST GET thing answered ${error.status}: ${error.message.replace(/\.+$/, '')}).`,
      fix,
      evidence: {
        call: 'TEST GET thing',
        status: error.status,
        kind: error.kind,
        message: error.message,
        localRbac: true,
        readerRole: 'Managed HSM Crypto Auditor'
      }
    })
  })
})
