import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { SummarizeSettings } from './settings.js'

/** Returns an input's value, trimmed; '' when it was not given. */
type InputReader = (name: string) => string

/**
 * Inputs about one vault, key or credential: summarize reads reports and signs in nowhere, so a
 * value given for one of them is ignored, with a notice (a workflow that copied a check step's
 * `with:` block keeps working). Inputs with a default are left out: the runner passes their
 * default, so a value there says nothing about what the workflow meant.
 */
const IGNORED_INPUTS = [
  'key-vault-name',
  'key-name',
  'azure-subscription-id',
  'azure-resource-group',
  'azure-tenant-id',
  'azure-client-id',
  'azure-client-secret',
  'adobe-org-id',
  'adobe-client-id',
  'adobe-client-secret',
  'adobe-access-token',
  'config-name',
  'cmk-app-object-id',
  'report-file'
]

export type ParsedSummarizeSettings =
  { ok: true; settings: SummarizeSettings } | { ok: false; problems: string[] }

/**
 * The inputs of `mode: summarize`: `reports` (glob patterns, one per line or comma-separated,
 * commas inside `{a,b}` kept) and `sarif-file`. Every pattern must stay inside `workspace`
 * (GITHUB_WORKSPACE, else the working directory): the job's checkout is what it may read. Every
 * problem is collected, as for the other modes.
 */
export function parseSummarizeSettings(
  read: InputReader,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string
): ParsedSummarizeSettings {
  const problems: string[] = []
  const workspace = resolve(cwd, env.GITHUB_WORKSPACE?.trim() || '.')
  const given = splitPatterns(read('reports'))
  if (given.length === 0)
    problems.push(
      'reports: is required when mode is summarize (glob patterns of JSON report files, one per line or comma-separated, e.g. reports/**/*.json)'
    )
  const reports: string[] = []
  for (const pattern of given) {
    const problem = patternProblem(pattern, workspace)
    if (problem) problems.push(`reports: ${problem}; got "${pattern}"`)
    else reports.push(workspacePattern(pattern, workspace))
  }
  const notices = IGNORED_INPUTS.filter(name => read(name) !== '').map(
    name => `${name}: ignored in mode summarize, which reads reports and signs in nowhere`
  )
  if (read('open-issue').toLowerCase() === 'true')
    notices.push(
      'open-issue: ignored in mode summarize; each org keeps its own tracking issue from its own run'
    )
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    settings: {
      mode: 'summarize',
      reports,
      workspace,
      sarifFile: read('sarif-file') || undefined,
      notices
    }
  }
}

/**
 * Patterns, one per line or comma-separated. A comma inside braces belongs to the pattern
 * (`reports/{emea,us}/*.json`).
 */
export function splitPatterns(raw: string): string[] {
  const patterns: string[] = []
  let current = ''
  let depth = 0
  for (const char of raw) {
    if (char === '{') depth++
    if (char === '}') depth = Math.max(0, depth - 1)
    if (char === '\n' || char === '\r' || (char === ',' && depth === 0)) {
      patterns.push(current)
      current = ''
    } else current += char
  }
  patterns.push(current)
  return patterns.map(p => p.trim()).filter(p => p !== '')
}

/** Why a pattern may not be used, or undefined. */
function patternProblem(pattern: string, workspace: string): string | undefined {
  if (pattern.startsWith('!'))
    return 'exclusions (!pattern) are not supported; name the files to read instead'
  // `..` may hide inside braces ({..,x}), where resolving the path cannot see it.
  if (pattern.split(/[\\/{},]/).includes('..'))
    return 'must not contain ".." segments: the reports must be inside the workspace'
  const rel = relative(workspace, resolve(workspace, pattern))
  if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)))
    return undefined
  return `must be inside the workspace ${workspace}`
}

/** The pattern relative to the workspace, with forward slashes (what fs.glob matches). */
function workspacePattern(pattern: string, workspace: string): string {
  const rel = isAbsolute(pattern) ? relative(workspace, pattern) : pattern
  return rel.split(sep).join('/').replace(/^\.\//, '')
}
