import { BUILTIN_ROLE } from './scenario.js'

export interface RoleDefinitionState {
  guid: string
  roleName: string
  type: 'BuiltInRole' | 'CustomRole'
  description: string
  assignableScopes: string[]
  permissions: Array<{
    actions: string[]
    notActions: string[]
    dataActions: string[]
    notDataActions: string[]
  }>
}

const KEY_VAULT_CONTROL_PLANE_READ = [
  'Microsoft.Authorization/*/read',
  'Microsoft.Insights/alertRules/*',
  'Microsoft.Resources/deployments/*',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.Support/*',
  'Microsoft.KeyVault/checkNameAvailability/read',
  'Microsoft.KeyVault/deletedVaults/read',
  'Microsoft.KeyVault/locations/*/read',
  'Microsoft.KeyVault/vaults/*/read',
  'Microsoft.KeyVault/operations/read'
]

const RBAC_ONLY =
  "Only works for key vaults that use the 'Azure role-based access control' permission model."

function builtIn(
  guid: string,
  roleName: string,
  description: string,
  permission: Partial<RoleDefinitionState['permissions'][number]>
): RoleDefinitionState {
  return {
    guid,
    roleName,
    type: 'BuiltInRole',
    description,
    assignableScopes: ['/'],
    permissions: [
      {
        actions: permission.actions ?? [],
        notActions: permission.notActions ?? [],
        dataActions: permission.dataActions ?? [],
        notDataActions: permission.notDataActions ?? []
      }
    ]
  }
}

/** Azure built-in roles as Azure defines them (permissions copied from the published definitions). */
export const BUILTIN_ROLE_DEFINITIONS: RoleDefinitionState[] = [
  builtIn(
    BUILTIN_ROLE.keyVaultCryptoServiceEncryptionUser,
    'Key Vault Crypto Service Encryption User',
    `Read metadata of keys and perform wrap/unwrap operations. ${RBAC_ONLY}`,
    {
      actions: [
        'Microsoft.EventGrid/eventSubscriptions/write',
        'Microsoft.EventGrid/eventSubscriptions/read',
        'Microsoft.EventGrid/eventSubscriptions/delete'
      ],
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/read',
        'Microsoft.KeyVault/vaults/keys/wrap/action',
        'Microsoft.KeyVault/vaults/keys/unwrap/action'
      ]
    }
  ),
  builtIn(
    BUILTIN_ROLE.keyVaultCryptoUser,
    'Key Vault Crypto User',
    `Perform cryptographic operations using keys. ${RBAC_ONLY}`,
    {
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/read',
        'Microsoft.KeyVault/vaults/keys/update/action',
        'Microsoft.KeyVault/vaults/keys/backup/action',
        'Microsoft.KeyVault/vaults/keys/encrypt/action',
        'Microsoft.KeyVault/vaults/keys/decrypt/action',
        'Microsoft.KeyVault/vaults/keys/wrap/action',
        'Microsoft.KeyVault/vaults/keys/unwrap/action',
        'Microsoft.KeyVault/vaults/keys/sign/action',
        'Microsoft.KeyVault/vaults/keys/verify/action'
      ]
    }
  ),
  builtIn(
    BUILTIN_ROLE.keyVaultCryptoOfficer,
    'Key Vault Crypto Officer',
    `Perform any action on the keys of a key vault, except manage permissions. ${RBAC_ONLY}`,
    {
      actions: KEY_VAULT_CONTROL_PLANE_READ,
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/*',
        'Microsoft.KeyVault/vaults/keyrotationpolicies/*'
      ]
    }
  ),
  builtIn(
    BUILTIN_ROLE.keyVaultAdministrator,
    'Key Vault Administrator',
    `Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets. Cannot manage key vault resources or manage role assignments. ${RBAC_ONLY}`,
    { actions: KEY_VAULT_CONTROL_PLANE_READ, dataActions: ['Microsoft.KeyVault/vaults/*'] }
  ),
  builtIn(
    BUILTIN_ROLE.keyVaultReader,
    'Key Vault Reader',
    `Read metadata of key vaults and its certificates, keys, and secrets. Cannot read sensitive values such as secret contents or key material. ${RBAC_ONLY}`,
    {
      actions: KEY_VAULT_CONTROL_PLANE_READ,
      dataActions: [
        'Microsoft.KeyVault/vaults/*/read',
        'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
      ]
    }
  ),
  builtIn(
    BUILTIN_ROLE.reader,
    'Reader',
    'View all resources, but does not allow you to make any changes.',
    {
      actions: ['*/read']
    }
  ),
  builtIn(
    BUILTIN_ROLE.contributor,
    'Contributor',
    'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
    {
      actions: ['*'],
      notActions: [
        'Microsoft.Authorization/*/Delete',
        'Microsoft.Authorization/*/Write',
        'Microsoft.Authorization/elevateAccess/Action',
        'Microsoft.Blueprint/blueprintAssignments/write',
        'Microsoft.Blueprint/blueprintAssignments/delete',
        'Microsoft.Compute/galleries/share/action',
        'Microsoft.Purview/consents/write',
        'Microsoft.Purview/consents/delete'
      ]
    }
  ),
  builtIn(
    BUILTIN_ROLE.owner,
    'Owner',
    'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    { actions: ['*'] }
  )
]
