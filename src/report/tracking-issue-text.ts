import type { CheckId, Finding } from '../model/finding.js'
import { guardedKeyHash, type GuardedKey } from './guarded-key.js'
import { escapeMarkdown } from './markdown.js'

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
      `(org ${inline(key.orgId)}) fails ${failed.length === 1 ? 'a check' : `${failed.length} checks`}.`,
    ...(context.error ? ['', `The run stopped: ${inline(context.error)}`] : []),
    '',
    `Last failing run: ${runLink(context.runUrl)} (mode ${inline(context.mode)}, configuration status ${inline(context.status)}).`,
    '',
    '### Failed checks',
    ...failed.flatMap(f => [
      '',
      `- **${f.id}**: ${inline(f.detail)}`,
      ...(f.fix ? [`  **Fix:** ${inline(f.fix)}`] : [])
    ]),
    '',
    '---',
    'Kept by aep-cmk-azure-action: each failing run updates this issue (and comments when the failed checks change); the first passing run comments and closes it.'
  ]
  return lines.join('\n') + '\n'
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
