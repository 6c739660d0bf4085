import { buildFleet, targetOf, type FleetTarget } from '../../../src/summarize/fleet.js'
import type { ValidReport } from '../../../src/summarize/report-reading.js'
import { inputErrorReport, sampleReport, type SampleTarget } from './sample-reports.js'

function target(file: string, sample: SampleTarget = {}): FleetTarget {
  return targetOf(file, sampleReport(sample) as unknown as ValidReport)
}

describe('buildFleet', () => {
  it('puts failing targets first, then those with warnings, then the rest', () => {
    const fleet = buildFleet(
      ['r/*.json'],
      [
        target('r/a.json', { vault: 'kv-a' }),
        target('r/b.json', { vault: 'kv-b', warned: ['key.rotation'] }),
        target('r/c.json', { vault: 'kv-c', failed: ['key.enabled'] })
      ],
      []
    )
    expect(fleet.targets.map(t => t.identity?.vault)).toEqual(['kv-c', 'kv-b', 'kv-a'])
    expect(fleet).toMatchObject({
      result: 'fail',
      failedChecks: ['key.enabled'],
      failedTargets: ['kv-c/aep-cmk']
    })
  })

  it('lists each failed check once, in the checks table order, and counts strict warnings', () => {
    const fleet = buildFleet(
      [],
      [
        target('a.json', { vault: 'kv-a', failed: ['config.status', 'key.enabled'] }),
        target('b.json', { vault: 'kv-b', failed: ['key.enabled'] }),
        target('c.json', { vault: 'kv-c', warned: ['key.rotation'], strict: true })
      ],
      []
    )
    expect(fleet.failedChecks).toEqual(['key.enabled', 'key.rotation', 'config.status'])
    const strict = fleet.targets.find(t => t.identity?.vault === 'kv-c')!
    expect(strict.failed).toEqual([
      {
        id: 'key.rotation',
        outcome: 'warn',
        detail: 'key.rotation detail.',
        fix: expect.any(String)
      }
    ])
    expect(strict.warned).toEqual([])
  })

  it('counts the newer of two reports of one org, vault and key (names without case), naming the older', () => {
    const fleet = buildFleet(
      [],
      [
        target('new.json', { vault: 'KV-A', finishedAt: '2026-11-27T03:00:00.000Z' }),
        target('old.json', {
          vault: 'kv-a',
          failed: ['key.enabled'],
          finishedAt: '2026-11-26T03:00:00.000Z'
        }),
        target('other-org.json', { vault: 'kv-a', org: '11111111111111111111AAAA@AdobeOrg' })
      ],
      []
    )
    expect(fleet.superseded).toEqual([{ file: 'old.json', by: 'new.json' }])
    expect(fleet.targets.map(t => t.file).sort()).toEqual(['new.json', 'other-org.json'])
    expect(fleet.result).toBe('pass')
  })

  it('fails when a report could not be used, or when nothing was read at all', () => {
    expect(
      buildFleet([], [target('a.json')], [{ file: 'b.json', reason: 'truncated' }]).result
    ).toBe('fail')
    expect(buildFleet(['none/*.json'], [], []).result).toBe('fail')
  })

  it('keeps a run stopped by bad input as a failing row without a target', () => {
    const stopped = targetOf('bad.json', inputErrorReport() as unknown as ValidReport)
    const fleet = buildFleet([], [stopped, target('a.json')], [])
    expect(fleet.targets[0]).toMatchObject({
      file: 'bad.json',
      identity: undefined,
      result: 'fail'
    })
    expect(fleet.failedTargets).toEqual([])
    expect(fleet.result).toBe('fail')
  })
})
