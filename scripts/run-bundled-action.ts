/**
 * Shared by `npm run demo` and `npm run bench`: runs the committed bundle (`dist/index.js`) as a
 * child process the way the Actions runner does, against the simulator, without rebuilding it.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RecordedRequest, Simulator } from '../test/simulator/index.js'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js')

/** Inputs that match the simulator's default scenario, signing in with a client secret. */
export function scenarioInputs(sim: Simulator, mode: string): Record<string, string> {
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
    'wait-timeout-seconds': '60'
  }
}

export interface BundledRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Date.now() just before the child was spawned, and when it closed. */
  spawnedAt: number
  closedAt: number
}

/**
 * Spawns `node dist/index.js` with `INPUT_*`, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY` (files in a
 * temporary directory) and `sim.childEnv()`. Asynchronous: the simulator lives in this process
 * and must keep answering while the child runs.
 */
export async function runBundledAction(
  sim: Simulator,
  inputs: Record<string, string>
): Promise<BundledRun> {
  if (!existsSync(DIST_ENTRY))
    throw new Error(`${DIST_ENTRY} is missing: the committed bundle is needed (npm run bundle)`)
  const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-run-'))
  try {
    const outputFile = join(dir, 'output')
    const summaryFile = join(dir, 'summary')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTIONS: 'true',
      ...sim.childEnv()
    }
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
    const spawnedAt = Date.now()
    const { exitCode, stdout, stderr } = await spawnNode([DIST_ENTRY], env, dir)
    const closedAt = Date.now()
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      spawnedAt,
      closedAt
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

/** Parses the runner's output file: `name=value` lines and `name<<delimiter` blocks. */
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

/** Token requests: Entra token endpoint, IMS token endpoint, GitHub ID tokens. */
export function isTokenRequest(r: Pick<RecordedRequest, 'service' | 'path'>): boolean {
  return (
    (r.service === 'entra' && /\/oauth2\/v2\.0\/token$/.test(r.path)) ||
    (r.service === 'ims' && r.path.startsWith('/ims/token')) ||
    r.service === 'github'
  )
}

/** Requests other than token requests that could change something. */
export function writesOf(requests: RecordedRequest[]): string[] {
  return requests
    .filter(r => r.method !== 'GET' && r.method !== 'HEAD' && !isTokenRequest(r))
    .map(r => `${r.method} ${r.service} ${r.path}`)
}
