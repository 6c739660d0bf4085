import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import type { RunnerContext } from '../host/host.js'

/** Where code scanning shows the alerts: the step of the workflow that runs this action. */
export interface WorkflowLocation {
  /** Path relative to the repository root, with forward slashes. */
  uri: string
  startLine: number
  startColumn: number
  endLine: number
  /** The column after the region's last character. */
  endColumn: number
}

/**
 * Outside a workflow (the CLI, a local run) there is no workflow file to point at; code scanning
 * still needs a path, so the alerts name the workflow docs/compliance.md suggests.
 */
export const FALLBACK_WORKFLOW = '.github/workflows/aep-cmk-compliance.yml'

/**
 * The workflow file named by GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/x.yml@ref`) and,
 * when the checked-out copy in GITHUB_WORKSPACE shows it, the `uses:` line of the step that
 * runs this action; else line 1 of that file.
 */
export async function workflowLocation(context: RunnerContext): Promise<WorkflowLocation> {
  const uri = workflowPath(context) ?? FALLBACK_WORKFLOW
  const text = await readWorkflow(context.workspace, uri)
  const step = text === undefined ? undefined : findStep(text, context)
  return { uri, ...(step ?? firstLine(text)) }
}

/** The repository-relative path in GITHUB_WORKFLOW_REF, without the `@ref`. */
export function workflowPath(context: RunnerContext): string | undefined {
  const ref = context.workflowRef?.trim()
  if (!ref) return undefined
  const at = ref.lastIndexOf('@')
  const full = at > 0 ? ref.slice(0, at) : ref
  const repository = context.repository?.trim()
  const path =
    repository && full.toLowerCase().startsWith(`${repository.toLowerCase()}/`)
      ? full.slice(repository.length + 1)
      : full.split('/').slice(2).join('/')
  return path === '' || path.split('/').includes('..') ? undefined : path
}

async function readWorkflow(
  workspace: string | undefined,
  uri: string
): Promise<string | undefined> {
  const root = resolve(workspace || '.')
  const file = resolve(root, uri)
  const inside = relative(root, file)
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined
  try {
    return await readFile(file, 'utf8')
  } catch {
    // Not checked out (no actions/checkout step): the alerts point at line 1.
    return undefined
  }
}

type Region = Omit<WorkflowLocation, 'uri'>

/** Line 1, whole when the file could be read. */
function firstLine(text: string | undefined): Region {
  const length = text === undefined ? 0 : (text.split(/\r?\n/, 1)[0] ?? '').length
  return { startLine: 1, startColumn: 1, endLine: 1, endColumn: length + 1 }
}

interface Step {
  id?: string | undefined
  uses: string
  /** The `uses: …` pair, as offsets into the text. */
  range: [number, number]
}

/**
 * The step that runs this action: the one whose `id` is GITHUB_ACTION (set when the step has an
 * id), else the first whose `uses` names GITHUB_ACTION_REPOSITORY (for a local action, which has
 * none, the first `uses: ./…`), in the job GITHUB_JOB when that is set. GitHub's generated names
 * for steps without an id are not documented consistently, so a job that uses the action twice
 * should give its steps ids to have each alert on its own step.
 */
export function findStep(text: string, context: RunnerContext): Region | undefined {
  const lines = new LineCounter()
  let doc
  try {
    doc = parseDocument(text, { lineCounter: lines })
  } catch {
    return undefined
  }
  if (doc.errors.length > 0) return undefined
  const steps = stepsOf(doc.contents, context.job?.trim() || undefined)
  const action = context.action?.trim()
  const repository = context.actionRepository?.trim().toLowerCase()
  const step =
    steps.find(s => action !== undefined && s.id === action) ??
    steps.find(s => {
      const uses = s.uses.toLowerCase()
      if (!repository) return uses.startsWith('./')
      const name = uses.split('@')[0] ?? ''
      return name === repository || name.startsWith(`${repository}/`)
    })
  if (!step) return undefined
  const start = lines.linePos(step.range[0])
  const end = lines.linePos(step.range[1])
  return { startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: end.col }
}

function stepsOf(contents: Node | null, job: string | undefined): Step[] {
  if (!isMap(contents)) return []
  const jobs = contents.get('jobs', true)
  if (!isMap(jobs)) return []
  const steps: Step[] = []
  for (const pair of jobs.items) {
    const jobId = isScalar(pair.key) ? String(pair.key.value) : undefined
    if (job !== undefined && jobId !== job) continue
    if (!isMap(pair.value)) continue
    const list = pair.value.get('steps', true)
    if (!isSeq(list)) continue
    for (const item of list.items) {
      if (!isMap(item)) continue
      const usesPair = item.items.find(p => isScalar(p.key) && p.key.value === 'uses')
      if (!usesPair || !isScalar(usesPair.key) || !isScalar(usesPair.value)) continue
      const id = item.get('id')
      const keyRange = usesPair.key.range
      const valueRange = usesPair.value.range
      if (!keyRange || !valueRange) continue
      steps.push({
        id: typeof id === 'string' ? id : undefined,
        uses: String(usesPair.value.value),
        range: [keyRange[0], valueRange[1]]
      })
    }
  }
  return steps
}
