import type { RoleAssignmentFact, RolePermission } from '../model/facts.js'

/** The data actions Adobe's CMK app needs on the key. */
export const REQUIRED_KEY_DATA_ACTIONS = [
  'Microsoft.KeyVault/vaults/keys/read',
  'Microsoft.KeyVault/vaults/keys/wrap/action',
  'Microsoft.KeyVault/vaults/keys/unwrap/action'
] as const

/** Azure RBAC operation matching: case-insensitive, `*` matches any run of characters (slashes too). */
export function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`, 'i').test(action)
}

/**
 * The actions of `required` that one role grants. A permission block grants an action when one of
 * its dataActions matches and none of its notDataActions does; a role grants the union over its
 * blocks. notDataActions are exclusions, not denies, so they never subtract across roles.
 */
export function grantedDataActions(
  permissions: RolePermission[],
  required: readonly string[]
): string[] {
  return required.filter(action =>
    permissions.some(
      block =>
        block.dataActions.some(pattern => actionMatches(pattern, action)) &&
        !block.notDataActions.some(pattern => actionMatches(pattern, action))
    )
  )
}

export function grantsDataActions(
  permissions: RolePermission[],
  required: readonly string[]
): boolean {
  return grantedDataActions(permissions, required).length === required.length
}

export interface DataActionCoverage {
  /** Required actions no readable assignment grants. */
  missing: string[]
  /** Assignments that grant at least one required action. */
  contributing: RoleAssignmentFact[]
  /** Assignments whose role definition could not be read. */
  unreadable: RoleAssignmentFact[]
}

/** Azure RBAC is additive: the principal holds the union of what each of its assignments grants. */
export function dataActionCoverage(
  assignments: RoleAssignmentFact[],
  required: readonly string[]
): DataActionCoverage {
  const granted = new Set<string>()
  const contributing: RoleAssignmentFact[] = []
  const unreadable: RoleAssignmentFact[] = []
  for (const assignment of assignments) {
    if (!assignment.permissions) {
      unreadable.push(assignment)
      continue
    }
    const actions = grantedDataActions(assignment.permissions, required)
    if (actions.length > 0) contributing.push(assignment)
    for (const action of actions) granted.add(action)
  }
  return { missing: required.filter(action => !granted.has(action)), contributing, unreadable }
}

/** How app.role names the CMK app's principal: by object id when the directory gave one. */
export function cmkAppPrincipal(objectId: string | undefined): string {
  return objectId
    ? `The CMK app's service principal ${objectId}`
    : "The CMK app's service principal"
}
