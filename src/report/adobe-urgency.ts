/*
 * What Adobe does when a check that cuts it off from the key fails while CMK is in force, and how
 * soon, in the words of Adobe's documentation (AdobeDocs/experience-platform.en, help/landing/
 * governance-privacy-security/customer-managed-keys/):
 * - alert-resolution-reference.md: "Key access disabled": "Adobe CMK treats the access failure as
 *   a purposeful removal and will purge all data associated with your organization, based on your
 *   SLA"; "Key access failure" (a blocked address): "This is treated as a recoverable error. Data
 *   is not purged under SLA in this case."
 * - azure/alerts-and-ip-access.md: "A background process runs every 10 minutes to check key
 *   accessibility".
 * - overview.md, propagation timelines: once key access is revoked, primary data stores take "a
 *   few minutes to 24 hours", cached or transient stores "up to 7 days".
 * The docs give no purge deadline beyond "based on your SLA", so none is invented here.
 */
import { CHECK_CATALOG } from '../checks/check-catalog.js'
import type { AdobeAlert } from '../checks/check-definition.js'
import { CHECK_IDS, type CheckId, type Finding } from '../model/finding.js'

/** Statuses under which Adobe encrypts with the key: what it does on a cut-off applies now. */
const IN_FORCE = ['COMPLETED', 'UPDATE_EXISTING_RESOURCES']

/** The failed checks that cut Adobe off from the key, by what Adobe makes of them. */
export type AdobeCutOff = Readonly<Record<AdobeAlert, readonly CheckId[]>>

/**
 * The checks that cut Adobe off from this key, when Adobe may be using it: its configuration is
 * in force (or could not be read) and does not name another vault or key. A failure that is only
 * the action's own read being refused or failing says nothing of Adobe's access and is left out.
 */
export function adobeCutOff(
  findings: readonly Finding[],
  status: string
): (AdobeCutOff & { certain: boolean }) | undefined {
  if (!IN_FORCE.includes(status) && status !== 'UNKNOWN') return undefined
  if (findings.some(f => f.id === 'config.key' && f.outcome === 'fail')) return undefined
  const cut: Record<AdobeAlert, CheckId[]> = { 'key-access-disabled': [], 'key-access-failure': [] }
  for (const f of findings) {
    if (f.outcome !== 'fail' || !(CHECK_IDS as readonly string[]).includes(f.id)) continue
    const alert = CHECK_CATALOG[f.id].adobeAlert
    const readOnly = f.evidence?.kind === 'forbidden' || f.evidence?.kind === 'error'
    if (alert && !readOnly) cut[alert].push(f.id)
  }
  if (cut['key-access-disabled'].length === 0 && cut['key-access-failure'].length === 0)
    return undefined
  return { ...cut, certain: IN_FORCE.includes(status) }
}

/** The urgency for the first screen, Markdown (check ids are code; nothing from a service). */
export function adobeUrgencyMarkdown(cut: AdobeCutOff & { certain: boolean }): string {
  const lines: string[] = []
  const disabled = cut['key-access-disabled']
  const blocked = cut['key-access-failure']
  const unsure = cut.certain
    ? ''
    : ' (if CMK is in force for it: its configuration status could not be read)'
  if (disabled.length > 0) {
    lines.push(
      `🚨 **Adobe cannot use this key now: ${ids(disabled)} failed${unsure}.** ` +
        'Adobe\'s CMK alert reference calls this "Key access disabled": Adobe "treats the access failure as a purposeful removal and will purge all data associated with your organization, based on your SLA". ' +
        'Adobe checks key access every 10 minutes; once access is revoked, data in its primary stores becomes inaccessible within a few minutes to 24 hours, in cached stores within 7 days. Fix it now: the fix is below.'
    )
  }
  if (blocked.length > 0) {
    lines.push(
      `⚠️ **Adobe cannot reach this key: ${ids(blocked)} failed${disabled.length > 0 ? '' : unsure}.** ` +
        'Adobe\'s CMK alert reference calls a blocked address a "Key access failure": "This is treated as a recoverable error. Data is not purged under SLA in this case." ' +
        'Allow the address again (the fix is below); Adobe checks key access every 10 minutes.'
    )
  }
  return lines.join('\n\n')
}

function ids(list: readonly CheckId[]): string {
  const code = list.map(id => `\`${id}\``)
  return code.length <= 1 ? (code[0] ?? '') : `${code.slice(0, -1).join(', ')} and ${code.at(-1)}`
}
