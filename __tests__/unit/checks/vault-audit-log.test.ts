import { evaluateChecks, failedCheckIds } from '../../../src/checks/evaluate.js'
import { CHECK_CATALOG } from '../../../src/checks/check-catalog.js'
import {
  auditLogSetting,
  findingOf,
  healthyContext,
  healthyFacts,
  healthyManagedHsm,
  readError,
  VAULT_ID,
  WORKSPACE_ID
} from './fixtures.js'
import type { DiagnosticSettingFact, Facts } from '../../../src/model/facts.js'

function withSettings(settings: DiagnosticSettingFact[]): Facts {
  return { ...healthyFacts(), diagnosticSettings: { ok: true, value: settings } }
}

function auditLog(facts: Facts, strict = false) {
  const findings = evaluateChecks(facts, healthyContext())
  return {
    finding: findingOf(findings, 'vault.audit-log'),
    failed: failedCheckIds(findings, strict)
  }
}

describe('vault.audit-log', () => {
  it('passes when the audit category group goes to a Log Analytics workspace', () => {
    const { finding } = auditLog(healthyFacts())
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toBe(
      'Vault kv-cmk sends its audit logs (category group audit) to a Log Analytics workspace through diagnostic setting audit-to-law.'
    )
  })

  it('passes for the AuditEvent category to a storage account, and for allLogs to an event hub', () => {
    const storage = auditLog(
      withSettings([
        auditLogSetting({
          logs: [{ category: 'AuditEvent', enabled: true }],
          workspaceId: undefined,
          storageAccountId:
            '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st'
        })
      ])
    )
    expect(storage.finding.outcome).toBe('pass')
    expect(storage.finding.detail).toContain('(category AuditEvent) to a storage account')
    const hub = auditLog(
      withSettings([
        auditLogSetting({
          logs: [{ categoryGroup: 'allLogs', enabled: true }],
          workspaceId: undefined,
          eventHubAuthorizationRuleId: '/subscriptions/s/.../authorizationRules/send'
        })
      ])
    )
    expect(hub.finding.outcome).toBe('pass')
    expect(hub.finding.detail).toContain('(category group allLogs) to an event hub')
  })

  it('passes when the audit logs go only to a partner solution', () => {
    const { finding } = auditLog(
      withSettings([
        auditLogSetting({
          workspaceId: undefined,
          marketplacePartnerId:
            '/subscriptions/s/resourceGroups/r/providers/Microsoft.Datadog/monitors/dd'
        })
      ])
    )
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toBe(
      'Vault kv-cmk sends its audit logs (category group audit) to a partner solution through diagnostic setting audit-to-law.'
    )
  })

  it('names every destination of the setting that passes', () => {
    const { finding } = auditLog(
      withSettings([
        auditLogSetting({
          storageAccountId:
            '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st'
        })
      ])
    )
    expect(finding.detail).toContain(
      '(category group audit) to a Log Analytics workspace and a storage account through'
    )
  })

  it('keeps each setting, its audit entry and its destinations as evidence', () => {
    const { finding } = auditLog(
      withSettings([
        auditLogSetting({ name: 'policy-only', logs: [{ category: 'Policy', enabled: true }] }),
        auditLogSetting()
      ])
    )
    expect(finding.outcome).toBe('pass')
    expect(finding.evidence).toEqual({
      diagnosticSettings: [
        { name: 'policy-only', audit: undefined, destinations: ['a Log Analytics workspace'] },
        {
          name: 'audit-to-law',
          audit: 'category group audit',
          destinations: ['a Log Analytics workspace']
        }
      ]
    })
  })

  it('warns, with the az command for this vault, when there are no diagnostic settings', () => {
    const { finding, failed } = auditLog(withSettings([]))
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toBe(
      "Vault kv-cmk has no diagnostic settings: nobody could tell who disabled the key or removed the CMK app's role."
    )
    expect(finding.fix).toContain(
      `\`az monitor diagnostic-settings create --name aep-cmk-audit --resource ${VAULT_ID} --workspace <log-analytics-workspace-id> --logs '[{"categoryGroup":"audit","enabled":true}]'\``
    )
    expect(finding.fix).toMatch(/^Send the vault's audit logs to a Log Analytics workspace/)
    expect(finding.fix).toContain('cf820ca0-f99e-4f3e-84fb-66e913812d21')
    expect(finding.evidence).toEqual({ diagnosticSettings: [] })
    expect(failed).toEqual([])
  })

  it('warns when the audit entry is disabled, or only other categories are sent', () => {
    const disabled = auditLog(
      withSettings([
        auditLogSetting({ logs: [{ categoryGroup: 'audit', enabled: false }] }),
        auditLogSetting({
          name: 'policy-only',
          logs: [{ category: 'AzurePolicyEvaluationDetails', enabled: true }]
        })
      ])
    )
    expect(disabled.finding.outcome).toBe('warn')
    expect(disabled.finding.detail).toContain(
      'has 2 diagnostic settings (audit-to-law, policy-only), none of which sends the audit logs'
    )
  })

  it('warns when an audit setting has no destination', () => {
    const { finding } = auditLog(withSettings([auditLogSetting({ workspaceId: undefined })]))
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toBe(
      "Vault kv-cmk has 1 diagnostic setting (audit-to-law), none of which sends the audit logs (category AuditEvent, or category group audit or allLogs, enabled) to a destination: nobody could tell who disabled the key or removed the CMK app's role."
    )
    expect(finding.evidence).toEqual({
      diagnosticSettings: [
        { name: 'audit-to-law', audit: 'category group audit', destinations: [] }
      ]
    })
  })

  it('warns naming the permission when the settings cannot be read', () => {
    const facts = healthyFacts()
    facts.diagnosticSettings = {
      ok: false,
      error: readError('forbidden', {
        call: 'ARM list diagnostic settings',
        message: 'AuthorizationFailed'
      })
    }
    const { finding } = auditLog(facts)
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain(
      'its diagnostic settings could not be read (ARM list diagnostic settings answered 403: AuthorizationFailed)'
    )
    expect(finding.fix).toBe(
      `Grant the action's Azure identity Microsoft.Insights/diagnosticSettings/read on the vault (the Reader role has it), or check by hand: \`az monitor diagnostic-settings list --resource ${VAULT_ID}\`.`
    )
    expect(finding.evidence).toEqual({
      call: 'ARM list diagnostic settings',
      status: 403,
      kind: 'forbidden',
      message: 'AuthorizationFailed'
    })
  })

  it('says to re-run, not to grant a permission, when the settings read fails otherwise', () => {
    const facts = healthyFacts()
    facts.diagnosticSettings = {
      ok: false,
      error: readError('error', { call: 'ARM list diagnostic settings', message: 'Bad gateway' })
    }
    const { finding } = auditLog(facts)
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('(ARM list diagnostic settings answered 500: Bad gateway)')
    expect(finding.fix).toBe(
      `Re-run the job; to check by hand: \`az monitor diagnostic-settings list --resource ${VAULT_ID}\`.`
    )
  })

  // gather-facts reads the settings whenever the vault is found; a Facts built without them
  // (the type allows it) still gets a warning rather than a crash.
  it('warns that the settings were not read when the facts have none', () => {
    const facts = healthyFacts()
    delete facts.diagnosticSettings
    const { finding } = auditLog(facts)
    expect(finding).toMatchObject({
      outcome: 'warn',
      detail:
        'Vault kv-cmk: its diagnostic settings could not be read (they were not read), so whether its audit logs are kept is not known.',
      fix: `Re-run the job; to check by hand: \`az monitor diagnostic-settings list --resource ${VAULT_ID}\`.`,
      evidence: undefined
    })
  })

  it('fails under strict', () => {
    expect(auditLog(withSettings([]), true).failed).toEqual(['vault.audit-log'])
  })

  it('reads a Managed HSM by its own id, with the AuditEvent category and the HSM policy', () => {
    const facts = withSettings([])
    facts.vault = { ok: true, value: healthyManagedHsm() }
    const { finding } = auditLog(facts)
    expect(finding.detail).toMatch(/^Managed HSM mhsm-cmk has no diagnostic settings/)
    expect(finding.fix).toMatch(/^Send the HSM's audit logs to a Log Analytics workspace/)
    expect(finding.fix).toContain(`--resource ${healthyManagedHsm().id} `)
    expect(finding.fix).toContain(`--logs '[{"category":"AuditEvent","enabled":true}]'`)
    expect(finding.fix).toContain('a2a5b911-5617-447e-a49e-59dbe0e0434b')
  })

  it('comes with its fix as az, Terraform and Bicep, and ranks at most medium', () => {
    const { fix, rule } = CHECK_CATALOG['vault.audit-log']
    expect(fix.az).toContain('az monitor diagnostic-settings create')
    expect(fix.terraform).toContain('azurerm_monitor_diagnostic_setting')
    expect(fix.terraform).toContain('enabled_log {\n    category_group = "audit"\n  }')
    expect(fix.terraform).toContain('log_analytics_workspace_id')
    expect(fix.bicep).toContain('Microsoft.Insights/diagnosticSettings')
    expect(fix.bicep).toContain("categoryGroup: 'audit'")
    expect(fix.bicep).toContain('workspaceId')
    expect(rule.securitySeverity).toBeLessThan(7)
    expect(rule.help).toContain('Resource logs in Key Vault should be enabled')
    expect(WORKSPACE_ID).toContain('workspaces')
  })
})
