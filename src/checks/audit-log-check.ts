import type { DiagnosticSettingFact, Facts, VaultFacts } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import { unreadProtectionFinding, vaultNamed } from './vault-protection-unread.js'

/** The permission that reads a resource's diagnostic settings; Reader holds it (`*\/read`). */
export const DIAGNOSTIC_SETTINGS_READ = 'Microsoft.Insights/diagnosticSettings/read'

/**
 * Azure Policy's built-ins that ask the same (Azure/azure-policy, policyDefinitions/Key Vault):
 * "Resource logs in Key Vault should be enabled" and, for a Managed HSM, "Resource logs in Azure
 * Key Vault Managed HSM should be enabled".
 */
export const AUDIT_LOG_POLICY = {
  vault: 'Resource logs in Key Vault should be enabled (cf820ca0-f99e-4f3e-84fb-66e913812d21)',
  'managed-hsm':
    'Resource logs in Azure Key Vault Managed HSM should be enabled (a2a5b911-5617-447e-a49e-59dbe0e0434b)'
} as const

/**
 * Key Vault and Managed HSM have one resource-log category, AuditEvent (Azure Monitor, "Supported
 * logs for Microsoft.KeyVault/vaults" and ".../managedhsms"); the category groups `audit` and
 * `allLogs` include it.
 */
const AUDIT_CATEGORY = 'auditevent'
const AUDIT_GROUPS = ['audit', 'alllogs']

/** Where a setting sends its logs, as the detail names it; empty when nowhere. */
function destinations(setting: DiagnosticSettingFact): string[] {
  return [
    setting.workspaceId && 'a Log Analytics workspace',
    setting.storageAccountId && 'a storage account',
    setting.eventHubAuthorizationRuleId && 'an event hub',
    // The contract asks for "a destination"; a partner solution (e.g. a SIEM from Azure
    // Marketplace) is one ARM accepts on its own, so it counts too.
    setting.marketplacePartnerId && 'a partner solution'
  ].filter((d): d is string => typeof d === 'string')
}

/** The enabled log entry of a setting that carries the audit events, e.g. "category group audit". */
function auditEntry(setting: DiagnosticSettingFact): string | undefined {
  for (const log of setting.logs) {
    if (!log.enabled) continue
    if (log.category?.toLowerCase() === AUDIT_CATEGORY) return `category ${log.category}`
    if (log.categoryGroup && AUDIT_GROUPS.includes(log.categoryGroup.toLowerCase()))
      return `category group ${log.categoryGroup}`
  }
  return undefined
}

/**
 * `az monitor diagnostic-settings create` (Azure CLI reference; `--resource` takes the id,
 * `--workspace` the Log Analytics workspace's id, `--logs` a JSON list of log settings). A Key
 * Vault gets the `audit` category group (PSRule for Azure's Azure.KeyVault.Logs accepts AuditEvent,
 * audit or allLogs); a Managed HSM gets the AuditEvent category by name, since no Microsoft page
 * found says which category groups a Managed HSM's logs have.
 */
export function auditLogCommand(vault: VaultFacts): string {
  const logs =
    vault.kind === 'managed-hsm'
      ? '[{"category":"AuditEvent","enabled":true}]'
      : '[{"categoryGroup":"audit","enabled":true}]'
  return `az monitor diagnostic-settings create --name aep-cmk-audit --resource ${vault.id} --workspace <log-analytics-workspace-id> --logs '${logs}'`
}

function fixFor(vault: VaultFacts): string {
  return `Send the ${vault.kind === 'managed-hsm' ? "HSM's" : "vault's"} audit logs to a Log Analytics workspace (or a storage account, \`--storage-account\`, or an event hub, \`--event-hub-rule\`): \`${auditLogCommand(vault)}\`. Azure Policy checks the same: ${AUDIT_LOG_POLICY[vault.kind]}.`
}

/**
 * vault.audit-log: a diagnostic setting sends the vault's audit events (category AuditEvent, or
 * category group audit or allLogs, enabled) to a destination, so that whoever disabled the key or
 * removed the CMK app's role can be found. Settings that cannot be read are a warning that names
 * the permission.
 */
export function auditLogFinding(vault: VaultFacts, facts: Facts): Finding {
  const read = facts.diagnosticSettings
  if (!read || !read.ok)
    return unreadProtectionFinding('vault.audit-log', vault, read, {
      listing: 'diagnostic settings',
      unknown: 'whether its audit logs are kept',
      permission: DIAGNOSTIC_SETTINGS_READ,
      command: `az monitor diagnostic-settings list --resource ${vault.id}`
    })
  const settings = read.value
  const evidence = {
    diagnosticSettings: settings.map(s => ({
      name: s.name,
      audit: auditEntry(s),
      destinations: destinations(s)
    }))
  }
  for (const setting of settings) {
    const entry = auditEntry(setting)
    const to = destinations(setting)
    if (entry && to.length > 0)
      return {
        id: 'vault.audit-log',
        outcome: 'pass',
        detail: `${vaultNamed(vault)} sends its audit logs (${entry}) to ${to.join(' and ')} through diagnostic setting ${setting.name}.`,
        evidence
      }
  }
  const found =
    settings.length === 0
      ? 'has no diagnostic settings'
      : `has ${settings.length} diagnostic ${settings.length === 1 ? 'setting' : 'settings'} (${settings.map(s => s.name).join(', ')}), none of which sends the audit logs (category AuditEvent, or category group audit or allLogs, enabled) to a destination`
  return {
    id: 'vault.audit-log',
    outcome: 'warn',
    detail: `${vaultNamed(vault)} ${found}: nobody could tell who disabled the key or removed the CMK app's role.`,
    fix: fixFor(vault),
    evidence
  }
}
