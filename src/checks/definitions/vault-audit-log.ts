import type { CheckDefinition } from '../check-definition.js'
import {
  AZURERM_HSM,
  AZURERM_VAULT,
  bicepResource,
  parentNote,
  terraformResource
} from './code-forms.js'
import { AUDIT_LOG_POLICY, auditLogFinding, DIAGNOSTIC_SETTINGS_READ } from '../audit-log-check.js'

/** A Managed HSM's audit logs are the AuditEvent category (its docs); a vault's, the audit group. */
function terraformAuditLogs(kind: 'vault' | 'managed-hsm'): string {
  const [target, log] =
    kind === 'vault'
      ? [`${AZURERM_VAULT}.cmk.id`, 'category_group = "audit"']
      : [`${AZURERM_HSM}.cmk.id`, 'category = "AuditEvent"']
  return terraformResource('azurerm_monitor_diagnostic_setting', [
    'name = "aep-cmk-audit"',
    `target_resource_id = ${target}`,
    'log_analytics_workspace_id = "<log analytics workspace id>" # or storage_account_id, eventhub_authorization_rule_id',
    'enabled_log {',
    `  ${log}`,
    '}'
  ])
}

function bicepAuditLogs(kind: 'vault' | 'managed-hsm'): string {
  const [scope, log] =
    kind === 'vault' ? ['vault', "categoryGroup: 'audit'"] : ['hsm', "category: 'AuditEvent'"]
  return bicepResource(
    'auditLogs',
    'Microsoft.Insights/diagnosticSettings@2021-05-01-preview',
    [
      "name: 'aep-cmk-audit'",
      `scope: ${scope}`,
      'properties: {',
      "  workspaceId: '<log analytics workspace id>' // or storageAccountId, eventHubAuthorizationRuleId",
      '  logs: [',
      '    {',
      `      ${log}`,
      '      enabled: true',
      '    }',
      '  ]',
      '}'
    ],
    [parentNote(kind)]
  )
}

export const vaultAuditLog: CheckDefinition<'vault.audit-log'> = {
  id: 'vault.audit-log',
  needs: ['vault.found'],
  evaluation: { over: 'vault', evaluate: (vault, _ctx, facts) => auditLogFinding(vault, facts) },
  rule: {
    short: "The vault's audit logs are kept",
    full: "Without a diagnostic setting that sends the AuditEvent logs somewhere, nobody can tell who disabled the key or removed the CMK app's role the night Adobe lost access.",
    help: `Add a diagnostic setting with the audit category group (or AuditEvent) to a Log Analytics workspace, storage account or event hub: az monitor diagnostic-settings create --resource <vault id> --workspace <workspace id> --logs '[{"categoryGroup":"audit","enabled":true}]'. Azure Policy checks the same: ${AUDIT_LOG_POLICY.vault}; Managed HSM: ${AUDIT_LOG_POLICY['managed-hsm']}.`,
    // A warning: code scanning never shows it above medium.
    securitySeverity: 5.0
  },
  nextStep: "send the vault's audit logs to a Log Analytics workspace",
  docs: {
    checks: `The vault's diagnostic settings (\`Microsoft.Insights/diagnosticSettings\` on its resource id): one with the category \`AuditEvent\`, or the category group \`audit\` or \`allLogs\`, enabled, sending to a Log Analytics workspace, a storage account, an event hub or a partner solution. Reading them needs \`${DIAGNOSTIC_SETTINGS_READ}\` (Reader has it).`,
    why: `Adobe treats a disabled key or a removed role as revocation. The vault's audit logs are what tells who did it and when; Azure Policy asks for them too ("${AUDIT_LOG_POLICY.vault}"; for a Managed HSM, "${AUDIT_LOG_POLICY['managed-hsm']}").`,
    failsWhen: 'never; it only warns.',
    warnsWhen:
      'No diagnostic setting sends the audit logs to a destination, or the settings could not be read (the detail says why and names the permission).'
  },
  fix: {
    az: 'Send the audit logs to a Log Analytics workspace (or `--storage-account`, `--event-hub-rule`): `az monitor diagnostic-settings create --name aep-cmk-audit --resource <vault-resource-id> --workspace <log-analytics-workspace-id> --logs \'[{"categoryGroup":"audit","enabled":true}]\'` (Managed HSM: `--logs \'[{"category":"AuditEvent","enabled":true}]\'`).',
    // azurerm v5.2.0 monitor_diagnostic_setting.html.markdown: name, target_resource_id,
    // log_analytics_workspace_id (or storage_account_id, eventhub_authorization_rule_id), and an
    // enabled_log block with category or category_group.
    terraform: terraformAuditLogs('vault'),
    // Bicep resource reference, Microsoft.Insights/diagnosticSettings@2021-05-01-preview (an
    // extension resource: `scope`), properties.workspaceId (or storageAccountId,
    // eventHubAuthorizationRuleId) and properties.logs[] {categoryGroup | category, enabled}.
    bicep: bicepAuditLogs('vault'),
    managedHsm: {
      terraform: terraformAuditLogs('managed-hsm'),
      bicep: bicepAuditLogs('managed-hsm')
    }
  }
}
