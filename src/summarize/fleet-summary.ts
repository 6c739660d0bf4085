import { fixMarkdown } from '../report/fix-markdown.js'
import { escapeMarkdown, escapeTableCell, httpsHref } from '../report/markdown.js'
import { targetName, type CheckNote, type Fleet, type FleetTarget } from './fleet.js'

/**
 * The summary's size: GitHub takes at most 1 MiB per step, and the host cuts what is over. Kept
 * well below, so that the summary ends where this module ends it (with a note of what is left
 * out), not in the middle of a table.
 */
export const FLEET_SUMMARY_BUDGET_BYTES = 900 * 1024
/** Files named in the lists of unusable and superseded reports; the rest are counted. */
const LISTED_FILES = 100

/** What the summary is about besides the fleet: how it was read. */
export interface SummaryContext {
  workspace: string
  readMs: number
}

/**
 * The fleet's job summary, read top-down by the compliance owner: the verdict, then one row per
 * target (failing ones first) with a link to its run, then each failing or warning target's checks
 * and fixes folded under its name, then the files that could not be used. Everything a report
 * holds is escaped: reports are uploaded by many jobs and read here as untrusted text.
 */
export function renderFleetSummary(
  fleet: Fleet,
  context: SummaryContext,
  budget = FLEET_SUMMARY_BUDGET_BYTES
): string {
  const head = verdict(fleet, context)
  const tail = [unusableList(fleet), supersededList(fleet), footer(fleet, context)]
    .filter(s => s !== undefined)
    .join('\n\n')
  let left = budget - bytes(head) - bytes(tail)
  const table = fleet.targets.length === 0 ? undefined : targetTable(fleet.targets, left * 0.45)
  left -= bytes(table ?? '')
  const fixes = fixSections(fleet.targets, left)
  return [head, table, fixes, tail].filter(s => s !== undefined && s !== '').join('\n\n') + '\n'
}

function verdict(fleet: Fleet, context: SummaryContext): string {
  const icon = fleet.result === 'pass' ? '✅ pass' : '❌ fail'
  const targets = fleet.targets.length
  if (targets === 0 && fleet.unusable.length === 0)
    return `## ${icon} (summarize): no file matches ${patternList(fleet.patterns)} in the workspace ${escapeMarkdown(context.workspace)}`
  const failing = fleet.targets.filter(t => t.result === 'fail').length
  const warning = fleet.targets.filter(t => t.result === 'pass' && t.warned.length > 0).length
  const parts = [
    failing > 0
      ? `${failing} of ${plural(targets, 'target')} failed`
      : targets > 0
        ? `${plural(targets, 'target')}, every one passed`
        : 'no usable report',
    warning > 0 ? `${warning} passed with warnings` : undefined,
    fleet.unusable.length > 0
      ? `${plural(fleet.unusable.length, 'report')} could not be used`
      : undefined
  ]
  return `## ${icon} (summarize): ${parts.filter(p => p !== undefined).join('; ')}`
}

/** One row per target, failing ones first, as many as fit in `maxBytes`. */
function targetTable(targets: FleetTarget[], maxBytes: number): string {
  const header = [
    '| | Org | Vault / key | Mode | Result | Failed | Warned | Finished | Run |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'
  ]
  const rows: string[] = []
  let used = bytes(header.join('\n'))
  for (const target of targets) {
    const row = tableRow(target)
    if (used + bytes(row) + 200 > maxBytes) break
    rows.push(row)
    used += bytes(row) + 1
  }
  const left = targets.slice(rows.length)
  const note =
    left.length === 0
      ? []
      : [
          '',
          `${plural(left.length, 'more target')} not shown (${left.filter(t => t.result === 'fail').length} failing): the summary has a size limit; \`aep-cmk summarize --json\` lists every one.`
        ]
  return [...header, ...rows, ...note].join('\n')
}

function tableRow(t: FleetTarget): string {
  const icon = t.result === 'fail' ? '❌' : t.warned.length > 0 ? '⚠️' : '✅'
  const cells = [
    icon,
    escapeTableCell(t.identity?.orgId ?? '?'),
    t.identity
      ? `${escapeTableCell(t.identity.vault)} / ${escapeTableCell(t.identity.key)}`
      : `? (${escapeTableCell(t.file)})`,
    escapeTableCell(t.mode),
    t.result,
    t.failed.length > 0 ? idList(t.failed) : t.error ? 'error' : '',
    idList(t.warned),
    escapeTableCell(shortTime(t.finishedAt)),
    runLink(t.runUrl)
  ]
  return `| ${cells.join(' | ')} |`
}

/** Each target with failed or warned checks: its checks and their fixes, folded under its name. */
function fixSections(targets: FleetTarget[], maxBytes: number): string | undefined {
  const concerned = targets.filter(t => t.failed.length > 0 || t.warned.length > 0 || t.error)
  if (concerned.length === 0) return undefined
  const heading = '### What to fix'
  const blocks: string[] = []
  let used = bytes(heading)
  for (const target of concerned) {
    const block = fixBlock(target)
    if (used + bytes(block) + 300 > maxBytes) break
    blocks.push(block)
    used += bytes(block) + 2
  }
  const left = concerned.length - blocks.length
  const note =
    left === 0
      ? []
      : [
          `${plural(left, 'more target')} with problems not shown here: each row's run link leads to that run's own summary with every fix.`
        ]
  return [heading, ...blocks, ...note].join('\n\n')
}

function fixBlock(t: FleetTarget): string {
  const icon = t.result === 'fail' ? '❌' : '⚠️'
  const counts = [
    t.failed.length > 0 ? `${t.failed.length} failed` : undefined,
    t.warned.length > 0 ? `${t.warned.length} warned` : undefined
  ].filter(c => c !== undefined)
  const org = t.identity ? ` (${escapeMarkdown(t.identity.orgId)})` : ''
  const title = `${icon} <b>${escapeMarkdown(targetName(t))}</b>${org}: ${counts.join(', ') || 'error'}`
  const run = httpsHref(t.runUrl ?? '')
  const body = [
    t.error ? `**Error:** ${escapeMarkdown(t.error)}` : undefined,
    ...[...t.failed, ...t.warned].map(checkFix),
    `${run ? `[The run's own summary](${run}) · ` : ''}report \`${inlineFile(t.file)}\``
  ]
  // Blank lines around the body: GitHub renders Markdown inside <details> only after one.
  return [
    `<details><summary>${title}</summary>`,
    ...body.filter(l => l !== undefined),
    '</details>'
  ].join('\n\n')
}

function checkFix(c: CheckNote): string {
  const label = `**${checkId(c.id)}**${c.outcome === 'warn' ? ' (warning)' : ''}`
  const detail = c.detail ? `: ${escapeMarkdown(c.detail)}` : ''
  return c.fix ? `${label}${detail}\n\n**Fix:** ${fixMarkdown(c.fix)}` : `${label}${detail}`
}

function unusableList(fleet: Fleet): string | undefined {
  if (fleet.unusable.length === 0) return undefined
  const shown = fleet.unusable
    .slice(0, LISTED_FILES)
    .map(u => `- \`${inlineFile(u.file)}\`: ${escapeMarkdown(u.reason)}`)
  const more = fleet.unusable.length - shown.length
  return [
    `### ❌ ${plural(fleet.unusable.length, 'report')} could not be used`,
    '',
    ...shown,
    ...(more > 0 ? [`- and ${more} more`] : [])
  ].join('\n')
}

function supersededList(fleet: Fleet): string | undefined {
  if (fleet.superseded.length === 0) return undefined
  const shown = fleet.superseded
    .slice(0, LISTED_FILES)
    .map(s => `- \`${inlineFile(s.file)}\`, replaced by the newer \`${inlineFile(s.by)}\``)
  const more = fleet.superseded.length - shown.length
  return [
    `**Older reports of the same target, not counted (${fleet.superseded.length}):**`,
    '',
    ...shown,
    ...(more > 0 ? [`- and ${more} more`] : [])
  ].join('\n')
}

function footer(fleet: Fleet, context: SummaryContext): string {
  const files = fleet.targets.length + fleet.superseded.length + fleet.unusable.length
  return `<sub>Read ${plural(files, 'file')} matching ${patternList(fleet.patterns)} in ${Math.round(context.readMs)} ms.</sub>`
}

function idList(notes: CheckNote[]): string {
  return notes.map(c => checkId(c.id)).join(', ')
}

function checkId(id: string): string {
  return /^[a-z0-9.-]+$/.test(id) ? `\`${id}\`` : escapeMarkdown(id)
}

function runLink(url: string | null): string {
  const href = url ? httpsHref(url) : undefined
  return href ? `[run](${href})` : '—'
}

/** A file name inside a code span: backticks and line breaks cannot end it early. */
function inlineFile(file: string): string {
  return file.replace(/[`\r\n]/g, '?')
}

function patternList(patterns: string[]): string {
  return patterns.map(p => `\`${inlineFile(p)}\``).join(', ')
}

/** 2026-11-26 03:17 UTC: the minute is enough to tell last night's run from an older one. */
function shortTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)
  return match ? `${match[1]} ${match[2]} UTC` : iso
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
