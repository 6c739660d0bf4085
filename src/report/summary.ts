import { CHECK_IDS, type CheckId, type Finding } from '../model/finding.js'
import { adobeCutOff, adobeUrgencyMarkdown } from './adobe-urgency.js'
import { codeFormsLabel, codeFormsMarkdown, fixAsCode } from './fix-as-code.js'
import { consentRefusal } from '../facts/consent-url.js'
import { fixMarkdown } from './fix-markdown.js'
import { escapeMarkdown, escapeTableCell, httpsHref } from './markdown.js'
import { nextStep } from './next-step.js'
import type { RunResult } from './run-result.js'
import { skippedLines } from './skipped-lines.js'

const STATUS_MEANINGS: Record<string, string> = {
  COMPLETED: 'customer-managed keys are active',
  FAILED: 'Adobe could not apply the key',
  NEW: 'submitted, waiting for Adobe to start',
  RUNNING: 'Adobe is applying the key',
  UPDATE_EXISTING_RESOURCES: 'Adobe is re-encrypting existing resources',
  NOT_CONFIGURED: 'Adobe has no configuration of that name',
  UNKNOWN: 'could not be read'
}

/** What a status means while a failed check cuts Adobe off from the key (the banner says what). */
const CUT_OFF_MEANINGS: Record<string, string> = {
  COMPLETED: 'Adobe encrypts with this key, but cannot use it now: see above',
  UPDATE_EXISTING_RESOURCES:
    'Adobe is re-encrypting with this key, but cannot use it now: see above',
  UNKNOWN: 'could not be read; see above'
}

/**
 * Markdown for GITHUB_STEP_SUMMARY, read top-down by a person in a hurry: the verdict and the
 * one thing to do next, what Adobe does (and how soon) about a failure that cuts it off from the
 * key, then what failed and warned with each fix (commands as copyable code blocks, the same fix
 * as code folded under it), then the rest; passes are folded away. Every service-provided value
 * is escaped.
 */
export function renderSummary(r: RunResult): string {
  const findings = inContractOrder(r.findings)
  const strict = new Set<string>(r.failedChecks)
  const failures = findings.filter(f => f.outcome === 'fail')
  const warnings = findings.filter(f => f.outcome === 'warn')
  const blocking = findings.find(f => strict.has(f.id))
  const cutOff = adobeCutOff(findings, r.status)
  const sections = [
    `## ${r.result === 'pass' ? '✅ pass' : '❌ fail'} (${escapeMarkdown(r.mode)}): ${nextStep(r, blocking)}`,
    cutOff && adobeUrgencyMarkdown(cutOff),
    consent(r, findings),
    r.error === undefined ? undefined : `**Error:** ${escapeMarkdown(r.error)}`,
    problems('❌', 'failed', failures, strict, r),
    problems('⚠️', 'warned', warnings, strict, r),
    skipped(findings),
    overview(r, cutOff !== undefined),
    written(r),
    passes(findings, r),
    timings(r)
  ]
  return sections.filter(s => s !== undefined).join('\n\n') + '\n'
}

/** The consent link, only while consent is what is missing. */
function consent(r: RunResult, findings: Finding[]): string | undefined {
  const consented = findings.find(f => f.id === 'app.consented')
  const link = r.consentLink
  if (link === undefined || consented?.outcome !== 'fail') return undefined
  if (link.kind === 'elsewhere')
    return `**Admin consent:** ${fixMarkdown(consentRefusal(link, r.applicationId))}`
  const href = httpsHref(link.url)
  if (href === undefined) return undefined // not reached: an Entra link is https
  return `**Admin consent:** an administrator of the vault's tenant opens [grant consent to the CMK app](${href}), accepts, and re-runs the job.`
}

function problems(
  icon: string,
  verb: string,
  findings: Finding[],
  failing: Set<string>,
  r: RunResult
): string | undefined {
  if (findings.length === 0) return undefined
  const heading = `### ${icon} ${findings.length} ${findings.length === 1 ? 'check' : 'checks'} ${verb}`
  const items = findings.map(f => {
    const strict = f.outcome === 'warn' && failing.has(f.id) ? ' (fails: strict)' : ''
    const lines = [`**${checkId(f.id)}**${strict}: ${escapeMarkdown(f.detail)}`]
    if (f.fix) lines.push(`**Fix:** ${fixMarkdown(f.fix)}`)
    const asCode = f.fix ? foldedCode(f, r) : undefined
    if (asCode) lines.push(asCode)
    return lines.join('\n\n')
  })
  return [heading, ...items].join('\n\n')
}

/** The fix in Terraform and Bicep, folded under the az form (most readers want that one). */
function foldedCode(f: Finding, r: RunResult): string | undefined {
  const names = { vault: stringSetting(r, 'keyVaultName'), key: stringSetting(r, 'keyName') }
  const forms = fixAsCode(f.id, r.vaultType, names)
  if (!forms) return undefined
  return [
    `<details><summary>The same fix in ${codeFormsLabel(forms)}</summary>`,
    codeFormsMarkdown(forms),
    '</details>'
  ].join('\n\n')
}

function skipped(findings: Finding[]): string | undefined {
  const lines = skippedLines(findings)
  return lines.length === 0
    ? undefined
    : lines.map(line => `⏭️ ${escapeMarkdown(line)}`).join('  \n')
}

/** `cutOff`: a failed check cuts Adobe off, so the status must not say the keys are in force. */
function overview(r: RunResult, cutOff: boolean): string | undefined {
  const lines: string[] = []
  const vault = stringSetting(r, 'keyVaultName')
  const key = stringSetting(r, 'keyName')
  if (vault !== undefined || key !== undefined) {
    lines.push(`**Vault / key:** ${escapeMarkdown(vault ?? '?')} / ${escapeMarkdown(key ?? '?')}`)
  }
  if (r.keyIdentifier) lines.push(`**Key identifier:** ${escapeMarkdown(r.keyIdentifier)}`)
  if (r.configName) {
    const meaning = cutOff ? CUT_OFF_MEANINGS[r.status] : STATUS_MEANINGS[r.status]
    lines.push(
      `**Configuration:** ${escapeMarkdown(r.configName)}` +
        (r.adobeConfigName && r.adobeConfigName !== r.configName
          ? ` (Adobe's internal name ${escapeMarkdown(r.adobeConfigName)})`
          : '') +
        `, status **${escapeMarkdown(r.status)}**` +
        (meaning ? ` (${meaning})` : '')
    )
  }
  if (r.applicationId) lines.push(`**CMK app id:** ${escapeMarkdown(r.applicationId)}`)
  // Trailing double space: a hard line break, so each fact gets its own line.
  return lines.length === 0 ? undefined : lines.join('  \n')
}

function written(r: RunResult): string {
  if (r.actions.length === 0) return '**Written:** nothing.'
  return ['**Written:**', ...r.actions.map(a => `- ${escapeMarkdown(a)}`)].join('\n')
}

/** The checks that passed, folded: a person in a hurry does not need them. */
function passes(findings: Finding[], r: RunResult): string {
  const passed = findings.filter(f => f.outcome === 'pass')
  if (r.findings.length === 0) return '**Checks:** none ran.'
  if (passed.length === 0) return '**Checks:** none passed.'
  const rows = passed.map(f => `| ${checkId(f.id)} | ${escapeTableCell(f.detail)} |`)
  return [
    `<details><summary>✅ ${passed.length} ${passed.length === 1 ? 'check' : 'checks'} passed</summary>`,
    '',
    '| Check | Found |',
    '| --- | --- |',
    ...rows,
    '',
    '</details>'
  ].join('\n')
}

function inContractOrder(findings: Finding[]): Finding[] {
  const rank = (id: string) => {
    const i = (CHECK_IDS as readonly string[]).indexOf(id)
    return i === -1 ? CHECK_IDS.length : i
  }
  return [...findings].sort((a, b) => rank(a.id) - rank(b.id))
}

function checkId(id: CheckId): string {
  return /^[a-z0-9.-]+$/.test(id) ? `\`${id}\`` : escapeMarkdown(id)
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
