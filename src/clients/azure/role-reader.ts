import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { RoleAssignmentFact } from '../../model/facts.js'
import { cappedPages } from '../http/capped-pages.js'
import { readRoleDefinition } from './role-definitions.js'

/**
 * Pages of role assignments read before the listing fails. At most 8,500 assignments can apply
 * to a vault: 5,000 per subscription and 500 per management group, root plus 6 levels of them
 * (Azure subscription and service limits, "Azure RBAC limits" and "Azure management group
 * limits"). ARM documents no page size for this listing (Role Assignments - List For Scope,
 * 2022-04-01: only $skipToken): 1,000 pages hold them all even at 9 a page.
 */
export const ROLE_ASSIGNMENT_PAGES = 1_000

/**
 * Role assignments that give one principal a role on the key: its own and its groups'
 * (`assignedTo`, which ARM resolves transitively through groups), at the key
 * (`<vaultId>/keys/<key>`), the vault or above. Assignments below the vault on anything but this
 * key are dropped. `atScope()` cannot be added: it would hide the key scope. Each assignment comes
 * with its role definition's permissions (a built-in role's without a request: readRoleDefinition);
 * a definition that cannot be read leaves `permissions` undefined. The SDK follows `nextLink`, for at most ROLE_ASSIGNMENT_PAGES pages.
 */
export async function readRoleAssignments(
  client: AuthorizationManagementClient,
  vaultId: string,
  keyName: string,
  principalId: string,
  abortSignal: AbortSignal
): Promise<RoleAssignmentFact[]> {
  const keyScope = `${vaultId}/keys/${keyName}`
  const assignments = []
  const pages = client.roleAssignments
    .listForScope(vaultId, { filter: `assignedTo('${principalId}')`, abortSignal })
    .byPage()
  for await (const page of cappedPages(pages, 'ARM list role assignments', ROLE_ASSIGNMENT_PAGES)) {
    for (const a of page)
      if (a.scope && (appliesTo(a.scope, vaultId) || sameScope(a.scope, keyScope)))
        assignments.push(a)
  }
  const definitionIds = [...new Set(assignments.map(a => a.roleDefinitionId ?? ''))].filter(Boolean)
  const definitions = new Map(
    await Promise.all(
      definitionIds.map(id =>
        readRoleDefinition(client, id, abortSignal).then(
          definition => [id, definition] as const,
          () => [id, undefined] as const
        )
      )
    )
  )
  return assignments.map(a => {
    const definition = definitions.get(a.roleDefinitionId ?? '')
    return {
      id: a.id ?? '',
      scope: a.scope ?? '',
      principalId: a.principalId ?? '',
      principalType: a.principalType,
      condition: a.condition ?? undefined,
      roleDefinitionId: a.roleDefinitionId ?? '',
      roleName: definition?.roleName,
      permissions: definition?.permissions
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

function sameScope(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\/+$/, '') === b.toLowerCase().replace(/\/+$/, '')
}
