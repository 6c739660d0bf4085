import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { RolePermission } from '../../model/facts.js'

/** What the checks use of a role definition. */
export interface RoleDefinitionFacts {
  roleName: string | undefined
  permissions: RolePermission[] | undefined
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

function builtIn(roleName: string, block: Partial<RolePermission>): RoleDefinitionFacts {
  return {
    roleName,
    permissions: [
      {
        actions: block.actions ?? [],
        notActions: block.notActions ?? [],
        dataActions: block.dataActions ?? [],
        notDataActions: block.notDataActions ?? []
      }
    ]
  }
}

/**
 * Azure built-in roles by the name (GUID) of their definition, which is the same in every tenant
 * and subscription, so the definition is known without a round trip. The permissions are those
 * Microsoft publishes in "Azure built-in roles" (learn.microsoft.com/azure/role-based-access-
 * control/built-in-roles, the Security and General sections, each role's JSON). Microsoft has
 * only ever widened these roles (Crypto Officer gained keyrotationpolicies/* in 2022); a role not
 * listed here, or a custom one, is read from ARM as before.
 */
export const BUILT_IN_ROLE_DEFINITIONS: ReadonlyMap<string, RoleDefinitionFacts> = new Map([
  [
    'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    builtIn('Key Vault Crypto Service Encryption User', {
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
    })
  ],
  [
    '12338af0-0e69-4776-bea7-57ae8d297424',
    builtIn('Key Vault Crypto User', {
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
    })
  ],
  [
    '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
    builtIn('Key Vault Crypto Officer', {
      actions: KEY_VAULT_CONTROL_PLANE_READ,
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/*',
        'Microsoft.KeyVault/vaults/keyrotationpolicies/*'
      ]
    })
  ],
  [
    '00482a5a-887f-4fb3-b363-3b7fe8e74483',
    builtIn('Key Vault Administrator', {
      actions: KEY_VAULT_CONTROL_PLANE_READ,
      dataActions: ['Microsoft.KeyVault/vaults/*']
    })
  ],
  [
    '21090545-7ca7-4776-b22c-e363652d74d2',
    builtIn('Key Vault Reader', {
      actions: KEY_VAULT_CONTROL_PLANE_READ,
      dataActions: [
        'Microsoft.KeyVault/vaults/*/read',
        'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
      ]
    })
  ],
  // Reader, Contributor and Owner grant no data actions: only their control-plane actions differ.
  ['acdd72a7-3385-48ef-bd42-f606fba81ae7', builtIn('Reader', { actions: ['*/read'] })],
  [
    'b24988ac-6180-42a0-ab88-20f7382dd24c',
    builtIn('Contributor', {
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
    })
  ],
  ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', builtIn('Owner', { actions: ['*'] })]
])

const BUILT_IN_DEFINITION_ID =
  /^(?:\/subscriptions\/[^/]+|\/providers\/microsoft\.management\/managementgroups\/[^/]+)?\/providers\/microsoft\.authorization\/roledefinitions\/([0-9a-f-]{36})$/i

/**
 * The built-in definition a role definition id names, if it is one of ours. ARM writes a
 * built-in role's id at the subscription (`/subscriptions/<s>/providers/Microsoft.Authorization/
 * roleDefinitions/<guid>`), at a management group, or at the root; a custom role has a GUID of
 * its own, so the GUID alone tells them apart.
 */
export function builtInRoleDefinition(definitionId: string): RoleDefinitionFacts | undefined {
  const guid = BUILT_IN_DEFINITION_ID.exec(definitionId)?.[1]
  return guid ? BUILT_IN_ROLE_DEFINITIONS.get(guid.toLowerCase()) : undefined
}

/** The definitions read this run, per client (one per run): each custom role is read once. */
const readThisRun = new WeakMap<
  AuthorizationManagementClient,
  Map<string, Promise<RoleDefinitionFacts>>
>()

/**
 * A role definition's name and permissions: a built-in one from the table above without a
 * request, any other from ARM once per run. A failed read is not kept, so a later read in the
 * same run asks again; it rejects, and the caller leaves the permissions unknown.
 */
export function readRoleDefinition(
  client: AuthorizationManagementClient,
  definitionId: string,
  abortSignal: AbortSignal
): Promise<RoleDefinitionFacts> {
  const known = builtInRoleDefinition(definitionId)
  if (known) return Promise.resolve(known)
  let cache = readThisRun.get(client)
  if (!cache) readThisRun.set(client, (cache = new Map<string, Promise<RoleDefinitionFacts>>()))
  const key = definitionId.toLowerCase()
  const cached = cache.get(key)
  if (cached) return cached
  const read = client.roleDefinitions.getById(definitionId, { abortSignal }).then(
    definition => ({
      roleName: definition.roleName,
      permissions: definition.permissions?.map(p => ({
        actions: p.actions ?? [],
        notActions: p.notActions ?? [],
        dataActions: p.dataActions ?? [],
        notDataActions: p.notDataActions ?? []
      }))
    }),
    (error: unknown) => {
      cache.delete(key)
      throw error
    }
  )
  cache.set(key, read)
  return read
}
