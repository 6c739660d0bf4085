/*
 * Input cmk-app-object-id is one fact, end to end through the bundled action: it replaces the
 * directory look-up of the CMK app's service principal, it does not decide app.consented before
 * the CMK app is registered, and app.consented says the object id was taken from the input.
 */
import type { Simulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction, writesOf, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

interface ReportFinding {
  id: string
  outcome: string
  detail: string
  fix: string | null
  evidence?: Record<string, unknown>
}

function finding(r: ActionRun, id: string): ReportFinding {
  const findings = (r.report?.findings ?? []) as ReportFinding[]
  const found = findings.find(f => f.id === id)
  if (!found) throw new Error(`no finding ${id} in the report`)
  return found
}

describe('input cmk-app-object-id', () => {
  it('in validate, an unregistered app leaves app.consented and app.role undecided (warnings)', async () => {
    sim.state.registration = { ...sim.state.registration, status: 'absent' }
    const r = await runAction(
      sim,
      { ...defaultInputs(sim, 'validate'), 'cmk-app-object-id': sim.state.cmkApp.objectId },
      { withReport: true }
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('pass')
    expect(finding(r, 'app.registered').outcome).toBe('warn')
    expect(finding(r, 'app.consented')).toMatchObject({
      outcome: 'warn',
      detail: 'This cannot be decided until the CMK app is registered.'
    })
    expect(finding(r, 'app.role')).toMatchObject({
      outcome: 'warn',
      detail: 'This cannot be decided until the CMK app is registered and consented.'
    })
    expect(sim.requests.filter(q => q.service === 'graph')).toEqual([])
    expect(writesOf(sim)).toEqual([])
  })

  it('when registered, app.consented says the object id came from the input, not the directory', async () => {
    const objectId = sim.state.cmkApp.objectId
    const r = await runAction(
      sim,
      { ...defaultInputs(sim, 'validate'), 'cmk-app-object-id': objectId },
      { withReport: true }
    )
    expect(r.exitCode).toBe(0)
    const consented = finding(r, 'app.consented')
    expect(consented.outcome).toBe('pass')
    expect(consented.detail).toBe(
      `The CMK app's service principal object id ${objectId} is taken from input cmk-app-object-id; it was not looked up in the directory.`
    )
    expect(consented.detail).not.toContain('has a service principal in the tenant')
    expect(consented.evidence).toEqual({ objectId, source: 'input' })
    expect(finding(r, 'app.role').outcome).toBe('pass')
    expect(sim.requests.filter(q => q.service === 'graph')).toEqual([])
    const roleLists = sim.requests.filter(
      q =>
        q.service === 'arm' && q.path.endsWith('/providers/Microsoft.Authorization/roleAssignments')
    )
    expect(roleLists.map(q => q.query.$filter)).toEqual([`assignedTo('${objectId}')`])
  })

  it('without it, app.consented names the service principal the directory returned', async () => {
    const r = await runAction(sim, defaultInputs(sim, 'validate'), { withReport: true })
    expect(r.exitCode).toBe(0)
    expect(finding(r, 'app.consented')).toMatchObject({
      outcome: 'pass',
      detail: `The CMK app has a service principal in the tenant with object id ${sim.state.cmkApp.objectId}.`,
      evidence: { source: 'graph' }
    })
    expect(sim.requests.some(q => q.service === 'graph' && q.status === 200)).toBe(true)
  })

  it('in setup, the app registered by the run takes its object id from the input', async () => {
    sim.state.registration = { ...sim.state.registration, status: 'absent' }
    const objectId = sim.state.cmkApp.objectId
    const r = await runAction(
      sim,
      { ...defaultInputs(sim, 'setup'), 'cmk-app-object-id': objectId },
      { withReport: true }
    )
    expect(r.exitCode).toBe(0)
    expect(sim.counters.registrationRequests).toBe(1)
    expect(finding(r, 'app.consented')).toMatchObject({
      outcome: 'pass',
      evidence: { objectId, source: 'input' }
    })
    expect(finding(r, 'app.role').outcome).toBe('pass')
    expect(sim.requests.filter(q => q.service === 'graph')).toEqual([])
  })
})
