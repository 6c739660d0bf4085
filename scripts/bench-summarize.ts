/**
 * The fleet rows of `npm run bench`: `mode: summarize` of the committed bundle over 1,000 and
 * 10,000 JSON reports of 30 checks each, whole process (node start, bundle load, schema compile,
 * reading, summary, outputs), side by side with bare `node -e 0` in the same runs. Targets: 1,000
 * reports within 1.5 s and 150 MiB peak; 10,000 in about ten times the time of 1,000 (linear).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkOrg, FLEET } from '../test/fleet-runs.js'
import { DIST_ENTRY } from '../test/run-action.js'

const GNU_TIME = '/usr/bin/time'
const SIZES = [1_000, 10_000] as const
const TARGET = { reports: 1_000, wallMs: 1_500, peakMiB: 150 }

export interface SummarizeBenchRow {
  reports: number
  bytesPerReport: number
  wallMsMedian: number
  wallMsAll: number[]
  bareMsMedian: number
  peakMiB?: number | undefined
  exitCode: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2)
}

/**
 * A report of 30 checks as the action writes it: a real failing `check` report from the
 * simulator (its checks, settings and facts), with findings added up to 30, sized like real ones.
 */
async function templateReport(): Promise<Record<string, unknown>> {
  const run = await checkOrg(FLEET.find(org => org.problem === 'disabled-key')!)
  const report = run.report as Record<string, unknown> & {
    findings: Array<Record<string, unknown>>
  }
  const real = report.findings
  const extra = Array.from({ length: Math.max(0, 30 - real.length) }, (_, i) => ({
    ...real[i % real.length]!,
    // Ids as a later version's checks would look: the report's schema takes any such id.
    id: `bench.extra-${String.fromCharCode(97 + i)}`
  }))
  return { ...report, findings: [...real, ...extra] }
}

/** Writes `count` reports of distinct targets (one in ten failing) to `<dir>/reports`. */
function writeFleet(dir: string, template: Record<string, unknown>, count: number): number {
  const reports = join(dir, 'reports')
  mkdirSync(reports, { recursive: true })
  const settings = template.settings as Record<string, unknown>
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const name = `kv-fleet-${String(i).padStart(5, '0')}`
    const failing = i % 10 === 0
    const text = JSON.stringify(
      {
        ...template,
        result: failing ? 'fail' : 'pass',
        failedChecks: failing ? template.failedChecks : [],
        settings: {
          ...settings,
          keyVaultName: name,
          adobeOrgId: `${String(i).padStart(24, '0')}@AdobeOrg`
        }
      },
      null,
      2
    )
    bytes += text.length
    writeFileSync(join(reports, `${name}.json`), text)
  }
  return Math.round(bytes / count)
}

/** One run of the bundle: wall time, and peak memory from GNU time when the machine has it. */
function runOnce(
  args: string[],
  dir: string
): { wallMs: number; peakKiB?: number; exitCode: number } {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    INPUT_MODE: 'summarize',
    INPUT_REPORTS: 'reports/*.json'
  }
  writeFileSync(env.GITHUB_OUTPUT, '')
  writeFileSync(env.GITHUB_STEP_SUMMARY, '')
  const timed = existsSync(GNU_TIME)
  const started = performance.now()
  const result = timed
    ? spawnSync(GNU_TIME, ['-f', 'peak-kib %M', process.execPath, ...args], {
        env,
        cwd: dir,
        encoding: 'utf8'
      })
    : spawnSync(process.execPath, args, { env, cwd: dir, encoding: 'utf8' })
  const wallMs = Math.round(performance.now() - started)
  const peak = /peak-kib (\d+)\s*$/.exec(result.stderr ?? '')?.[1]
  return { wallMs, ...(peak ? { peakKiB: Number(peak) } : {}), exitCode: result.status ?? -1 }
}

/** Runs the rows, prints their table and the targets, and returns them for the JSON results. */
export async function benchSummarize(runs: number): Promise<SummarizeBenchRow[]> {
  const template = await templateReport()
  const rows: SummarizeBenchRow[] = []
  for (const count of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-bench-fleet-'))
    try {
      const bytesPerReport = writeFleet(dir, template, count)
      runOnce([DIST_ENTRY], dir) // warm the file cache; not measured
      const measured: Array<ReturnType<typeof runOnce>> = []
      const bare: number[] = []
      for (let i = 0; i < runs; i++) {
        bare.push(runOnce(['-e', '0'], dir).wallMs)
        measured.push(runOnce([DIST_ENTRY], dir))
      }
      const peaks = measured.map(m => m.peakKiB).filter((k): k is number => k !== undefined)
      rows.push({
        reports: count,
        bytesPerReport,
        wallMsMedian: median(measured.map(m => m.wallMs)),
        wallMsAll: measured.map(m => m.wallMs),
        bareMsMedian: median(bare),
        peakMiB: peaks.length > 0 ? Math.round((Math.max(...peaks) / 1024) * 10) / 10 : undefined,
        exitCode: measured[0]?.exitCode ?? -1
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  console.log(
    `\nmode: summarize over N reports of 30 checks (whole process, ${runs} run(s) each, one in ten failing):`
  )
  console.log(
    '| reports | bytes/report | wall ms (median) | node -e 0 ms | peak MiB | ms per 1,000, start included |'
  )
  console.log(
    '|--------:|-------------:|-----------------:|-------------:|---------:|-----------------------------:|'
  )
  for (const r of rows)
    console.log(
      `| ${r.reports} | ${r.bytesPerReport} | ${r.wallMsMedian} | ${r.bareMsMedian} | ${r.peakMiB ?? '-'} | ${Math.round(((r.wallMsMedian - r.bareMsMedian) / r.reports) * 1000)} |`
    )
  const small = rows.find(r => r.reports === TARGET.reports)
  const large = rows.find(r => r.reports === 10_000)
  if (small) {
    const met = small.wallMsMedian <= TARGET.wallMs && (small.peakMiB ?? 0) <= TARGET.peakMiB
    console.log(
      `  ${met ? 'PASS' : 'MISS'}  ${TARGET.reports} reports: ${small.wallMsMedian} ms <= ${TARGET.wallMs} ms, ` +
        `peak ${small.peakMiB ?? '?'} MiB <= ${TARGET.peakMiB} MiB`
    )
  }
  if (small && large) {
    // Linear: a fixed start (node, bundle, schema compile) plus a cost per report.
    const perThousand = Math.round((large.wallMsMedian - small.wallMsMedian) / 9)
    const fixed = small.wallMsMedian - perThousand
    console.log(
      `  time from the two rows: about ${fixed} ms to start + ${perThousand} ms per 1,000 reports`
    )
  }
  for (const r of rows)
    if (r.exitCode !== 1)
      console.log(
        `  NOTE  ${r.reports} reports: exit ${r.exitCode}, expected 1 (one in ten failing)`
      )
  return rows
}
