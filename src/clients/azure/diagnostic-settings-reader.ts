import type { MonitorClient } from '@azure/arm-monitor'
import type { DiagnosticSettingFact } from '../../model/facts.js'
import { cappedPages } from '../http/capped-pages.js'

/**
 * Pages of the diagnostic-settings listing read before it fails. A resource holds at most five
 * diagnostic settings (Azure Monitor service limits, "Maximum number of diagnostic settings per
 * resource: 5"), one page; the SDK follows a `nextLink` all the same, so a few pages leave room
 * for a service that pages anyway.
 */
export const DIAGNOSTIC_SETTING_PAGES = 10

/**
 * The vault's diagnostic settings (`GET <vaultId>/providers/Microsoft.Insights/diagnosticSettings`,
 * `@azure/arm-monitor` `diagnosticSettings.list`; Reader's `*\/read` covers
 * Microsoft.Insights/diagnosticSettings/read).
 */
export async function readDiagnosticSettings(
  client: MonitorClient,
  resourceId: string,
  abortSignal: AbortSignal
): Promise<DiagnosticSettingFact[]> {
  // The SDK's path template is `/{+resourceUri}/providers/...`: an id with its leading slash
  // would become `//subscriptions/...`.
  const resourceUri = resourceId.replace(/^\/+/, '')
  const pages = client.diagnosticSettings.list(resourceUri, { abortSignal }).byPage()
  const settings: DiagnosticSettingFact[] = []
  for await (const page of cappedPages(
    pages,
    'ARM list diagnostic settings',
    DIAGNOSTIC_SETTING_PAGES
  )) {
    for (const s of page)
      settings.push({
        name: s.name ?? '',
        logs: (s.logs ?? []).map(log => ({
          category: log.category ?? undefined,
          categoryGroup: log.categoryGroup ?? undefined,
          enabled: log.enabled === true
        })),
        workspaceId: s.workspaceId || undefined,
        storageAccountId: s.storageAccountId || undefined,
        eventHubAuthorizationRuleId: s.eventHubAuthorizationRuleId || undefined,
        marketplacePartnerId: s.marketplacePartnerId || undefined
      })
  }
  return settings
}
