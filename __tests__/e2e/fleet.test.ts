/*
 * End-to-end: a fleet. The bundle checks three orgs (one failing, one passing, one passing with a
 * warning), their reports go to one folder with a broken file beside them, and `mode: summarize`
 * (the action, then `aep-cmk summarize`) reads them into one summary: failing targets first, the
 * broken file named, the outputs a later step needs, and an exit status that fails the job.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FLEET, checkOrg, writeReports, type FleetOrg } from '../../test/fleet-runs.js'
import { spawnNode } from '../../test/run-action.js'
import { DIST_ENTRY, runAction, type ActionRun } from './harness.js'

const CLI = resolve('bin/aep-cmk.js')

let workspace: string
let runs: Array<[FleetOrg, ActionRun]>

const org = (name: string): FleetOrg => FLEET.find(o => o.name === name)!

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'aep-cmk-fleet-'))
  runs = await Promise.all(
    FLEET.map(async o => [o, await checkOrg(o, { withSarif: true })] as [FleetOrg, ActionRun])
  )
  writeReports(join(workspace, 'reports'), runs)
  // An upload cut short: the first half of a real report.
  const whole = JSON.stringify(runs[0]![1].report, null, 2)
  writeFileSync(join(workspace, 'reports', 'broken.json'), whole.slice(0, whole.length / 2))
}, 120_000)

afterAll(() => rmSync(workspace, { recursive: true, force: true }))

function summarizeAction(inputs: Record<string, string>, options: { dist?: string } = {}) {
  return runAction(
    undefined,
    { mode: 'summarize', ...inputs },
    { workspace, ...(options.dist ? { entry: [options.dist] } : {}) }
  )
}

function runCli(args: string[]) {
  return spawnNode([CLI, 'summarize', ...args], { PATH: process.env.PATH ?? '' }, workspace)
}

/** The summary without its last line, which says how long the reading took. */
function withoutTiming(summary: string): string {
  return summary.replace(/<sub>Read .*<\/sub>\n?$/, '')
}

describe('the three checks', () => {
  it('fail, pass and warn as the fleet needs', () => {
    const result = Object.fromEntries(runs.map(([o, r]) => [o.name, r.outputs]))
    expect(result.emea?.result).toBe('fail')
    expect(result.emea?.['failed-checks']).toContain('key.enabled')
    expect(result.us?.result).toBe('pass')
    expect(result.apac?.result).toBe('pass')
    expect(runs.find(([o]) => o.name === 'apac')![1].stdout).toMatch(
      /::warning title=key\.rotation::/
    )
  })

  it('write reports that carry the link to their run', () => {
    for (const [o, r] of runs)
      expect(r.report?.runUrl).toMatch(
        new RegExp(`^https://.*/octo-org/aep-infra/actions/runs/${o.runId}$`)
      )
  })
})

describe('mode: summarize (the action)', () => {
  let run: ActionRun

  beforeAll(async () => {
    run = await summarizeAction({ reports: 'reports/*.json', 'sarif-file': 'fleet/aep-cmk.sarif' })
  })

  it('fails the job, since one target failed and one report could not be used', () => {
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toMatch(
      /::error::CMK summarize: 1 of 3 target\(s\) failed \(kv-aep-cmk-emea\/aep-cmk-key\); 1 report\(s\) could not be used \(reports\/broken\.json\)/
    )
  })

  it('sets failed-checks, failed-targets and status', () => {
    expect(run.outputs['failed-targets']).toBe('kv-aep-cmk-emea/aep-cmk-key')
    expect(run.outputs['failed-checks']).toBe(
      runs.find(([o]) => o.name === 'emea')![1].outputs['failed-checks']
    )
    expect(run.outputs.status).toBe('UNKNOWN')
  })

  it('writes one summary: the verdict, then one row per target, failing first, each with its run', () => {
    const lines = run.summary.split('\n')
    expect(lines[0]).toBe(
      '## ❌ fail (summarize): 1 of 3 targets failed; 1 passed with warnings; 1 report could not be used'
    )
    const rows = lines.filter(l => /^\| (❌|⚠️|✅) \|/.test(l))
    expect(rows.map(r => r.split(' | ')[2])).toEqual([
      'kv-aep-cmk-emea / aep-cmk-key',
      'kv-aep-cmk-apac / aep-cmk-key',
      'kv-aep-cmk-us / aep-cmk-key'
    ])
    expect(rows[0]).toContain('`key.enabled`')
    expect(rows[1]).toContain('`key.rotation`')
    for (const o of [org('emea'), org('apac'), org('us')])
      expect(run.summary).toContain(`/octo-org/aep-infra/actions/runs/${o.runId})`)
  })

  it("puts each failure's fix one click away, folded under the target", () => {
    const emea = run.summary.slice(run.summary.indexOf('<details><summary>❌ <b>kv'))
    expect(emea).toMatch(/^<details><summary>❌ <b>kv-aep-cmk-emea\/aep-cmk-key<\/b>/)
    expect(emea).toContain('**`key.enabled`**')
    expect(emea).toMatch(/\*\*Fix:\*\*[^]*az keyvault key set-attributes/)
  })

  it('names the broken report with the reason, and summarizes the others', () => {
    expect(run.summary).toContain('### ❌ 1 report could not be used')
    expect(run.summary).toContain(
      '- `reports/broken.json`: truncated: the JSON ends before the report does'
    )
    expect(run.stdout).toContain(
      '::warning title=aep-cmk fleet%3A report not used::reports/broken.json: truncated'
    )
  })

  it("writes each target's SARIF runs, under its own categories, as its own job does", () => {
    expect(run.outputs['sarif-file']).toBe('fleet/aep-cmk.sarif')
    const sarif = JSON.parse(readFileSync(join(workspace, 'fleet', 'aep-cmk.sarif'), 'utf8')) as {
      runs: Array<{ automationDetails: { id: string }; results: Array<{ ruleId: string }> }>
    }
    const byCategory = Object.fromEntries(
      sarif.runs.map(r => [r.automationDetails.id, r.results.map(x => x.ruleId)])
    )
    expect(Object.keys(byCategory).sort()).toEqual([
      'aep-cmk/kv-aep-cmk-apac/aep-cmk-key/',
      'aep-cmk/kv-aep-cmk-apac/aep-cmk-key/blocked/',
      'aep-cmk/kv-aep-cmk-emea/aep-cmk-key/',
      'aep-cmk/kv-aep-cmk-emea/aep-cmk-key/blocked/',
      'aep-cmk/kv-aep-cmk-us/aep-cmk-key/',
      'aep-cmk/kv-aep-cmk-us/aep-cmk-key/blocked/'
    ])
    expect(byCategory['aep-cmk/kv-aep-cmk-emea/aep-cmk-key/']).toContain('key.enabled')
    expect(byCategory['aep-cmk/kv-aep-cmk-us/aep-cmk-key/']).toEqual([])
    // The same alerts as the org's own job uploads: same category, same fingerprints.
    const own = runs.find(([o]) => o.name === 'emea')![1].sarif as typeof sarif
    const alerts = (log: typeof sarif) =>
      log.runs
        .filter(r => r.automationDetails.id.includes('emea'))
        .map(r => [r.automationDetails.id, r.results])
    expect(alerts(sarif)).toEqual(alerts(own))
  })
})

describe('mode: summarize in other fleets', () => {
  it('passes when every report is usable and every target passed (warnings included)', async () => {
    const run = await summarizeAction({ reports: 'reports/us.json\nreports/apac.json' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'pass', 'failed-targets': '', 'failed-checks': '' })
    expect(run.summary.split('\n')[0]).toBe(
      '## ✅ pass (summarize): 2 targets, every one passed; 1 passed with warnings'
    )
  })

  it('fails, naming the patterns, when no file matches', async () => {
    const run = await summarizeAction({ reports: 'nothing/*.json, none/**/*.json' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.summary).toContain('no file matches `nothing/*.json`, `none/**/*.json`')
  })

  it('counts the newer of two reports of the same target and names the older', async () => {
    const emea = runs.find(([o]) => o.name === 'emea')![1].report!
    const older = {
      ...emea,
      finishedAt: '2020-01-01T00:00:00.000Z',
      result: 'pass',
      failedChecks: []
    }
    writeFileSync(join(workspace, 'twice-a.json'), JSON.stringify(older))
    cpSync(join(workspace, 'reports', 'emea.json'), join(workspace, 'twice-b.json'))
    const run = await summarizeAction({ reports: 'twice-*.json' })
    expect(run.outputs['failed-targets']).toBe('kv-aep-cmk-emea/aep-cmk-key')
    expect(run.summary).toContain('- `twice-a.json`, replaced by the newer `twice-b.json`')
  })

  it('refuses, before reading anything, patterns that leave the workspace', async () => {
    const run = await summarizeAction({ reports: '../*.json,/etc/*.json' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('reports: must not contain ".." segments')
    expect(run.stdout).toContain(`reports: must be inside the workspace ${workspace}`)
  })

  it('never loads the service clients: it runs from a bundle without them', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'aep-cmk-dist-'))
    try {
      cpSync(resolve(DIST_ENTRY, '..'), dist, { recursive: true })
      // The chunks that hold the Azure SDKs and the Adobe client: gone, so loading them throws.
      const removed = readdirSync(dist).filter(
        name =>
          name.endsWith('.js') &&
          name !== 'index.js' &&
          /ClientSecretCredential|acp_provisioning/.test(readFileSync(join(dist, name), 'utf8'))
      )
      expect(removed.length).toBeGreaterThan(0)
      for (const name of removed) rmSync(join(dist, name))
      const run = await summarizeAction(
        { reports: 'reports/us.json' },
        { dist: join(dist, 'index.js') }
      )
      expect(run.stdout + run.stderr).not.toMatch(/unexpected error|Cannot find module/)
      expect(run.exitCode).toBe(0)
      expect(run.outputs.result).toBe('pass')
    } finally {
      rmSync(dist, { recursive: true, force: true })
    }
  })
})

describe('aep-cmk summarize (the command line)', () => {
  it('prints the same summary as the action, with the same exit status', async () => {
    const action = await summarizeAction({ reports: 'reports/*.json' })
    const cli = await runCli(['reports/*.json'])
    expect(cli.exitCode).toBe(1)
    expect(withoutTiming(cli.stdout)).toBe(withoutTiming(action.summary))
    expect(cli.stderr).toContain('error: CMK summarize: 1 of 3 target(s) failed')
  })

  it('prints the fleet as JSON with --json', async () => {
    const cli = await runCli(['--json', 'reports/us.json', 'reports/emea.json'])
    expect(cli.exitCode).toBe(1)
    const fleet = JSON.parse(cli.stdout) as {
      result: string
      failedTargets: string[]
      targets: Array<{ vault: string; result: string; runUrl: string }>
    }
    expect(fleet.result).toBe('fail')
    expect(fleet.failedTargets).toEqual(['kv-aep-cmk-emea/aep-cmk-key'])
    expect(fleet.targets.map(t => [t.vault, t.result])).toEqual([
      ['kv-aep-cmk-emea', 'fail'],
      ['kv-aep-cmk-us', 'pass']
    ])
  })

  it('exits 0 when every target passed, and 2 for a usage error', async () => {
    expect((await runCli(['reports/us.json'])).exitCode).toBe(0)
    const none = await runCli([])
    expect(none.exitCode).toBe(2)
    expect(none.stderr).toContain('aep-cmk summarize: name the reports to read')
    expect((await runCli(['--bogus', 'reports/us.json'])).exitCode).toBe(2)
    expect((await runCli(['../outside/*.json'])).exitCode).toBe(2)
  })
})
