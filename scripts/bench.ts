/**
 * `npm run bench`: how the committed bundle's wall time grows with service latency.
 *
 * Runs `node dist/index.js` against the simulator in `validate` and `setup` (registration present,
 * configuration completing after three status polls: NEW, RUNNING, UPDATE_EXISTING_RESOURCES,
 * COMPLETED) at a per-request latency of 0 ms and 150 ms, N runs each, and prints medians: wall
 * time, requests (and token requests), the longest chain of dependent requests, the time from
 * spawn to the first request, the bundle size. Checks that no token is fetched twice for one
 * audience and no fact is read twice. Latency targets (issue 21, "Cost per target"):
 * wall(L=150) - wall(L=0) <= 4.0 x L for validate and <= 8.5 x L for setup with its three polls.
 *
 * Also `mode: summarize` over 1,000 and 10,000 reports (scripts/bench-summarize.ts);
 * `--only summarize` runs just those rows, `--only latency` just the validate and setup rows.
 *
 * Flags: --runs N (default 5), --json PATH (default bench-results.json at the repo root),
 * --peer PATH (another action's bundle, e.g. a checkout of aws-actions/configure-aws-credentials'
 * dist/index.js: started with no inputs beside ours, in the same runs, so that the two refusals
 * are compared on the same machine load).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  CONFIG_PATH,
  CONFIG_SEQUENCES,
  cmkAppVaultRole,
  defaultVault,
  REGISTRATION_PATH,
  makeScenario,
  startSimulator,
  type RecordedRequest,
  type Simulator
} from '../test/simulator/index.js'
import { RETRY_SCALE_ENV } from '../src/inputs/tuning.js'
import { benchSummarize } from './bench-summarize.js'
import {
  DIST_ENTRY,
  REPO_ROOT,
  isTokenRequest,
  runAction,
  defaultInputs,
  spawnNode,
  writesOf
} from '../test/run-action.js'

const MODES = ['validate', 'setup'] as const
type Mode = (typeof MODES)[number]
/** The per-request latency the targets are read at. */
const L_MS = 150
const LATENCIES = [0, L_MS] as const
/** The latency target: wall(L) - wall(0) may be at most this many times L. */
const TARGET_FACTOR: Record<Mode, number> = { validate: 4.0, setup: 8.5 }
/** Configuration status reads setup makes before COMPLETED: the "normal" sequence's three. */
const SETUP_POLLS = CONFIG_SEQUENCES.normal.length - 1
/** Services whose GETs read facts; a repeat outside polling is a wasted round trip. */
const FACT_SERVICES = new Set(['arm', 'graph', 'keyvault', 'platform'])
const CONFIG_PATH_PREFIX = `${CONFIG_PATH}/`

interface Options {
  runs: number
  json: string
  /** Another action's bundle, to refuse its missing inputs beside ours in the same runs. */
  peer?: string | undefined
  /** `summarize`: only the fleet rows; `latency`: only the validate and setup rows. */
  only?: string | undefined
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '5' },
      json: { type: 'string' },
      peer: { type: 'string' },
      only: { type: 'string' }
    }
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer')
  const peer = values.peer ? resolve(values.peer) : undefined
  if (peer && !existsSync(peer)) throw new Error(`--peer ${peer}: no such file`)
  return {
    runs,
    json: values.json ? resolve(values.json) : join(REPO_ROOT, 'bench-results.json'),
    peer,
    only: values.only
  }
}

/** One recorded request with its times relative to the spawn of the action's process. */
interface TimedRequest {
  label: string
  service: string
  method: string
  path: string
  status: number
  token: boolean
  scope?: string | undefined
  /** ms after spawn: arrival at the simulator, answer sent (undefined if never answered). */
  at: number
  answeredAt?: number | undefined
  /** Round trip it waited in: see withDepths. */
  depth?: number | undefined
}

interface RunMeasure {
  wallMs: number
  requests: number
  tokenRequests: number
  firstRequestMs: number
  /** Greatest depth: the longest chain of dependent requests. */
  chain: number
  /** The requests in arrival order, with depths. */
  log: TimedRequest[]
  problems: string[]
}

/** Method, service and path: the query only carries api versions and per-request ids. */
function label(r: RecordedRequest): string {
  return `${r.method} ${r.service} ${r.path}`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2)
}

/**
 * Gives each request its depth: the length of the longest chain of requests ending with it in
 * which each one arrived only after the previous one was answered. At a latency well above the
 * action's own processing time, the greatest depth is the number of round trips the run had to
 * wait for one after the other, and requests of equal depth were in flight together.
 */
function withDepths(log: TimedRequest[]): TimedRequest[] {
  const sorted = [...log].sort((a, b) => a.at - b.at)
  const depths: number[] = []
  return sorted.map((r, j) => {
    let depth = 1
    for (let i = 0; i < j; i++) {
      const answered = sorted[i]!.answeredAt
      if (answered !== undefined && answered <= r.at) depth = Math.max(depth, depths[i]! + 1)
    }
    depths.push(depth)
    return { ...r, depth }
  })
}

/** Same method+path requested more than once, apart from polling and Key Vault's challenge. */
function repeats(mode: Mode, log: TimedRequest[]): { fact: string[]; auth: string[] } {
  const byLabel = new Map<string, TimedRequest[]>()
  for (const r of log) if (!r.token) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r])
  const fact: string[] = []
  const auth: string[] = []
  for (const [key, group] of byLabel) {
    if (group.length < 2) continue
    const first = group[0]!
    const polled =
      mode === 'setup' &&
      first.method === 'GET' &&
      first.service === 'platform' &&
      (first.path === REGISTRATION_PATH || first.path.startsWith(CONFIG_PATH_PREFIX))
    // Key Vault's first request goes without a token by design; its 401 names the audience.
    const challenged =
      first.service === 'keyvault' &&
      group.length === 2 &&
      first.status === 401 &&
      group[1]!.status !== 401
    if (polled || challenged) continue
    const entry = `${key} x${group.length}`
    if (FACT_SERVICES.has(first.service)) fact.push(entry)
    else auth.push(entry)
  }
  return { fact, auth }
}

function tokenRepeats(log: TimedRequest[]): string[] {
  const counts = new Map<string, number>()
  for (const r of log)
    if (r.token) {
      const key = r.service === 'entra' ? `entra scope=${r.scope ?? '?'}` : `${r.service} ${r.path}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`)
}

async function measureRun(
  sim: Simulator,
  answeredAt: (r: RecordedRequest) => number | undefined,
  mode: Mode,
  latencyMs: number
): Promise<RunMeasure & { tokenDupes: string[]; factDupes: string[]; authDupes: string[] }> {
  sim.state = makeScenario({ configStatusSequence: [...CONFIG_SEQUENCES.normal], latencyMs })
  sim.clearFaults()
  sim.clearRequests()
  const submissionsBefore = sim.counters.configSubmissions
  // The real waits, as on a runner: setup's one status read comes after poll-interval-seconds.
  const run = await runAction(sim, defaultInputs(sim, mode), { env: { [RETRY_SCALE_ENV]: '1' } })
  const records = [...sim.requests]
  const log: TimedRequest[] = records.map(r => {
    const answered = answeredAt(r)
    return {
      label: label(r),
      service: r.service,
      method: r.method,
      path: r.path,
      status: r.status,
      token: isTokenRequest(r),
      scope:
        r.service === 'entra' && r.method === 'POST'
          ? (new URLSearchParams(r.body).get('scope') ?? undefined)
          : undefined,
      at: r.at - run.spawnedAt,
      answeredAt: answered === undefined ? undefined : answered - run.spawnedAt
    }
  })
  const problems: string[] = []
  if (run.exitCode !== 0 || run.outputs.result !== 'pass')
    problems.push(
      `${mode} L=${latencyMs}: exit ${run.exitCode}, result ${run.outputs.result}, ` +
        `failed checks ${run.outputs['failed-checks'] || '-'}\n${run.stdout}${run.stderr}`
    )
  const submissions = sim.counters.configSubmissions - submissionsBefore
  const writes = writesOf(records)
  if (mode === 'validate' && writes.length > 0)
    problems.push(`validate L=${latencyMs} wrote: ${writes.join('; ')}`)
  if (mode === 'setup' && submissions !== 1)
    problems.push(`setup L=${latencyMs}: ${submissions} configuration submissions, expected 1`)
  const submittedAt = records.find(
    r => r.service === 'platform' && r.method === 'POST' && r.path === CONFIG_PATH
  )?.at
  const polls = records.filter(
    r =>
      submittedAt !== undefined &&
      r.at > submittedAt &&
      r.service === 'platform' &&
      r.method === 'GET' &&
      r.path.startsWith(CONFIG_PATH_PREFIX)
  ).length
  if (mode === 'setup' && polls !== SETUP_POLLS)
    problems.push(
      `setup L=${latencyMs}: ${polls} configuration status reads, expected ${SETUP_POLLS}`
    )
  const { fact, auth } = repeats(mode, log)
  const timeline = withDepths(log)
  return {
    wallMs: run.closedAt - run.spawnedAt,
    requests: log.length,
    tokenRequests: log.filter(r => r.token).length,
    firstRequestMs: log.length ? Math.min(...log.map(r => r.at)) : NaN,
    chain: Math.max(0, ...timeline.map(r => r.depth ?? 0)),
    log: timeline,
    problems,
    tokenDupes: tokenRepeats(log),
    factDupes: fact,
    authDupes: auth
  }
}

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map(row => row.map(String))]
  const widths = header.map((_, c) => Math.max(...cells.map(row => row[c]!.length)))
  const line = (row: string[]) =>
    `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`
  return [
    line(cells[0]!),
    `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...cells.slice(1).map(line)
  ].join('\n')
}

function distSizes(): { indexJsBytes: number; distJsBytes: number } {
  const dist = join(REPO_ROOT, 'dist')
  const distJsBytes = readdirSync(dist)
    .filter(name => name.endsWith('.js'))
    .reduce((sum, name) => sum + statSync(join(dist, name)).size, 0)
  return { indexJsBytes: statSync(DIST_ENTRY).size, distJsBytes }
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT })
      .toString()
      .trim()
  } catch {
    return undefined
  }
}

function describeTimeline(log: TimedRequest[]): string {
  return log
    .map(
      r =>
        `  ${String(r.depth).padStart(5)}  +${String(r.at).padStart(5)} → ` +
        `+${String(r.answeredAt ?? '?').padStart(5)}  ${r.status} ${r.label}` +
        (r.scope ? `  (scope ${r.scope})` : '')
    )
    .join('\n')
}

/** ARM requests that look for or read the vault. */
function isVaultLookup(r: RecordedRequest): boolean {
  return (
    r.service === 'arm' &&
    !/Microsoft\.Authorization/i.test(r.path) &&
    (/\/resources$/.test(r.path) || /Microsoft\.KeyVault\/(vaults|managedHSMs)/i.test(r.path))
  )
}

/**
 * Requests and wall time to find the vault without azure-resource-group, in a
 * subscription of `vaults` vaults (ARM pages the Key Vault listing by 25), by the filtered
 * resources query and, when that lags, by the provider listing it falls back to.
 */
async function measureDiscovery(
  sim: Simulator,
  vaults: number,
  lagging: boolean,
  latencyMs: number
): Promise<{ requests: number; findMs: number; wallMs: number }> {
  const others = Array.from({ length: vaults - 1 }, (_, i) => ({
    ...defaultVault(`kv-team-${String(i).padStart(4, '0')}`),
    resourceGroup: `rg-team-${i % 40}`
  }))
  // The simulator lists the scenario's vault last: the provider listing pages to reach it.
  sim.state = makeScenario({ otherVaults: others, latencyMs })
  sim.state.roleAssignments = cmkAppVaultRole(sim.state)
  if (lagging) sim.state.notYetListed = ['kv-aep-cmk-prod']
  sim.clearRequests()
  const run = await runAction(sim, {
    ...defaultInputs(sim, 'validate'),
    'azure-resource-group': ''
  })
  const lookups = sim.requests.filter(isVaultLookup)
  const first = Math.min(...lookups.map(r => r.at))
  const last = Math.max(...lookups.map(r => r.answeredAt ?? r.at))
  if (run.outputs.result !== 'pass')
    throw new Error(`discovery run at ${vaults} vaults failed: ${run.stdout}`)
  return { requests: lookups.length, findMs: last - first, wallMs: run.closedAt - run.spawnedAt }
}

async function discoveryRows(sim: Simulator, runs: number): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = []
  for (const vaults of [1, 1500])
    for (const lagging of [false, true]) {
      const measured = []
      for (let i = 0; i < runs; i++) measured.push(await measureDiscovery(sim, vaults, lagging, 20))
      rows.push({
        vaults,
        path: lagging ? 'fallback: provider listing' : 'filtered resources query',
        latencyMs: 20,
        requests: median(measured.map(m => m.requests)),
        findMsMedian: median(measured.map(m => m.findMs)),
        wallMsMedian: median(measured.map(m => m.wallMs))
      })
    }
  return rows
}

/** GNU time, when the machine has it: the only portable way to read a child's peak memory. */
const GNU_TIME = '/usr/bin/time'

interface StartupMeasure {
  bareMs: number
  badInputMs: number
  bareKiB?: number | undefined
  badInputKiB?: number | undefined
  peerMs?: number | undefined
  peerKiB?: number | undefined
}

/** Peak memory (KiB) of one run, from GNU time's line on stderr. */
function peakKiB(args: string[], env: Record<string, string>, cwd: string): number | undefined {
  if (!existsSync(GNU_TIME)) return undefined
  const { stderr } = spawnSync(GNU_TIME, ['-f', 'peak-kib %M', process.execPath, ...args], {
    env,
    cwd,
    encoding: 'utf8'
  })
  const match = /peak-kib (\d+)\s*$/.exec(stderr)
  return match ? Number(match[1]) : undefined
}

/**
 * `node -e 0` against the bundle refusing a bad input (no inputs at all: the
 * required ones are missing), alternating so that both see the same machine load; medians of
 * wall time, and peak memory from one run of each under GNU time when it is there.
 */
async function measureStartup(runs: number, peer?: string): Promise<StartupMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-bench-'))
  const env = { PATH: process.env.PATH ?? '', HOME: dir }
  const bare = ['-e', '0']
  const badInput = [DIST_ENTRY]
  const wall = async (args: string[]): Promise<number> => {
    const started = performance.now()
    await spawnNode(args, env, dir)
    return Math.round(performance.now() - started)
  }
  try {
    await wall(badInput) // warm the file cache
    const bareMs: number[] = []
    const badInputMs: number[] = []
    const peerMs: number[] = []
    for (let i = 0; i < runs * 2; i++) {
      bareMs.push(await wall(bare))
      badInputMs.push(await wall(badInput))
      if (peer) peerMs.push(await wall([peer]))
    }
    return {
      bareMs: median(bareMs),
      badInputMs: median(badInputMs),
      bareKiB: peakKiB(bare, env, dir),
      badInputKiB: peakKiB(badInput, env, dir),
      ...(peer ? { peerMs: median(peerMs), peerKiB: peakKiB([peer], env, dir) } : {})
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function printStartup(startup: StartupMeasure, idleStartMs: number, peer?: string): void {
  const ratio = (ms: number) => (ms / startup.bareMs).toFixed(2)
  const mib = (kib: number | undefined) => (kib === undefined ? '-' : (kib / 1024).toFixed(1))
  console.log(
    '\nStart-up against bare node, measured in this run (targets: bad input <= 2.0x, peak < 67 MiB):'
  )
  console.log(
    table(
      ['run', 'wall ms (median)', 'x node -e 0', 'peak MiB'],
      [
        ['node -e 0', startup.bareMs, '1.00', mib(startup.bareKiB)],
        [
          'bad input: exit 1 before any request',
          startup.badInputMs,
          ratio(startup.badInputMs),
          mib(startup.badInputKiB)
        ],
        ['idle start: spawn to first request (validate)', idleStartMs, ratio(idleStartMs), '-'],
        ...(startup.peerMs === undefined
          ? []
          : [
              [
                `peer, missing inputs: ${peer ?? ''}`,
                startup.peerMs,
                ratio(startup.peerMs),
                mib(startup.peerKiB)
              ]
            ])
      ]
    )
  )
}

function printDiscovery(discovery: Record<string, unknown>[]): void {
  console.log('\nFinding the vault without azure-resource-group (validate, 20 ms per request):')
  console.log(
    table(
      ['vaults', 'path', 'vault look-up requests', 'look-up ms (median)', 'wall ms (median)'],
      discovery.map(r => [
        Number(r.vaults),
        String(r.path),
        Number(r.requests),
        Number(r.findMsMedian),
        Number(r.wallMsMedian)
      ])
    )
  )
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2))
  const latencyOnly = options.only === 'latency'
  // Whole-process runs of a few seconds each: three are enough for a median.
  const summarize = latencyOnly ? undefined : await benchSummarize(Math.min(options.runs, 3))
  if (options.only === 'summarize') {
    writeFileSync(
      options.json,
      `${JSON.stringify({ generatedAt: new Date().toISOString(), commit: gitCommit(), node: process.version, summarize }, null, 2)}\n`
    )
    console.log(`\nWrote ${options.json}`)
    return
  }
  const sizes = distSizes()
  const sim = await startSimulator()
  const answeredAt = (r: RecordedRequest): number | undefined => r.answeredAt
  const problems: string[] = []
  const rows: Record<string, unknown>[] = []
  const medianWall: Record<string, number> = {}
  const chainAtL: Partial<Record<Mode, { length: number; example: TimedRequest[] }>> = {}
  const dupes = { token: new Set<string>(), fact: new Set<string>(), auth: new Set<string>() }
  let discovery: Record<string, unknown>[] = []
  let startup: StartupMeasure | undefined
  try {
    console.log(
      `Bench: ${options.runs} run(s) per mode and latency, node ${process.version}, ` +
        `bundle ${DIST_ENTRY} (not rebuilt)`
    )
    if (!latencyOnly) startup = await measureStartup(options.runs, options.peer)
    // Warm the file cache and the simulator's TLS session handling; not measured.
    await measureRun(sim, answeredAt, 'validate', 0)
    if (!latencyOnly) discovery = await discoveryRows(sim, options.runs)
    for (const mode of MODES) {
      for (const latencyMs of LATENCIES) {
        const runs = []
        for (let i = 0; i < options.runs; i++) {
          const run = await measureRun(sim, answeredAt, mode, latencyMs)
          problems.push(...run.problems)
          run.tokenDupes.forEach(d => dupes.token.add(`${mode}: ${d}`))
          run.factDupes.forEach(d => dupes.fact.add(`${mode}: ${d}`))
          run.authDupes.forEach(d => dupes.auth.add(`${mode}: ${d}`))
          runs.push(run)
          process.stdout.write('.')
        }
        const wall = median(runs.map(r => r.wallMs))
        medianWall[`${mode}@${latencyMs}`] = wall
        const chainLengths = runs.map(r => r.chain)
        if (latencyMs === L_MS) {
          const typical = runs.find(r => r.chain === median(chainLengths)) ?? runs[0]!
          chainAtL[mode] = { length: median(chainLengths), example: typical.log }
        }
        rows.push({
          mode,
          latencyMs,
          runs: runs.length,
          wallMsMedian: wall,
          wallMsAll: runs.map(r => r.wallMs),
          requestsMedian: median(runs.map(r => r.requests)),
          tokenRequestsMedian: median(runs.map(r => r.tokenRequests)),
          // Without latency every request follows the previous one's answer: no chain to read.
          longestChainMedian: latencyMs > 0 ? median(chainLengths) : null,
          firstRequestMsMedian: median(runs.map(r => r.firstRequestMs)),
          afterFirstRequestMsMedian: median(runs.map(r => r.wallMs - r.firstRequestMs))
        })
      }
    }
  } finally {
    await sim.close()
  }
  console.log('\n')

  const targets = MODES.map(mode => {
    const L = L_MS
    const deltaMs = medianWall[`${mode}@${L}`]! - medianWall[`${mode}@0`]!
    const limitMs = TARGET_FACTOR[mode] * L
    return {
      mode,
      latencyMs: L,
      deltaMs,
      chainEstimate: Math.round(deltaMs / L),
      /** Δwall as a multiple of L: the figure the targets are stated in. */
      multipleOfL: Number((deltaMs / L).toFixed(2)),
      chainMeasured: chainAtL[mode]?.length,
      targetFactor: TARGET_FACTOR[mode],
      limitMs,
      met: deltaMs <= limitMs
    }
  })
  const estimate = (mode: string, L: number) =>
    L === L_MS ? String(targets.find(t => t.mode === mode)?.chainEstimate ?? '') : ''

  console.log(
    table(
      [
        'mode',
        'L ms',
        'wall ms (median)',
        'requests (tokens)',
        'chain measured',
        'chain est. (Δwall/L)',
        'first request ms',
        'wall after it ms'
      ],
      rows.map(r => [
        String(r.mode),
        Number(r.latencyMs),
        Number(r.wallMsMedian),
        `${String(r.requestsMedian)} (${String(r.tokenRequestsMedian)})`,
        r.latencyMs === L_MS ? Number(r.longestChainMedian) : '-',
        estimate(String(r.mode), Number(r.latencyMs)),
        Number(r.firstRequestMsMedian),
        Number(r.afterFirstRequestMsMedian)
      ])
    )
  )
  const idleStartMs = Number(
    rows.find(r => r.mode === 'validate' && r.latencyMs === 0)?.firstRequestMsMedian
  )
  if (startup) printStartup(startup, idleStartMs, options.peer)
  if (discovery.length > 0) printDiscovery(discovery)
  console.log(
    `\nBundle: dist/index.js ${sizes.indexJsBytes} bytes, dist/*.js ${sizes.distJsBytes} bytes`
  )
  console.log(
    [
      `chain measured: longest run of requests each sent after the previous one was answered (L=${L_MS}).`,
      'first request: spawn to the first request the simulator saw (node start, bundle load, inputs).',
      'wall after it: wall time minus that, the part latency acts on.'
    ].join('\n')
  )

  console.log(
    `\nLatency targets: wall(L=${L_MS}) - wall(L=0) <= factor x L (setup: ${SETUP_POLLS} polls)`
  )
  for (const t of targets)
    console.log(
      `  ${t.met ? 'PASS' : 'MISS'}  ${t.mode.padEnd(8)} Δwall ${t.deltaMs} ms = ` +
        `${t.multipleOfL.toFixed(2)} x L <= ${t.targetFactor.toFixed(1)} x L (${t.limitMs} ms); ` +
        `${t.chainMeasured} dependent round trips measured`
    )
  const missed = targets.filter(t => !t.met).map(t => t.mode)
  // Found 2026-12-08: the simulator's Entra (login.localhost) is not one MSAL knows, so every
  // run first reads its OpenID configuration. For login.microsoftonline.com (and the US, China
  // and sovereign clouds) msal-common has the endpoints built in (AuthorityMetadata.mjs,
  // updateEndpointMetadataFromLocalSources) and sends no such request.
  console.log(
    '  NOTE  the first round trip here is Entra discovery, which MSAL skips for the public clouds' +
      ' (their endpoints are built in): a real validate waits one round trip fewer. validate' +
      "'s floor here is 4 round trips (discovery, token, vault, key and roles), so its 4.0 x L" +
      ' is met or missed by a few ms of per-hop processing.'
  )

  const checks = {
    noTokenFetchedTwice: { pass: dupes.token.size === 0, repeats: [...dupes.token] },
    noFactReadTwice: { pass: dupes.fact.size === 0, repeats: [...dupes.fact] },
    noAuthMetadataReadTwice: { pass: dupes.auth.size === 0, repeats: [...dupes.auth] }
  }
  const say = (name: string, check: { pass: boolean; repeats: string[] }) => {
    console.log(`  ${check.pass ? 'PASS' : 'MISS'}  ${name}`)
    for (const r of check.repeats) console.log(`          ${r}`)
  }
  console.log('\nRepeated requests (polling and the Key Vault challenge excepted):')
  say('no token fetched twice for one audience (Entra scope, IMS)', checks.noTokenFetchedTwice)
  say('no fact read twice (ARM, Graph, Key Vault, Platform)', checks.noFactReadTwice)
  // Not a target: MSAL reads the authority metadata once per concurrent token
  // acquisition. It costs a request, not a round trip, so it is a note rather than a miss.
  const metadata = checks.noAuthMetadataReadTwice
  console.log(`  ${metadata.pass ? 'PASS' : 'NOTE'}  no auth metadata read twice (Entra discovery)`)
  for (const r of metadata.repeats) console.log(`          ${r}`)

  for (const mode of MODES) {
    const chain = chainAtL[mode]
    if (!chain) continue
    console.log(
      `\n${mode} at L=${L_MS}: ${chain.length} dependent round trips. Requests by arrival ` +
        `(depth = round trip it waited in; ms after spawn: arrived → answered):`
    )
    console.log(describeTimeline(chain.example))
  }

  const results = {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    runsPerCell: options.runs,
    bundle: sizes,
    startup: startup && {
      ...startup,
      idleStartMs,
      badInputRatio: startup.badInputMs / startup.bareMs
    },
    rows,
    discovery,
    summarize,
    targets,
    checks,
    longestChainAtL: Object.fromEntries(
      Object.entries(chainAtL).map(([mode, c]) => [
        mode,
        c.example.map(r => ({
          request: r.label,
          status: r.status,
          at: r.at,
          answeredAt: r.answeredAt
        }))
      ])
    ),
    problems
  }
  writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\nWrote ${options.json}`)

  if (missed.length > 0) {
    console.log(`\nLATENCY TARGETS MISSED: ${missed.join(', ')}`)
    process.exitCode = 1
  }
  if (problems.length > 0) {
    console.log('\nBENCH RUNS FAILED (figures above are not meaningful):')
    for (const p of problems) console.log(`  - ${p}`)
    process.exitCode = 1
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
