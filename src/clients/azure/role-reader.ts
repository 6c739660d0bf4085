import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { RoleAssignmentFact } from '../../facts/facts.js'

/**
 * Role assignments of one principal that apply to the vault (at the vault or above it), each
 * with its role definition's permissions. A definition that cannot be read leaves
 * `permissions` undefined.
 */
export async function readRoleAssignments(
  client: AuthorizationManagementClient,
  vaultId: string,
  principalId: string,
  abortSignal: AbortSignal
): Promise<RoleAssignmentFact[]> {
  const assignments = []
  for await (const a of client.roleAssignments.listForScope(vaultId, {
    filter: `principalId eq '${principalId}'`,
    abortSignal
  })) {
    if (
      a.scope &&
      appliesTo(a.scope, vaultId) &&
      a.principalId?.toLowerCase() === principalId.toLowerCase()
    )
      assignments.push(a)
  }
  const definitionIds = [...new Set(assignments.map(a => a.roleDefinitionId ?? ''))].filter(Boolean)
  const definitions = new Map(
    await Promise.all(
      definitionIds.map(async id => {
        try {
          return [id, await client.roleDefinitions.getById(id, { abortSignal })] as const
        } catch {
          return [id, undefined] as const
        }
      })
    )
  )
  return assignments.map(a => {
    const definition = definitions.get(a.roleDefinitionId ?? '')
    return {
      id: a.id ?? '',
      scope: a.scope ?? '',
      principalId: a.principalId ?? '',
      roleDefinitionId: a.roleDefinitionId ?? '',
      roleName: definition?.roleName,
      permissions: definition?.permissions?.map(p => ({
        actions: p.actions ?? [],
        notActions: p.notActions ?? [],
        dataActions: p.dataActions ?? [],
        notDataActions: p.notDataActions ?? []
      }))
    }
  })
}

const MANAGEMENT_GROUP_SCOPE = /^\/providers\/microsoft\.management\/managementgroups\/[^/]+$/

/**
 * An assignment applies when its scope is the vault or one of its ancestors: "/" (the root), a
 * management group, the subscription, the resource group. ARM lists a scope's assignments with
 * `principalId eq` at, above and below the scope, and only the ancestry above a subscription is
 * made of management groups, so any management group it returns is an ancestor of the vault.
 */
export function appliesTo(scope: string, vaultId: string): boolean {
  const s = scope.toLowerCase().replace(/\/+$/, '')
  const v = vaultId.toLowerCase().replace(/\/+$/, '')
  return s === '' || MANAGEMENT_GROUP_SCOPE.test(s) || v === s || v.startsWith(`${s}/`)
}
