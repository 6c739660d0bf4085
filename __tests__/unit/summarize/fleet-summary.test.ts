import { buildFleet, targetOf } from '../../../src/summarize/fleet.js'
import { renderFleetSummary } from '../../../src/summarize/fleet-summary.js'
import { fleetSarif, MAX_RUNS_PER_UPLOAD } from '../../../src/summarize/fleet-sarif.js'
import type { ValidReport } from '../../../src/summarize/report-reading.js'
import { sampleReport, type SampleTarget } from './sample-reports.js'

const CONTEXT = { workspace: '/w', readMs: 12 }
const LOCATION = {
  uri: '.github/workflows/fleet.yml',
  startLine: 1,
  startColumn: 1,
  endLine: 1,
  endColumn: 2
}

function fleetOf(samples: SampleTarget[]) {
  return buildFleet(
    ['reports/*.json'],
    samples.map((s, i) => targetOf(`reports/${i}.json`, sampleReport(s) as unknown as ValidReport)),
    []
  )
}

describe('the fleet summary', () => {
  it('shows text from the reports as text: it cannot add markup or break the table', () => {
    const fleet = fleetOf([{ vault: 'kv-a', failed: ['key.enabled'] }])
    const target = fleet.targets[0]!
    target.identity = { orgId: '<img src=x>|**org**', vault: 'kv-a', key: 'k\n| x |' }
    target.failed[0]!.detail = '<script>alert(1)</script> | pipe'
    const summary = renderFleetSummary(fleet, CONTEXT)
    expect(summary).not.toContain('<img')
    expect(summary).not.toContain('<script>')
    const row = summary.split('\n').find(l => l.startsWith('| ❌'))!
    expect(row.split(/(?<!\\)\|/).length).toBe(11)
  })

  it('stays within its budget for 10,000 targets, failing ones shown first, and says what it left out', () => {
    const samples: SampleTarget[] = Array.from({ length: 10_000 }, (_, i) => ({
      vault: `kv-${String(i).padStart(5, '0')}`,
      ...(i % 1000 === 7 ? { failed: ['key.enabled' as const] } : {})
    }))
    const fleet = fleetOf(samples)
    const summary = renderFleetSummary(fleet, CONTEXT)
    expect(Buffer.byteLength(summary)).toBeLessThan(900 * 1024)
    const rows = summary.split('\n').filter(l => /^\| (❌|✅)/.test(l))
    expect(rows.slice(0, 10).every(r => r.startsWith('| ❌'))).toBe(true)
    expect(summary).toMatch(/\d+ more targets not shown \(0 failing\)/)
    expect(summary.match(/<details>/g)).toHaveLength(10)
  })

  it('names the patterns when nothing matched', () => {
    const summary = renderFleetSummary(buildFleet(['a/*.json', 'b/*.json'], [], []), CONTEXT)
    expect(summary.split('\n')[0]).toBe(
      '## ❌ fail (summarize): no file matches `a/*.json`, `b/*.json` in the workspace /w'
    )
  })
})

describe('the fleet SARIF', () => {
  it("holds each target's runs as its own job writes them, at most 20 per file, the rest in numbered files", () => {
    const fleet = fleetOf(
      Array.from({ length: 45 }, (_, i) => ({ vault: `kv-${String(i).padStart(2, '0')}` }))
    )
    const parts = fleetSarif(fleet.targets, LOCATION, 'out/fleet.sarif')
    // Every check decided: the key's category and its empty blocked/ category, two runs each.
    expect(parts.map(p => [p.path, p.log.runs.length])).toEqual([
      ['out/fleet.sarif', MAX_RUNS_PER_UPLOAD],
      ['out/fleet.2.sarif', MAX_RUNS_PER_UPLOAD],
      ['out/fleet.3.sarif', MAX_RUNS_PER_UPLOAD],
      ['out/fleet.4.sarif', MAX_RUNS_PER_UPLOAD],
      ['out/fleet.5.sarif', 10]
    ])
    const categories = parts.flatMap(p => p.log.runs.map(r => r.automationDetails?.id))
    expect(new Set(categories).size).toBe(90)
    expect(categories.slice(0, 2)).toEqual([
      'aep-cmk/kv-00/aep-cmk/',
      'aep-cmk/kv-00/aep-cmk/blocked/'
    ])
  })

  it("leaves the key's own category out when a failure kept checks from being decided", () => {
    const report = sampleReport({ vault: 'kv-a', failed: ['azure.sign-in'] })
    report.findings.push({
      id: 'vault.found',
      outcome: 'skipped',
      detail: 'Not read.',
      fix: null,
      evidence: null,
      blockedBy: 'azure.sign-in'
    })
    const target = targetOf('a.json', report as unknown as ValidReport)
    const [part] = fleetSarif([target], LOCATION, 'x.sarif')
    expect(
      part?.log.runs.map(r => [r.automationDetails?.id, r.results?.map(x => x.ruleId)])
    ).toEqual([['aep-cmk/kv-a/aep-cmk/blocked/', ['azure.sign-in']]])
  })

  it('never puts one category twice in a file: two orgs guarding the same vault and key go to two files', () => {
    const fleet = fleetOf([
      { vault: 'kv-a' },
      { vault: 'kv-a', org: '0THER0123456789ABCDEF01@AdobeOrg' }
    ])
    expect(fleet.targets).toHaveLength(2)
    const parts = fleetSarif(fleet.targets, LOCATION, 'x.sarif')
    expect(parts.map(p => p.path)).toEqual(['x.sarif', 'x.2.sarif'])
    for (const part of parts) {
      const ids = part.log.runs.map(r => r.automationDetails?.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it('has no run for a target whose run read nothing', () => {
    const fleet = fleetOf([{ vault: 'kv-a' }])
    fleet.targets[0]!.gatheredFacts = false
    expect(fleetSarif(fleet.targets, LOCATION, 'x.sarif')).toEqual([])
  })
})
