/**
 * What protects a vault beyond its own settings: its diagnostic settings (extension resources
 * `Microsoft.Insights/diagnosticSettings` on the vault) and management locks
 * (`Microsoft.Authorization/locks` on any scope). Scenarios default to a vault that sends its audit
 * logs to a Log Analytics workspace and a CanNotDelete lock on the resource group.
 */

/** One diagnostic setting of a vault or HSM; `properties` are sent as ARM shows them. */
export interface DiagnosticSettingState {
  name: string
  /** workspaceId, storageAccountId, eventHubAuthorizationRuleId, eventHubName, logs, metrics, ... */
  properties: Record<string, unknown>
}

/** A management lock on `scope`: a subscription, a resource group or a resource id. */
export interface LockState {
  scope: string
  name: string
  level: 'CanNotDelete' | 'ReadOnly' | 'NotSpecified'
  notes?: string | undefined
}

/** A central security team's workspace, in another subscription, as is common. */
export const SECURITY_WORKSPACE_ID =
  '/subscriptions/0b5e7c1d-2f3a-4b6c-8d9e-0f1a2b3c4d5e/resourceGroups/rg-security/providers/Microsoft.OperationalInsights/workspaces/law-security'

export const AUDIT_STORAGE_ACCOUNT_ID =
  '/subscriptions/0b5e7c1d-2f3a-4b6c-8d9e-0f1a2b3c4d5e/resourceGroups/rg-security/providers/Microsoft.Storage/storageAccounts/stauditarchive'

const NO_RETENTION = { enabled: false, days: 0 }

/** The audit category group to a Log Analytics workspace, as the portal writes it. */
export function auditLogsToWorkspace(workspaceId = SECURITY_WORKSPACE_ID): DiagnosticSettingState {
  return {
    name: 'audit-to-security-workspace',
    properties: {
      workspaceId,
      logs: [
        { category: null, categoryGroup: 'audit', enabled: true, retentionPolicy: NO_RETENTION },
        { category: null, categoryGroup: 'allLogs', enabled: false, retentionPolicy: NO_RETENTION }
      ],
      metrics: [{ category: 'AllMetrics', enabled: false, retentionPolicy: NO_RETENTION }],
      logAnalyticsDestinationType: null
    }
  }
}

/** The AuditEvent category by name to a storage account (the older form, e.g. from `az`). */
export function auditEventToStorage(
  storageAccountId = AUDIT_STORAGE_ACCOUNT_ID
): DiagnosticSettingState {
  return {
    name: 'akvdiagnostics',
    properties: {
      storageAccountId,
      workspaceId: '',
      logs: [
        {
          category: 'AuditEvent',
          categoryGroup: null,
          enabled: true,
          retentionPolicy: NO_RETENTION
        }
      ],
      metrics: []
    }
  }
}

/** Metrics only: a setting that keeps no audit events. */
export function metricsOnly(workspaceId = SECURITY_WORKSPACE_ID): DiagnosticSettingState {
  return {
    name: 'metrics-to-workspace',
    properties: {
      workspaceId,
      logs: [
        {
          category: 'AuditEvent',
          categoryGroup: null,
          enabled: false,
          retentionPolicy: NO_RETENTION
        }
      ],
      metrics: [{ category: 'AllMetrics', enabled: true, retentionPolicy: NO_RETENTION }]
    }
  }
}

export function resourceGroupLock(
  subscriptionId: string,
  resourceGroup: string,
  level: LockState['level'] = 'CanNotDelete'
): LockState {
  return {
    scope: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
    name: 'rg-no-delete',
    level,
    notes: 'Platform team: production resource group'
  }
}
