/**
 * Runs the committed bundle (`dist/index.js`) as a child process the way the Actions runner
 * does: `INPUT_*`, `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` (files in a temporary directory),
 * plus the simulator's environment. Shared by the end-to-end tests, `npm run demo` and
 * `npm run bench`.
 */
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  lstatSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseOutputFile } from './output-file.js'
import { assertValidReport } from './report-schema.js'
import { RETRY_SCALE_ENV } from '../src/inputs/tuning.js'
import {
  makeScenario,
  type RecordedRequest,
  type Scenario,
  type Simulator
} from './simulator/index.js'

export { parseOutputFile }

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js')

/** Inputs that match the simulator's default scenario, signing in with a client secret. */
export function defaultInputs(sim: Simulator, mode = 'setup'): Record<string, string> {
  const s = sim.state
  return {
    mode,
    'key-vault-name': s.vault?.name ?? 'kv-aep-cmk-prod',
    'key-name': s.key?.name ?? 'aep-cmk-key',
    'azure-subscription-id': s.subscriptionId,
    'azure-resource-group': s.resourceGroup,
    'azure-auth': 'secret',
    'azure-tenant-id': s.tenantId,
    'azure-client-id': s.azure.clientId,
    'azure-client-secret': s.azure.clientSecret,
    'adobe-org-id': s.adobe.orgId,
    'adobe-client-id': s.adobe.clientId,
    'adobe-client-secret': s.adobe.clientSecret,
    'poll-interval-seconds': '1',
    'wait-timeout-seconds': '60',
    // The runner always passes the input's default, ${{ github.token }}.
    'github-token': s.githubApi.token
  }
}

/** Where the runner environment says the workflow file is, relative to the workspace. */
export const WORKFLOW_PATH = '.github/workflows/aep-cmk-compliance.yml'
export const RUN_ID = '8123456789'
export const ACTION_REPOSITORY = 'adobe/aep-cmk-azure-action'

/**
 * The variables the Actions runner sets for a step that runs this action, for the simulator's
 * repository: GitHub API and server URLs, repository, run, job, step, and the workflow file.
 */
export function runnerEnv(sim: Simulator | undefined, workspace: string): Record<string, string> {
  const repository = sim?.state.github.repository ?? 'octo-org/aep-infra'
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: repository,
    GITHUB_WORKFLOW_REF: `${repository}/${WORKFLOW_PATH}@refs/heads/main`,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'compliance',
    GITHUB_ACTION: '__adobe_aep-cmk-azure-action',
    GITHUB_ACTION_REPOSITORY: ACTION_REPOSITORY,
    ...(sim ? { GITHUB_API_URL: sim.urls.githubApi, GITHUB_SERVER_URL: sim.urls.github } : {})
  }
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  report?: Record<string, unknown> | undefined
  /** The SARIF file, parsed, when `withSarif` was asked and the run wrote one. */
  sarif?: Record<string, unknown> | undefined
  /** Everything the run printed or wrote, for leak sweeps. */
  everything: string
  /** Date.now() just before the child was spawned, and when it closed. */
  spawnedAt: number
  closedAt: number
}

export interface RunOptions {
  /** Extra environment, applied after the simulator's. */
  env?: Record<string, string> | undefined
  /** Write the JSON report and parse it into `report`. */
  withReport?: boolean | undefined
  /** Run a different entry, e.g. the CLI. */
  entry?: string[] | undefined
  /** Write the SARIF file and parse it into `sarif`. */
  withSarif?: boolean | undefined
  /** Text of the workflow file, placed in the workspace at WORKFLOW_PATH (checked out). */
  workflow?: string | undefined
  /**
   * The workspace (GITHUB_WORKSPACE and the working directory) to run in, kept afterwards; by
   * default a temporary directory of the run's own. Relative report-file and sarif-file inputs
   * land there.
   */
  workspace?: string | undefined
}

/**
 * Asynchronous, because the simulator usually lives in the calling process and must keep
 * answering while the child runs.
 */
export async function runAction(
  sim: Simulator | undefined,
  inputs: Record<string, string | undefined>,
  options: RunOptions = {}
): Promise<ActionRun> {
  if (!existsSync(DIST_ENTRY))
    throw new Error(`${DIST_ENTRY} is missing: the committed bundle is needed (npm run bundle)`)
  const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-run-'))
  try {
    const outputFile = join(dir, 'output')
    const summaryFile = join(dir, 'summary')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    const reportFile = join(dir, 'report.json')
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      ...compileCache(),
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTIONS: 'true',
      // The action's own waits (backoff, polling, lost-write read-back) at a tenth, so that the
      // tests do not wait in real time; a service's Retry-After and wait-timeout-seconds stay.
      [RETRY_SCALE_ENV]: '0.1',
      ...runnerEnv(sim, options.workspace ?? dir),
      ...(sim ? sim.childEnv() : {}),
      ...options.env
    }
    for (const [name, value] of Object.entries(inputs)) {
      if (value !== undefined) env[`INPUT_${name.toUpperCase()}`] = value
    }
    if (options.withReport) env['INPUT_REPORT-FILE'] = reportFile
    const sarifFile = join(dir, 'results', 'aep-cmk.sarif')
    if (options.withSarif) env['INPUT_SARIF-FILE'] = sarifFile
    const workspace = options.workspace ?? dir
    if (options.workflow !== undefined) {
      mkdirSync(join(workspace, '.github', 'workflows'), { recursive: true })
      writeFileSync(join(workspace, WORKFLOW_PATH), options.workflow)
    }
    const spawnedAt = Date.now()
    const { exitCode, stdout, stderr } = await spawnNode(
      options.entry ?? [DIST_ENTRY],
      env,
      workspace
    )
    const closedAt = Date.now()
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
    const summary = readFileSync(summaryFile, 'utf8')
    // The report the run wrote: ours, or wherever its report-file input put it (a regular file
    // only: a test may name a named pipe there).
    const reportPath = options.withReport
      ? reportFile
      : inputs['report-file']
        ? resolve(workspace, inputs['report-file'])
        : undefined
    // A symbolic link there is one the action refused to write through: not its report.
    const reportText =
      reportPath && existsSync(reportPath) && lstatSync(reportPath).isFile()
        ? readFileSync(reportPath, 'utf8')
        : undefined
    const sarifText = existsSync(sarifFile) ? readFileSync(sarifFile, 'utf8') : undefined
    const report = reportText ? (JSON.parse(reportText) as Record<string, unknown>) : undefined
    // Every report the suite reads is held to the report's JSON Schema.
    if (report) assertValidReport(report, `report-file of ${inputs.mode ?? 'setup'}`)
    return {
      exitCode,
      stdout,
      stderr,
      outputs,
      summary,
      report,
      sarif: sarifText ? (JSON.parse(sarifText) as Record<string, unknown>) : undefined,
      everything: [
        stdout,
        stderr,
        summary,
        JSON.stringify(outputs),
        reportText ?? '',
        sarifText ?? ''
      ].join('\n'),
      spawnedAt,
      closedAt
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Under jest, Node 22+ keeps the bundle's compiled code between the suite's hundreds of runs.
 * The demo and the bench start the bundle cold, as a runner does.
 */
function compileCache(): Record<string, string> {
  if (process.env.JEST_WORKER_ID === undefined) return {}
  return {
    NODE_COMPILE_CACHE:
      process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'aep-cmk-test-compile-cache')
  }
}

/** Runs `node <args>` and collects its output; killed after two minutes. */
export function spawnNode(
  args: string[],
  env: Record<string, string>,
  cwd: string
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk))
    const killer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(killer)
      resolvePromise({ exitCode: code ?? -1, stdout, stderr })
    })
  })
}

/** Token requests: Entra token endpoint, IMS token endpoint, GitHub ID tokens. */
export function isTokenRequest(r: Pick<RecordedRequest, 'service' | 'path'>): boolean {
  return (
    (r.service === 'entra' && /\/oauth2\/v2\.0\/token$/.test(r.path)) ||
    (r.service === 'ims' && r.path.startsWith('/ims/token')) ||
    r.service === 'github'
  )
}

/** Requests other than token requests that could change something, as "METHOD service path". */
export function writesOf(source: Simulator | RecordedRequest[]): string[] {
  const requests = Array.isArray(source) ? source : source.requests
  return requests
    .filter(r => r.method !== 'GET' && r.method !== 'HEAD' && !isTokenRequest(r))
    .map(r => `${r.method} ${r.service} ${r.path}`)
}

/** Secrets and tokens found in a text, reported by a short prefix so a failure leaks nothing. */
export function leakedSecrets(sim: Simulator, text: string): string[] {
  return sim
    .secrets()
    .filter(secret => secret.length >= 8 && text.includes(secret))
    .map(secret => `${secret.slice(0, 4)}…`)
}

/** Puts a simulator shared by a test file back to a fresh scenario: state, log, faults, counters. */
export function resetSimulator(sim: Simulator, overrides: Partial<Scenario> = {}): void {
  sim.state = makeScenario(overrides)
  sim.clearRequests()
  sim.clearFaults()
  for (const counter of Object.keys(sim.counters) as Array<keyof typeof sim.counters>) {
    sim.counters[counter] = 0
  }
}
