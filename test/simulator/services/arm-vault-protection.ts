import type { DiagnosticSettingState, LockState } from '../vault-protection.js'

/**
 * A resource's diagnostic settings as DiagnosticSettings_List answers them (monitor
 * 2021-05-01-preview, listDiagnosticSettings.json): every setting in one `value`, no `nextLink`
 * (a resource holds at most five), ids under the resource's.
 */
export function diagnosticSettingsJson(
  resourceId: string,
  settings: DiagnosticSettingState[]
): Record<string, unknown>[] {
  return settings.map(s => ({
    id: `${resourceId}/providers/microsoft.insights/diagnosticSettings/${s.name}`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name: s.name,
    properties: s.properties
  }))
}

function normalized(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '')
}

/**
 * The locks ManagementLocks_ListAtResourceLevel lists for `resourceId`: those on the resource and
 * below it ("the management locks for a resource or any level below resource", locks.json
 * 2020-05-01), on its resource group (the Azure SDKs' "its resource group and any resources below
 * the resource"), and on its subscription, which ARM applies to it just the same (the docs do not
 * say whether this listing shows it; the simulator does). Never a lock on a sibling resource.
 */
export function locksAtResourceLevel(locks: LockState[], resourceId: string): LockState[] {
  const id = normalized(resourceId)
  const ancestors = [
    /^\/subscriptions\/[^/]+/.exec(id)?.[0],
    /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+/.exec(id)?.[0]
  ]
  return locks.filter(lock => {
    const scope = normalized(lock.scope)
    return scope === id || scope.startsWith(`${id}/`) || ancestors.includes(scope)
  })
}

/** A lock as ARM shows it (locks.json ManagementLockObject). */
export function lockJson(lock: LockState): Record<string, unknown> {
  return {
    properties: { level: lock.level, ...(lock.notes === undefined ? {} : { notes: lock.notes }) },
    id: `${lock.scope}/providers/Microsoft.Authorization/locks/${lock.name}`,
    type: 'Microsoft.Authorization/locks',
    name: lock.name
  }
}

/** A ReadOnly lock on `scope` or any scope above it, which refuses every write there. */
export function readOnlyLockOver(locks: LockState[], scope: string): LockState | undefined {
  const target = normalized(scope)
  return locks.find(lock => {
    const at = normalized(lock.scope)
    return lock.level === 'ReadOnly' && (target === at || target.startsWith(`${at}/`))
  })
}
