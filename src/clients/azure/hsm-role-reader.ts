import type { RoleAssignmentFact } from '../../model/facts.js'
import type {
  HsmRoleAssignment,
  HsmScope,
  ManagedHsmRbacClient
} from './managed-hsm-rbac-client.js'

/** The local RBAC scopes that apply to one key: the whole HSM, every key, the key itself. */
export function scopesOfKey(keyName: string): HsmScope[] {
  return ['/', '/keys', `/keys/${keyName}`]
}

/**
 * Whose local role assignments count: the CMK app's principal and the groups it is in. `groupIds`
 * undefined: its memberships could not be read, so every principal's assignment at the key's
 * scopes is kept (any of them may be a group the app is in; the check says it cannot tell).
 */
export interface HsmPrincipals {
  objectId: string
  groupIds: Promise<readonly string[] | undefined>
}

/**
 * The local role assignments at the key's scopes that may reach the CMK app (see HsmPrincipals),
 * each with its role definition's permissions (undefined when a definition cannot be read). The
 * three scopes are listed in parallel with the group look-up, and only assignments at exactly those
 * scopes are kept: a listing may include scopes below (Get-AzKeyVaultRoleAssignment: without a
 * scope it "returns all the role assignments made under the managed HSM"), such as another key's.
 */
export async function readHsmRoleAssignments(
  client: ManagedHsmRbacClient,
  keyName: string,
  principals: HsmPrincipals,
  abortSignal: AbortSignal
): Promise<RoleAssignmentFact[]> {
  const scopes = scopesOfKey(keyName)
  const wanted = new Set(scopes.map(normalScope))
  const [pages, groupIds] = await Promise.all([
    Promise.all(scopes.map(scope => client.listRoleAssignments(scope, abortSignal))),
    principals.groupIds
  ])
  const self = principals.objectId.toLowerCase()
  const groups = groupIds && new Set(groupIds.map(id => id.toLowerCase()))
  const byId = new Map<string, HsmRoleAssignment>()
  const typeOf = new Map<HsmRoleAssignment, string | undefined>()
  for (const a of pages.flat()) {
    const p = a.properties
    const principal = p.principalId?.toLowerCase()
    if (!principal || !wanted.has(normalScope(p.scope ?? ''))) continue
    const type =
      principal === self ? 'ServicePrincipal' : groups?.has(principal) ? 'Group' : undefined
    if (type === undefined && groups !== undefined) continue
    byId.set(a.id || a.name, a)
    typeOf.set(a, type)
  }
  const assignments = [...byId.values()]
  const guids = [...new Set(assignments.map(a => guidOf(a.properties.roleDefinitionId)))]
  const definitions = new Map(
    await Promise.all(
      guids.map(async guid => {
        try {
          return [guid, await client.getRoleDefinition(guid, abortSignal)] as const
        } catch {
          return [guid, undefined] as const
        }
      })
    )
  )
  return assignments.map(a => {
    const definition = definitions.get(guidOf(a.properties.roleDefinitionId))
    return {
      id: a.id,
      scope: a.properties.scope,
      principalId: a.properties.principalId,
      principalType: typeOf.get(a),
      roleDefinitionId: a.properties.roleDefinitionId,
      roleName: definition?.properties.roleName,
      permissions: definition?.properties.permissions?.map(p => ({
        actions: p.actions ?? [],
        notActions: p.notActions ?? [],
        dataActions: p.dataActions ?? [],
        notDataActions: p.notDataActions ?? []
      }))
    }
  })
}

/** Local role definition ids end in the GUID: `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/<guid>`. */
function guidOf(roleDefinitionId: string): string {
  return roleDefinitionId.split('/').pop() ?? roleDefinitionId
}

/** Scopes compare case-insensitively (key names are), without a trailing slash; `/` stays. */
function normalScope(scope: string): string {
  return scope.toLowerCase().replace(/\/+$/, '') || '/'
}
