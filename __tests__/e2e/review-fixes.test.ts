/*
 * End-to-end tests for three review findings, through the bundled action:
 * A. input cmk-app-object-id is one fact: it does not decide app.consented before the CMK app is
 *    registered, and app.consented says the object id was taken from the input, not looked up.
 * C. AZURE_AUTHORITY_HOST (the fallback for AEP_CMK_AUTHORITY_HOST) must be an https URL too.
 * (B, role assignments inherited from a management group, is covered by
 * __tests__/unit/azure/role-reader.test.ts: the simulator lists only assignments under
 * /subscriptions/... for a vault scope.)
 */
import { makeScenario, startSimulator, type Simulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction, writesOf, type ActionRun } from './harness.js'

let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator()
})

afterAll(async () => {
  await sim.close()
})

beforeEach(() => {
  sim.state = makeScenario()
  sim.clearRequests()
  sim.clearFaults()
})

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

/** The `::error::` lines, with the runner's %0A escapes turned back into line breaks. */
function errorLines(r: ActionRun): string[] {
  return r.stdout
    .split('\n')
    .filter(line => line.startsWith('::error'))
    .map(line => line.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'))
}

describe('cmk-app-object-id', () => {
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
    expect(roleLists.map(q => q.query.$filter)).toEqual([`principalId eq '${objectId}'`])
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

describe('AZURE_AUTHORITY_HOST', () => {
  it.each(['http://evil.example', 'login.microsoftonline.us'])(
    'rejects %s as bad input naming AZURE_AUTHORITY_HOST, before any request',
    async value => {
      const r = await runAction(sim, defaultInputs(sim, 'validate'), {
        env: { AEP_CMK_AUTHORITY_HOST: '', AZURE_AUTHORITY_HOST: value }
      })
      expect(r.exitCode).not.toBe(0)
      expect(r.outputs.result).toBe('fail')
      expect(r.outputs.status).toBe('UNKNOWN')
      const errors = errorLines(r).join('\n')
      expect(errors).toContain(`AZURE_AUTHORITY_HOST: must be an https URL, got "${value}"`)
      expect(errors).not.toMatch(/unexpected/i)
      expect(sim.requests.map(q => `${q.method} ${q.host}${q.path}`)).toEqual([])
    }
  )

  it('names AEP_CMK_AUTHORITY_HOST when that one is bad, whatever AZURE_AUTHORITY_HOST says', async () => {
    const r = await runAction(sim, defaultInputs(sim, 'validate'), {
      env: { AEP_CMK_AUTHORITY_HOST: 'http://login.localhost', AZURE_AUTHORITY_HOST: 'nope' }
    })
    expect(r.exitCode).not.toBe(0)
    const errors = errorLines(r).join('\n')
    expect(errors).toContain(
      'AEP_CMK_AUTHORITY_HOST: must be an https URL, got "http://login.localhost"'
    )
    expect(errors).not.toContain('AZURE_AUTHORITY_HOST')
    expect(sim.requests).toEqual([])
  })

  it('is used when it is https and AEP_CMK_AUTHORITY_HOST is not set', async () => {
    const r = await runAction(sim, defaultInputs(sim, 'validate'), {
      env: { AEP_CMK_AUTHORITY_HOST: '', AZURE_AUTHORITY_HOST: `${sim.urls.authorityHost}/` }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('pass')
    expect(sim.requests.some(q => q.service === 'entra' && q.status === 200)).toBe(true)
  })
})
