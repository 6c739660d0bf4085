import type { CheckId, Finding } from '../model/finding.js'
import type { VaultType } from '../model/choices.js'
import { adobeCutOff, adobeUrgencyMarkdown } from './adobe-urgency.js'
import { codeFormsMarkdown, fixAsCode } from './fix-as-code.js'
import { guardedKeyHash, type GuardedKey } from './guarded-key.js'
import { escapeMarkdown } from './markdown.js'
import { capChars } from '../safety/cap.js'
import { redact } from '../safety/secrets.js'

/** GitHub refuses an issue body or comment over 65,536 characters (422): the key would go untracked. */
export const ISSUE_TEXT_MAX_CHARS = 65_536
/** One finding's detail or fix in the issue: enough for any real one, a bound for a hostile one. */
const FINDING_TEXT_MAX_CHARS = 4096

/** The label every tracking issue carries; the look-up lists open issues with it. */
export const TRACKING_LABEL = 'aep-cmk'

/**
 * The hidden line that says which org, vault and key an issue tracks. A hash, so that no name
 * can break the HTML comment, and one issue per org, vault and key (names case as Azure does).
 */
export function issueMarker(key: GuardedKey): string {
  return `<!-- aep-cmk-tracking-issue ${guardedKeyHash(key)} -->`
}

const FAILED_CHECKS = /<!-- aep-cmk-failed-checks: ([a-z0-9.,-]*) -->/

/** The failed checks an issue body recorded when it was last written. */
export function recordedFailedChecks(body: string): string[] {
  const match = FAILED_CHECKS.exec(body)
  return match?.[1] ? match[1].split(',').filter(id => id !== '') : []
}

export function issueTitle(key: GuardedKey): string {
  return `Customer-managed key check fails: ${key.vaultName}/${key.keyName}`
}

export interface IssueContext {
  key: GuardedKey
  mode: string
  status: string
  /** The run that wrote this, when the runner named it. */
  runUrl?: string | undefined
  /** What stopped the run, when something did besides failed checks. */
  error?: string | undefined
  /** What the vault turned out to be: a Managed HSM's fixes as code differ. */
  vaultType?: VaultType | undefined
}

/** The issue body: the hidden markers, then the failed checks with their fixes. */
export function issueBody(
  findings: readonly Finding[],
  failedChecks: readonly CheckId[],
  context: IssueContext
): string {
  const { key } = context
  const failed = failedChecks
    .map(id => findings.find(f => f.id === id))
    .filter((f): f is Finding => f !== undefined)
  const lines = [
    issueMarker(key),
    `<!-- aep-cmk-failed-checks: ${failedChecks.join(',')} -->`,
    `The Adobe Experience Platform customer-managed key **${inline(key.vaultName)}/${inline(key.keyName)}** ` +
      `(org ${inline(key.orgId)}) ${verdict(failed.length)}.`,
    ...(context.error ? ['', `The run stopped: ${inline(context.error)}`] : []),
    ...urgency(findings, context.status),
    '',
    `Last failing run: ${runLink(context.runUrl)} (mode ${inline(context.mode)}, configuration status ${inline(context.status)}).`,
    '',
    '### Failed checks',
    ...failed.flatMap(f => [
      '',
      `- **${f.id}**: ${inline(capChars(f.detail, FINDING_TEXT_MAX_CHARS))}`,
      ...(f.fix ? [`  **Fix:** ${inline(capChars(f.fix, FINDING_TEXT_MAX_CHARS))}`] : []),
      ...(f.fix ? asCode(f.id, context) : [])
    ]),
    '',
    '---',
    'Kept by aep-cmk-azure-action: each failing run updates this issue (and comments when the failed checks change); the first passing run comments and closes it.'
  ]
  // The markers come first, so a cut keeps them; the text is secret-free like every sink.
  return capChars(redact(lines.join('\n')), ISSUE_TEXT_MAX_CHARS - 1) + '\n'
}

/** What Adobe does about a failure that cuts it off from the key, as the summary says it. */
function urgency(findings: readonly Finding[], status: string): string[] {
  const cut = adobeCutOff(findings, status)
  return cut ? ['', adobeUrgencyMarkdown(cut)] : []
}

/** The fix in Terraform and Bicep, indented into the finding's list item. */
function asCode(id: CheckId, context: IssueContext): string[] {
  const names = { vault: context.key.vaultName, key: context.key.keyName }
  const forms = fixAsCode(id, context.vaultType, names)
  if (!forms) return []
  return [
    '',
    ...codeFormsMarkdown(forms)
      .split('\n')
      .map(line => (line ? `  ${line}` : line))
  ]
}

/** What the issue says of the key: the checks it fails, or that the run could not check it. */
function verdict(failed: number): string {
  if (failed === 0) return 'could not be checked: the run stopped before its checks were decided'
  return `fails ${failed === 1 ? 'a check' : `${failed} checks`}`
}

/** The comment of a failing run whose failed checks differ from those the issue recorded. */
export function changedComment(
  before: readonly string[],
  now: readonly CheckId[],
  runUrl: string | undefined
): string {
  const added = now.filter(id => !before.includes(id))
  const gone = before.filter(id => !(now as readonly string[]).includes(id))
  const lines = [`The failed checks changed in ${runLink(runUrl)}:`]
  if (added.length > 0) lines.push(`- now failing: ${added.map(code).join(', ')}`)
  if (gone.length > 0) lines.push(`- no longer failing: ${gone.map(code).join(', ')}`)
  lines.push('', 'The description above lists the current failures and their fixes.')
  return lines.join('\n') + '\n'
}

export function passedComment(runUrl: string | undefined): string {
  return `Every check passes again in ${runLink(runUrl)}: closing this issue.\n`
}

function runLink(runUrl: string | undefined): string {
  return runUrl ? `[this run](${runUrl})` : 'a run outside GitHub Actions'
}

function code(id: string): string {
  return `\`${id}\``
}

/**
 * A value from a service or the inputs, placed inline: no markup, and no @mention (a zero-width
 * space after the @) that would notify someone each night.
 */
function inline(text: string): string {
  return escapeMarkdown(text).replace(/(^|[^\w])@(?=\w)/g, '$1@\u200b')
}
