import type { RoleDefinitionState } from './role-definitions.js'

const P = 'Microsoft.KeyVault/managedHsm'

function role(guid: string, roleName: string, dataActions: string[]): RoleDefinitionState {
  return {
    guid,
    roleName,
    type: 'BuiltInRole',
    description: '',
    assignableScopes: ['/'],
    permissions: [
      {
        actions: [],
        notActions: [],
        dataActions: dataActions.map(a => `${P}/${a}`),
        notDataActions: []
      }
    ]
  }
}

/**
 * Managed HSM local RBAC built-in roles, with the data actions the service lists for them
 * (`GET /providers/Microsoft.Authorization/roleDefinitions`, as recorded by the Azure SDK's
 * keyvault-admin tests; GUIDs as in learn.microsoft.com managed-hsm/built-in-roles).
 */
export const HSM_ROLE_DEFINITIONS: RoleDefinitionState[] = [
  role('a290e904-7015-4bba-90c8-60543313cdb4', 'Managed HSM Administrator', [
    'roleAssignments/delete/action',
    'roleAssignments/read/action',
    'roleAssignments/write/action',
    'roleDefinitions/read/action',
    'roleDefinitions/write/action',
    'roleDefinitions/delete/action',
    'securitydomain/download/action',
    'securitydomain/download/read',
    'securitydomain/upload/action',
    'securitydomain/upload/read',
    'securitydomain/transferkey/read',
    'backup/start/action',
    'restore/start/action',
    'backup/status/action',
    'restore/status/action'
  ]),
  role('515eb02d-2335-4d2d-92f2-b1cbdf9c3778', 'Managed HSM Crypto Officer', [
    'roleAssignments/delete/action',
    'roleAssignments/read/action',
    'roleAssignments/write/action',
    'roleDefinitions/read/action',
    'roleDefinitions/write/action',
    'roleDefinitions/delete/action',
    'keys/deletedKeys/read/action',
    'keys/deletedKeys/delete',
    'keys/deletedKeys/recover/action',
    'keys/export/action'
  ]),
  role('21dbd100-6940-42c2-9190-5d6cb909625b', 'Managed HSM Crypto User', [
    'roleDefinitions/read/action',
    'roleAssignments/read/action',
    'keys/read/action',
    'keys/write/action',
    'keys/delete',
    'keys/create',
    'keys/import/action',
    'keys/release/action',
    'keys/backup/action',
    'keys/restore/action',
    'keys/encrypt/action',
    'keys/decrypt/action',
    'keys/wrap/action',
    'keys/unwrap/action',
    'keys/sign/action',
    'keys/verify/action',
    'rng/action'
  ]),
  role('4bd23610-cdcf-4971-bdee-bdc562cc28e4', 'Managed HSM Policy Administrator', [
    'roleDefinitions/read/action',
    'roleDefinitions/write/action',
    'roleDefinitions/delete/action',
    'roleAssignments/read/action',
    'roleAssignments/write/action',
    'roleAssignments/delete/action'
  ]),
  role('2c18b078-7c48-4d3a-af88-5a3a1b3f82b3', 'Managed HSM Crypto Auditor', [
    'roleAssignments/read/action',
    'roleDefinitions/read/action',
    'keys/read/action',
    'keys/deletedKeys/read/action'
  ]),
  role('33413926-3206-4cdd-b39a-83574fe37a17', 'Managed HSM Crypto Service Encryption User', [
    'keys/read/action',
    'keys/wrap/action',
    'keys/unwrap/action'
  ]),
  role('21dbd100-6940-42c2-9190-5d6cb909625c', 'Managed HSM Crypto Service Release User', [
    'keys/release/action'
  ]),
  role('7b127d3c-77bd-4e3e-bbe0-dbb8971fa7f8', 'Managed HSM Backup User', [
    'backup/start/action',
    'backup/status/action',
    'keys/backup/action'
  ])
]
