import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Simulator } from '../../test/simulator/index.js'

export const DIST_ENTRY = resolve('dist/index.js')

/** Inputs that match the simulator's default scenario, signing in with a client secret. */
export function defaultInputs(sim: Simulator): Record<string, string> {
  const s = sim.state
  return {
    mode: 'setup',
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
    'wait-timeout-seconds': '60'
  }
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  report?: Record<string, unknown>
  /** Everything the run printed or wrote, for leak sweeps. */
  everything: string
}

export interface RunOptions {
  /** Extra environment, applied after the simulator's. */
  env?: Record<string, string>
  /** Write the JSON report and parse it into `report`. */
  withReport?: boolean
  /** Run a different entry, e.g. the CLI. */
  entry?: string[]
}

/**
 * Runs the bundled action the way the runner does: a child process with `INPUT_*`,
 * `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`. Asynchronous, because the simulator lives
 * in this process and must keep answering while the child runs.
 */
export async function runAction(
  sim: Simulator | undefined,
  inputs: Record<string, string | undefined>,
  options: RunOptions = {}
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-e2e-'))
  try {
    const outputFile = join(dir, 'output')
    const summaryFile = join(dir, 'summary')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    const reportFile = join(dir, 'report.json')
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTIONS: 'true',
      ...(sim ? sim.childEnv() : {}),
      ...options.env
    }
    for (const [name, value] of Object.entries(inputs)) {
      if (value !== undefined) env[`INPUT_${name.toUpperCase()}`] = value
    }
    if (options.withReport) env['INPUT_REPORT-FILE'] = reportFile
    const { exitCode, stdout, stderr } = await spawnNode(options.entry ?? [DIST_ENTRY], env, dir)
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
    const summary = readFileSync(summaryFile, 'utf8')
    const reportText = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : undefined
    return {
      exitCode,
      stdout,
      stderr,
      outputs,
      summary,
      report: reportText ? (JSON.parse(reportText) as Record<string, unknown>) : undefined,
      everything: [stdout, stderr, summary, JSON.stringify(outputs), reportText ?? ''].join('\n')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function spawnNode(
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

/** Parses the runner's `name<<delimiter` output file format. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
      continue
    }
    const simple = /^([^=]+)=(.*)$/.exec(lines[i])
    if (simple) outputs[simple[1]] = simple[2]
  }
  return outputs
}

/** Requests other than token requests that could change something. */
export function writesOf(sim: Simulator): string[] {
  return sim.requests
    .filter(r => r.method !== 'GET' && r.method !== 'HEAD')
    .filter(r => !isTokenRequest(r.service, r.path))
    .map(r => `${r.method} ${r.service} ${r.path}`)
}

function isTokenRequest(service: string, path: string): boolean {
  return (
    (service === 'entra' && /\/oauth2\/v2\.0\/token$/.test(path.split('?')[0])) ||
    (service === 'ims' && path.startsWith('/ims/token')) ||
    service === 'github'
  )
}

/** Secrets and tokens found in a text, reported by a short prefix so a failure leaks nothing. */
export function leakedSecrets(sim: Simulator, text: string): string[] {
  return sim
    .secrets()
    .filter(secret => secret.length >= 8 && text.includes(secret))
    .map(secret => `${secret.slice(0, 4)}…`)
}
