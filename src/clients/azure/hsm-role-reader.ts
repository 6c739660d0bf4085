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
 * The CMK app's local role assignments that apply to the key, each with its role definition's
 * permissions (undefined when a definition cannot be read). The three scopes are listed in
 * parallel and only assignments at exactly those scopes are kept, whatever a listing returns
 * besides (rbac.json leaves open whether an unfiltered listing includes scopes below).
 */
export async function readHsmRoleAssignments(
  client: ManagedHsmRbacClient,
  keyName: string,
  principalId: string,
  abortSignal: AbortSignal
): Promise<RoleAssignmentFact[]> {
  const scopes = scopesOfKey(keyName)
  const wanted = new Set(scopes.map(normalScope))
  const pages = await Promise.all(
    scopes.map(scope => client.listRoleAssignments(scope, abortSignal))
  )
  const byId = new Map<string, HsmRoleAssignment>()
  for (const a of pages.flat()) {
    const p = a.properties
    if (p.principalId?.toLowerCase() !== principalId.toLowerCase()) continue
    if (!wanted.has(normalScope(p.scope ?? ''))) continue
    byId.set(a.id || a.name, a)
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
