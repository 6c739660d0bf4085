import { CHECK_IDS, type CheckId, type Finding, type Outcome } from '../checks/finding.js'
import { escapeMarkdown, escapeTableCell } from './markdown.js'
import type { RunResult } from './run-result.js'
import { skippedLines } from './skipped-lines.js'

const OUTCOME_ICONS: Record<Outcome, string> = { pass: '✅', warn: '⚠️', fail: '❌', skipped: '⏭️' }

const STATUS_MEANINGS: Record<string, string> = {
  COMPLETED: 'customer-managed keys are active',
  FAILED: 'Adobe could not apply the key',
  NEW: 'submitted, waiting for Adobe to start',
  RUNNING: 'Adobe is applying the key',
  UPDATE_EXISTING_RESOURCES: 'Adobe is re-encrypting existing resources',
  NOT_CONFIGURED: 'Adobe has no configuration of that name',
  UNKNOWN: 'could not be read'
}

/** Markdown for GITHUB_STEP_SUMMARY. Every service-provided value is escaped. */
export function renderSummary(r: RunResult): string {
  const sections = [
    `## ${r.result === 'pass' ? '✅ pass' : '❌ fail'}: Adobe Experience Platform customer-managed key (${escapeMarkdown(r.mode)})`,
    overview(r),
    r.error === undefined ? undefined : `**Error:** ${escapeMarkdown(r.error)}`,
    written(r),
    checks(r),
    timings(r)
  ]
  return sections.filter(s => s !== undefined).join('\n\n') + '\n'
}

function overview(r: RunResult): string {
  const lines: string[] = []
  const vault = stringSetting(r, 'keyVaultName')
  const key = stringSetting(r, 'keyName')
  if (vault !== undefined || key !== undefined) {
    lines.push(`**Vault / key:** ${escapeMarkdown(vault ?? '?')} / ${escapeMarkdown(key ?? '?')}`)
  }
  if (r.keyIdentifier) lines.push(`**Key identifier:** ${escapeMarkdown(r.keyIdentifier)}`)
  const meaning = STATUS_MEANINGS[r.status]
  lines.push(
    `**Configuration:** ${escapeMarkdown(r.configName)}` +
      (r.adobeConfigName && r.adobeConfigName !== r.configName
        ? ` (Adobe's internal name ${escapeMarkdown(r.adobeConfigName)})`
        : '') +
      `, status **${escapeMarkdown(r.status)}**` +
      (meaning ? ` (${meaning})` : '')
  )
  if (r.applicationId) lines.push(`**CMK app id:** ${escapeMarkdown(r.applicationId)}`)
  if (r.consentUrl) lines.push(`**Admin consent:** ${consentLink(r.consentUrl)}`)
  // Trailing double space: a hard line break, so each fact gets its own line.
  return lines.join('  \n')
}

function consentLink(url: string): string {
  const href = httpsHref(url)
  return href === undefined
    ? `${escapeMarkdown(url)} (not an https URL, so not linked)`
    : `[grant consent to the CMK app](${href})`
}

function httpsHref(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:') return undefined
  // URL already percent-encodes spaces, quotes and angle brackets; these would end the link.
  return parsed.href.replace(/[()[\]\\]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function written(r: RunResult): string {
  if (r.actions.length === 0) return '**Written:** nothing.'
  return ['**Written:**', ...r.actions.map(a => `- ${escapeMarkdown(a)}`)].join('\n')
}

function checks(r: RunResult): string {
  if (r.findings.length === 0) return '**Checks:** none ran.'
  const findings = inContractOrder(r.findings)
  const failed = new Set<string>(r.failedChecks)
  const count = (o: Outcome) => findings.filter(f => f.outcome === o).length
  const tally = `**Checks:** ${count('pass')} passed, ${count('warn')} warned, ${count('fail')} failed, ${count('skipped')} skipped`
  const failedLine =
    r.failedChecks.length === 0
      ? ''
      : `  \n**Failed checks:** ${r.failedChecks.map(id => checkIdCell(id)).join(', ')}`
  const skipped = skippedLines(findings)
    .map(line => `  \n${escapeMarkdown(line)}`)
    .join('')
  const rows = findings
    .filter(f => f.outcome !== 'skipped')
    .map(
      f =>
        `| ${checkIdCell(f.id)} | ${outcomeCell(f, failed.has(f.id))} | ${escapeTableCell(f.detail)} | ${
          f.outcome === 'pass' || !f.fix ? '' : escapeTableCell(f.fix)
        } |`
    )
  return [
    tally + failedLine + skipped,
    '',
    '| Check | Result | Found | How to fix |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

function inContractOrder(findings: Finding[]): Finding[] {
  const rank = (id: string) => {
    const i = (CHECK_IDS as readonly string[]).indexOf(id)
    return i === -1 ? CHECK_IDS.length : i
  }
  return [...findings].sort((a, b) => rank(a.id) - rank(b.id))
}

function checkIdCell(id: CheckId): string {
  return /^[a-z0-9.-]+$/.test(id) ? `\`${id}\`` : escapeTableCell(id)
}

function outcomeCell(f: Finding, countsAsFailure: boolean): string {
  const icon = OUTCOME_ICONS[f.outcome] ?? '❔'
  const cell = `${icon} ${escapeTableCell(f.outcome)}`
  return f.outcome === 'warn' && countsAsFailure ? `${cell} (fails: strict)` : cell
}

function timings(r: RunResult): string | undefined {
  const entries = Object.entries(r.timings)
  const total = Date.parse(r.finishedAt) - Date.parse(r.startedAt)
  if (entries.length === 0 && Number.isNaN(total)) return undefined
  const parts = entries.map(([phase, ms]) => `${escapeMarkdown(phase)} ${Math.round(ms)} ms`)
  if (!Number.isNaN(total)) parts.unshift(`total ${total} ms`)
  return `<sub>Timings: ${parts.join(' · ')}</sub>`
}

function stringSetting(r: RunResult, name: string): string | undefined {
  const value = r.settings[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}
