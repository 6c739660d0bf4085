/*
 * A service whose listing never ends (a same-origin link to another page, forever) fails that
 * listing after its page cap with a message naming the call, long before the run's deadline;
 * the check that needed it reports it like any other failed read and never passes on the pages
 * it did read.
 */
import { withSimulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction, writesOf, type ActionRun } from './harness.js'

const TIMEOUT = 120_000

interface ReportFinding {
  id: string
  outcome: string
  detail: string
}

function finding(run: ActionRun, id: string): ReportFinding | undefined {
  return (run.report?.findings as ReportFinding[] | undefined)?.find(f => f.id === id)
}

function warnings(run: ActionRun): string[] {
  return run.stdout.split('\n').filter(line => line.startsWith('::warning'))
}

describe('listings that never end', () => {
  it.concurrent(
    'ARM role assignments: app.role cannot be decided after 1000 pages, though page 1 holds the role',
    async () => {
      await withSimulator({ endlessListings: ['arm-role-assignments'] }, async sim => {
        const run = await runAction(sim, defaultInputs(sim, 'validate'), { withReport: true })

        const role = finding(run, 'app.role')
        expect(role?.outcome).toBe('warn')
        expect(role?.detail).toContain(
          'the role assignments on vault kv-aep-cmk-prod could not be read (ARM list role assignments failed: stopped after 1000 pages: the service kept answering with a link to another page'
        )
        expect(run.stdout).toMatch(/^::warning title=app\.role::.*stopped after 1000 pages/m)
        // The cap ended the listing, not the run's deadline.
        expect(JSON.stringify(run.report)).not.toContain('reached its deadline')
        const listings = sim.requests.filter(
          r => r.service === 'arm' && /\/roleAssignments$/.test(r.path)
        )
        expect(listings).toHaveLength(1001)
        expect(listings.every(r => r.status === 200)).toBe(true)
        expect(writesOf(sim)).toEqual([])
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'GitHub issues: the tracking issue is a warning after 100 pages; no issue is opened and the result stands',
    async () => {
      await withSimulator({ endlessListings: ['github-issues'] }, async sim => {
        sim.state.key!.enabled = false
        const run = await runAction(
          sim,
          { ...defaultInputs(sim, 'validate'), 'open-issue': 'true' },
          { withReport: true }
        )

        expect(run.exitCode).toBe(1)
        expect(run.outputs['failed-checks']).toBe('key.enabled')
        const warning = warnings(run).find(w => w.includes('tracking issue'))
        expect(warning).toMatch(
          /GitHub GET \/repos\/octo-org\/aep-infra\/issues \(open, label aep-cmk\) failed: stopped after 100 pages/
        )
        expect(JSON.stringify(run.report)).not.toContain('reached its deadline')
        const listings = sim.requests.filter(r => r.service === 'github-api' && r.method === 'GET')
        expect(listings).toHaveLength(101)
        expect(writesOf(sim).filter(w => w.includes(' github-api '))).toEqual([])
        expect(sim.state.githubApi.issues).toEqual([])
      })
    },
    TIMEOUT
  )
})
