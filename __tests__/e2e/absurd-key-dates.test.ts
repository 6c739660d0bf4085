/*
 * A key date outside any sane range (issue 20, item 9), end to end against the bundled action:
 * ARM answers the key with an `exp` of 1e13 seconds. The checks that read it warn, quoting what
 * was seen; every other check still reports, and the run never ends in "unexpected error".
 */
import { defaultKey, type Simulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

interface ReportFinding {
  id: string
  outcome: string
  detail: string
}

it('an exp of 1e13 warns the date checks with the value seen; the others still report', async () => {
  sim.state.key = { ...defaultKey(), exp: 1e13 }
  const r = await runAction(sim, { ...defaultInputs(sim), mode: 'validate' }, { withReport: true })
  expect(r.stdout).not.toContain('unexpected error')
  expect(r.report?.error ?? null).toBeNull()
  const findings = (r.report?.findings ?? []) as ReportFinding[]
  expect(findings.length).toBeGreaterThanOrEqual(20)
  const dated = ['key.active', 'key.expiry', 'key.rotation']
  for (const id of dated) {
    const finding = findings.find(f => f.id === id)
    expect(finding).toMatchObject({ outcome: 'warn' })
    expect(finding?.detail).toContain('attributes.expires 10000000000000')
    expect(r.stdout).toContain(`::warning title=${id}::`)
  }
  const others = findings.filter(f => !dated.includes(f.id))
  expect(others.filter(f => f.outcome !== 'pass')).toEqual([])
  expect(r.outputs.result).toBe('pass')
  expect(r.exitCode).toBe(0)
})
