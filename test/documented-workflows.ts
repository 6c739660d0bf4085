/**
 * The workflows the documentation shows, read the way a newcomer copies them: every ```yaml
 * block of README.md, CONTRIBUTING.md and docs/ that holds `jobs:` or `uses:`, and every file
 * under examples/, parsed with the `yaml` package; plus what the prerequisites create (the
 * secrets and variables `gh secret set` / `gh variable set` store, the environments a federated
 * credential names). Shared by the drift test (unit) and the test that runs each example's
 * `with:` block against the simulator (e2e).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** How every example refers to this action: one placeholder, the major tag. */
export const ACTION_REF = 'OWNER/REPO@v1'

/** The Markdown files whose examples and links are kept honest, relative to the repository. */
export function markdownFiles(): string[] {
  const docs = walk(join(REPO_ROOT, 'docs')).filter(file => file.endsWith('.md'))
  return ['README.md', 'CONTRIBUTING.md', ...docs.map(file => relative(REPO_ROOT, file))]
}

/** Workflow files under examples/, relative to the repository (none when it does not exist). */
export function exampleFiles(): string[] {
  return walk(join(REPO_ROOT, 'examples'))
    .filter(file => /\.ya?ml$/.test(file))
    .map(file => relative(REPO_ROOT, file))
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
}

export function readRepoFile(file: string): string {
  return readFileSync(join(REPO_ROOT, file), 'utf8')
}

export interface FencedBlock {
  lang: string
  body: string
  /** 1-based line of the opening fence. */
  line: number
}

/** Fenced code blocks, also indented ones (inside list items), with the indent removed. */
export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.split('\n')
  const blocks: FencedBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i] ?? '')
    if (!open) continue
    const [, indent = '', fence = '', lang = ''] = open
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const line = lines[j] ?? ''
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart())
    }
    blocks.push({ lang: lang.toLowerCase(), body: body.join('\n'), line: i + 1 })
    i = j
  }
  return blocks
}

/** Lines of a Markdown text outside fenced code blocks, with their 1-based numbers. */
export function proseLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = []
  let fence: string | undefined
  text.split('\n').forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined
      return
    }
    if (fence === undefined) out.push({ line: index + 1, text: line })
  })
  return out
}

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

export type Permissions = Record<string, string> | 'read-all' | 'write-all'

export interface Step {
  name?: string
  id?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
}

export interface Job {
  environment?: string | { name: string }
  permissions?: Permissions
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string }
  needs?: string | string[]
  if?: string
  strategy?: { matrix?: Record<string, unknown>; 'max-parallel'?: number | string }
  steps?: Step[]
}

export interface DispatchInput {
  type?: string
  options?: string[]
  default?: string
}

export interface Workflow {
  name?: string
  on?: unknown
  permissions?: Permissions
  concurrency?: Job['concurrency']
  jobs: Record<string, Job>
}

export interface DocumentedWorkflow {
  /** `README.md:201`: where a reader finds it. */
  source: string
  file: string
  text: string
  workflow: Workflow
  /**
   * A list of steps rather than a whole workflow, with `# ...` where the reader fills in the
   * rest: its keys are checked, not its completeness.
   */
  fragment: boolean
}

export interface DocumentedStep {
  source: string
  file: string
  documented: DocumentedWorkflow
  /** The job's id; for one job of a matrix, with its index: `check[0]`. */
  jobId: string
  /** The job as that run of it sees it: `${{ matrix.* }}` replaced by its matrix values. */
  job: Job
  step: Step
  /** The step's `with:` block, every value as the text the runner passes. */
  inputs: Record<string, string>
}

/** Every workflow the documentation shows, in file order. */
export function documentedWorkflows(): DocumentedWorkflow[] {
  const fromMarkdown = markdownFiles().flatMap(file =>
    fencedBlocks(readRepoFile(file))
      .filter(block => ['yaml', 'yml'].includes(block.lang))
      .filter(block => /^\s*(-\s+)?(jobs|uses):/m.test(block.body))
      .map(block => asWorkflow(file, block.line, block.body))
  )
  const fromExamples = exampleFiles().map(file => asWorkflow(file, 1, readRepoFile(file)))
  return [...fromMarkdown, ...fromExamples]
}

function asWorkflow(file: string, line: number, text: string): DocumentedWorkflow {
  const source = `${file}:${line}`
  const parsed: unknown = parse(text)
  if (Array.isArray(parsed))
    return {
      source,
      file,
      text,
      workflow: { jobs: { fragment: { steps: parsed as Step[] } } },
      fragment: /#\s*\.\.\./.test(text)
    }
  if (typeof parsed !== 'object' || parsed === null || !('jobs' in parsed))
    throw new Error(`${source}: neither a workflow (jobs:) nor a list of steps`)
  return { source, file, text, workflow: parsed as Workflow, fragment: false }
}

export interface InputFragment {
  source: string
  file: string
  /** The block's keys and values: inputs of this action, shown without the step around them. */
  inputs: Record<string, string>
}

/** ```yaml blocks that are a flat list of `input: value` lines, such as the sign-in variants. */
export function inputFragments(): InputFragment[] {
  return markdownFiles().flatMap(file =>
    fencedBlocks(readRepoFile(file))
      .filter(block => ['yaml', 'yml'].includes(block.lang))
      .filter(block => !/^\s*(-\s+)?(jobs|uses):/m.test(block.body))
      .flatMap(block => {
        const parsed: unknown = parse(block.body)
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return []
        const entries = Object.entries(parsed)
        if (entries.some(([, value]) => typeof value === 'object' && value !== null)) return []
        return [
          {
            source: `${file}:${block.line}`,
            file,
            inputs: Object.fromEntries(entries.map(([key, value]) => [key, scalarText(value)]))
          }
        ]
      })
  )
}

/** Whether a step runs this action (whatever the reference looks like). */
export function usesThisAction(step: Step): boolean {
  return /^(OWNER\/REPO|[\w.-]+\/aep-cmk-azure-action)(@|$)/.test(step.uses ?? '')
}

/**
 * Every step of the documented workflows that runs this action; a job with a matrix gives one
 * step per job the matrix generates, with its `${{ matrix.* }}` values filled in.
 */
export function documentedSteps(): DocumentedStep[] {
  return documentedWorkflows().flatMap(documented =>
    Object.entries(documented.workflow.jobs).flatMap(([jobId, job]) =>
      matrixJobs(job).flatMap((matrix, index) => {
        const expanded = withMatrix(job, matrix)
        return (expanded.steps ?? []).filter(usesThisAction).map(step => ({
          source: documented.source,
          file: documented.file,
          documented,
          jobId: job.strategy?.matrix ? `${jobId}[${index}]` : jobId,
          job: expanded,
          step,
          inputs: Object.fromEntries(
            Object.entries(step.with ?? {}).map(([key, value]) => [key, scalarText(value)])
          )
        }))
      })
    )
  )
}

/**
 * The matrix values of each job a job's `strategy.matrix` generates, as GitHub documents it for
 * the two forms the examples use: arrays (every combination) or `include:` alone (one job per
 * entry). One empty set for a job without a matrix.
 */
export function matrixJobs(job: Job): Array<Record<string, string>> {
  const matrix = job.strategy?.matrix
  if (matrix === undefined) return [{}]
  const { include, ...axes } = matrix
  const entries = Object.entries(axes)
  if (include !== undefined && entries.length > 0)
    throw new Error('a matrix with both axes and include: is not read by these tests')
  if (Array.isArray(include))
    return include.map(entry =>
      Object.fromEntries(
        Object.entries(entry as Record<string, unknown>).map(([k, v]) => [k, scalarText(v)])
      )
    )
  return entries.reduce<Array<Record<string, string>>>(
    (combinations, [name, values]) =>
      combinations.flatMap(combination =>
        (Array.isArray(values) ? values : [values]).map(value => ({
          ...combination,
          [name]: scalarText(value)
        }))
      ),
    [{}]
  )
}

/** The job with every `${{ matrix.NAME }}` replaced by that job's value (text, as the runner does). */
function withMatrix(job: Job, matrix: Record<string, string>): Job {
  if (Object.keys(matrix).length === 0) return job
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (whole, name: string) =>
        name in matrix ? (matrix[name] ?? '') : whole
      )
    if (Array.isArray(value)) return value.map(fill)
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]))
    return value
  }
  const { strategy, ...rest } = job
  return { ...(fill(rest) as Job), ...(strategy ? { strategy } : {}) }
}

/** A YAML scalar as the runner passes it to the action: true, 45 and null become text. */
function scalarText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The triggers of a workflow, by event name. */
export function triggers(workflow: Workflow): Record<string, unknown> {
  const on = workflow.on
  if (typeof on === 'string') return { [on]: null }
  if (Array.isArray(on)) return Object.fromEntries(on.map(event => [String(event), null]))
  if (typeof on === 'object' && on !== null) return on as Record<string, unknown>
  return {}
}

/** The `workflow_dispatch` inputs of a workflow, by name. */
export function dispatchInputs(workflow: Workflow): Record<string, DispatchInput> {
  const dispatch = triggers(workflow).workflow_dispatch
  if (typeof dispatch !== 'object' || dispatch === null || !('inputs' in dispatch)) return {}
  return (dispatch as { inputs: Record<string, DispatchInput> }).inputs
}

/** The permissions a job's token gets: the job's own block replaces the workflow's. */
export function effectivePermissions(documented: DocumentedWorkflow, job: Job): Permissions {
  return job.permissions ?? documented.workflow.permissions ?? {}
}

export function grants(permissions: Permissions, scope: string, level: 'read' | 'write'): boolean {
  if (permissions === 'write-all') return true
  if (permissions === 'read-all') return level === 'read'
  const granted = permissions[scope]
  return granted === 'write' || (level === 'read' && granted === 'read')
}

export function environmentOf(job: Job): string | undefined {
  return typeof job.environment === 'object' ? job.environment.name : job.environment
}

/** The concurrency group that holds a job: its own, else the workflow's. */
export function concurrencyOf(
  documented: DocumentedWorkflow,
  job: Job
): { group: string; cancelInProgress: boolean } | undefined {
  const value = job.concurrency ?? documented.workflow.concurrency
  if (value === undefined) return undefined
  if (typeof value === 'string') return { group: value, cancelInProgress: false }
  const cancel = value['cancel-in-progress']
  return { group: value.group, cancelInProgress: cancel === true || cancel === 'true' }
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export interface ExpressionContexts {
  secrets: Record<string, string>
  vars: Record<string, string>
  inputs: Record<string, string>
  github: Record<string, string>
}

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g

/** The `${{ … }}` expressions of a value. */
export function expressionsIn(value: string): string[] {
  return [...value.matchAll(EXPRESSION)].map(match => match[1] ?? '')
}

/** `secrets.NAME`, `vars.NAME`, … references in an expression. */
export function referencesIn(expression: string): Array<{ context: string; name: string }> {
  return [...expression.matchAll(/\b(secrets|vars|inputs|github)\.([A-Za-z_][\w-]*)/g)].map(
    match => ({ context: match[1] ?? '', name: match[2] ?? '' })
  )
}

/**
 * Evaluates the expressions the examples use, as the runner would: `context.NAME` and
 * `context.NAME || 'fallback'`, where an unset name is the empty string. Anything else throws, so
 * an example that grows a new kind of expression grows this evaluator (or stays simple).
 */
export function evaluate(value: string, contexts: ExpressionContexts): string {
  return value.replace(EXPRESSION, (_whole, expression: string) => {
    const alternatives = expression.split('||').map(part => part.trim())
    for (const part of alternatives) {
      const literal = /^'([^']*)'$/.exec(part)
      const reference = /^(secrets|vars|inputs|github)\.([A-Za-z_][\w-]*)$/.exec(part)
      if (!literal && !reference) throw new Error(`cannot evaluate \${{ ${expression} }}`)
      const result = literal
        ? literal[1]
        : contexts[reference![1] as keyof ExpressionContexts][reference![2]!]
      if (result) return result
    }
    return ''
  })
}

// ---------------------------------------------------------------------------------------------
// Prerequisites
// ---------------------------------------------------------------------------------------------

export interface Prerequisites {
  secrets: Set<string>
  variables: Set<string>
  /** Environments a federated credential is created for (its subject names them). */
  environments: Set<string>
}

/**
 * What the shell blocks of one Markdown file create: `gh secret set NAME`, `gh variable set NAME`
 * and the environments of federated credentials (`repo:…:environment:NAME`, where NAME may be a
 * shell variable assigned in the file, such as `ENVIRONMENT=aep-production`).
 */
export function prerequisitesIn(file: string): Prerequisites {
  const blocks = fencedBlocks(readRepoFile(file))
  const shell = blocks
    .filter(block => ['sh', 'bash', 'shell'].includes(block.lang))
    .map(block => block.body)
    .join('\n')
  // A secret only some readers need is stored where it is shown: `# gh secret set NAME`.
  const stored = blocks.map(block => block.body).join('\n')
  // NAME=value, and `for NAME in a b c; do`, which gives NAME each of its values in turn.
  const assigned = new Map<string, string[]>(
    [...shell.matchAll(/^([A-Z_][A-Z0-9_]*)=([\w.@-]+)/gm)].map(m => [m[1] ?? '', [m[2] ?? '']])
  )
  for (const m of shell.matchAll(/^\s*for ([A-Z_][A-Z0-9_]*) in ([\w.@ -]+); do/gm))
    assigned.set(m[1] ?? '', (m[2] ?? '').trim().split(/\s+/))
  const names = (kind: 'secret' | 'variable') =>
    new Set(
      [...stored.matchAll(new RegExp(`gh ${kind} set ([A-Z_][A-Z0-9_]*)`, 'g'))].map(
        m => m[1] ?? ''
      )
    )
  const environments = new Set(
    [...shell.matchAll(/:environment:(\$\{?([A-Z_][A-Z0-9_]*)\}?|[\w.-]+)/g)].flatMap(m =>
      m[2] ? (assigned.get(m[2]) ?? [`$${m[2]}`]) : [m[1] ?? '']
    )
  )
  return { secrets: names('secret'), variables: names('variable'), environments }
}

/** What a workflow of `file` may rely on: the README's prerequisites plus the file's own. */
export function prerequisitesFor(file: string): Prerequisites {
  const readme = prerequisitesIn('README.md')
  if (file === 'README.md' || !file.endsWith('.md')) return readme
  const own = prerequisitesIn(file)
  return {
    secrets: new Set([...readme.secrets, ...own.secrets]),
    variables: new Set([...readme.variables, ...own.variables]),
    environments: new Set([...readme.environments, ...own.environments])
  }
}

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** Every anchor a Markdown file offers: its headings (duplicates numbered) and explicit ids. */
export function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const { text: line } of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      const base = headingAnchor(heading[1] ?? '')
      const count = seen.get(base) ?? 0
      seen.set(base, count + 1)
      anchors.add(count === 0 ? base : `${base}-${count}`)
    }
    for (const id of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id[1] ?? '')
  }
  return anchors
}

export interface RelativeLink {
  /** `docs/report.md:19` */
  source: string
  target: string
}

/** Links of a Markdown file that point into the repository (not http, not mailto). */
export function relativeLinks(file: string): RelativeLink[] {
  const links: RelativeLink[] = []
  for (const { line, text } of proseLines(readRepoFile(file))) {
    const withoutCode = text.replace(/`[^`]*`/g, '')
    for (const match of withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1] ?? ''
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue
      links.push({ source: `${file}:${line}`, target })
    }
  }
  return links
}

/** Why a link does not resolve, or undefined when it does. */
export function brokenLink(file: string, target: string): string | undefined {
  const [path = '', anchor] = target.split('#')
  const resolved = path === '' ? file : relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file), path))
  if (!existsSync(join(REPO_ROOT, resolved))) return `${resolved} does not exist`
  if (anchor === undefined || anchor === '') return undefined
  if (!resolved.endsWith('.md')) return `#${anchor} points into ${resolved}, not a Markdown file`
  return anchorsOf(readRepoFile(resolved)).has(anchor)
    ? undefined
    : `${resolved} has no heading for #${anchor}`
}

// ---------------------------------------------------------------------------------------------
// Modes
// ---------------------------------------------------------------------------------------------

/**
 * The modes a step can run in, in the order a reader meets them: each option of the dispatch
 * input it reads (the form's order), then what other triggers (a schedule) give it, where every
 * dispatch input is empty. An empty mode is the action's default, `setup`.
 */
export function modesOf(step: DocumentedStep): string[] {
  const raw = step.inputs.mode ?? ''
  const names = expressionsIn(raw)
    .flatMap(referencesIn)
    .filter(reference => reference.context === 'inputs')
    .map(reference => reference.name)
  // An expression the evaluator does not know becomes a mode no test accepts, with the reason.
  const evaluateWith = (inputs: Record<string, string>) => {
    try {
      return evaluate(raw, { secrets: {}, vars: {}, github: {}, inputs }) || 'setup'
    } catch (error) {
      return `(${(error as Error).message})`
    }
  }
  if (names.length === 0) return [evaluateWith({})]
  const events = Object.keys(triggers(step.documented.workflow))
  const declared = dispatchInputs(step.documented.workflow)
  const modes: string[] = []
  if (events.includes('workflow_dispatch'))
    for (const name of names)
      for (const option of declared[name]?.options ?? [declared[name]?.default ?? ''])
        modes.push(evaluateWith({ [name]: option }))
  if (events.some(event => event !== 'workflow_dispatch')) modes.push(evaluateWith({}))
  return [...new Set(modes)]
}
