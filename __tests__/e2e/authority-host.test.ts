/*
 * AZURE_AUTHORITY_HOST, the Azure SDKs' own override, is the fallback for AEP_CMK_AUTHORITY_HOST:
 * validated like every endpoint override (an https URL, else bad input before any request) and
 * used for sign-in when it is valid.
 */
import type { Simulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

/** The `::error::` lines, with the runner's %0A escapes turned back into line breaks. */
function errorLines(r: ActionRun): string[] {
  return r.stdout
    .split('\n')
    .filter(line => line.startsWith('::error'))
    .map(line => line.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'))
}

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
