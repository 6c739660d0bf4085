import {
  CONFIG_SEQUENCES,
  withSimulator,
  type RecordedRequest,
  type Scenario,
  type SimConfigStatus,
  type Simulator
} from '../../test/simulator/index.js'
import { defaultInputs, leakedSecrets, runAction, type ActionRun } from './harness.js'

/**
 * Leak sweeps with RUNNER_DEBUG=1 over several end-to-end runs: no secret or token the
 * simulator knows may appear in stdout, stderr, the job summary, the outputs or the JSON
 * report. `::add-mask::<secret>` lines are how the runner learns what to mask, so they carry
 * the secret by design: they are taken out before the sweep, and checked on their own (every
 * secret the run sent anywhere was registered before the first logged request that used it).
 */

const TIMEOUT = 120_000
const DEBUG = { RUNNER_DEBUG: '1' }
const FAST: Partial<Scenario> = { configStatusSequence: [...CONFIG_SEQUENCES.immediate] }

/** Token-shaped strings no one issued, for services that echo what they were sent. */
const FAKE_JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsZWFrLWNhbmFyeSIsImF1ZCI6ImFwaTovL0F6dXJlQURUb2tlbkV4Y2hhbmdlIn0.c2ltLWxlYWstY2FuYXJ5LXNpZ25hdHVyZQ'
const FAKE_BEARER = 'Bearer sim0paqueLeakCanary0123456789abcdef'

const MASK = '::add-mask::'

/** Everything the run wrote, minus the add-mask lines, plus the summary with its escapes undone. */
function sweepable(run: ActionRun): string {
  const withoutMasks = run.everything
    .split('\n')
    .filter(line => !line.startsWith(MASK))
    .join('\n')
  const summaryText = run.summary
    .replace(/\\(.)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
  return `${withoutMasks}\n${summaryText}`
}

function maskedValues(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter(line => line.startsWith(MASK))
    .map(line => line.slice(MASK.length))
}

/** Undoes the escaping `core.debug` applies to its message (`%`, CR and LF). */
function unescapeCommandData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** Where in stdout a request shows up: its RUNNER_DEBUG line (logged once it was answered). */
function debugLineIndex(lines: string[], r: RecordedRequest): number {
  const normalise = (path: string) => path.replace(/\/{2,}/g, '/').replace(/\/+$/, '')
  return lines.findIndex(line => {
    const m = /^::debug::([A-Z]+) https:\/\/([^/\s]+)(\/[^\s?]*)?\S* -> /.exec(line)
    if (!m || m[1] !== r.method || m[2] !== r.host) return false
    // The simulator records the path percent-decoded once; the debug line carries the URL as
    // sent (percent-encoded), with core.debug's own escaping on top.
    let path = unescapeCommandData(m[3] ?? '/')
    try {
      path = decodeURIComponent(path)
    } catch {
      // compare the raw path
    }
    return normalise(path) === normalise(r.path)
  })
}

/**
 * Every secret the run sent to a service was add-masked, and before the debug line of the first
 * request that carried it. The Actions runtime's own ID-token request token is the runner's
 * secret (the runner masks it), not the action's. Every scenario that calls this sent at least
 * one secret, and every secret's mask line and first carrying request must be found in the log:
 * a request that cannot be located would otherwise make the order check pass vacuously.
 */
function expectMaskedBeforeUse(run: ActionRun, sim: Simulator): { used: string[] } {
  const lines = run.stdout.split('\n')
  const masked = maskedValues(run)
  const runnerOwned = new Set([sim.state.github.requestToken])
  const carries = (r: RecordedRequest, secret: string) =>
    r.body.includes(secret) || Object.values(r.headers).some(h => h.includes(secret))
  const used = sim
    .secrets()
    .filter(s => !runnerOwned.has(s))
    .filter(s => sim.requests.some(r => carries(r, s)))
  expect(used.length).toBeGreaterThan(0)
  let located = 0
  for (const secret of used) {
    const label = `${secret.slice(0, 6)}…`
    const maskLine = lines.indexOf(`${MASK}${secret}`)
    const carriers = sim.requests.filter(r => carries(r, secret))
    const logged = carriers.map(r => debugLineIndex(lines, r)).filter(i => i >= 0)
    const firstUse = logged.length > 0 ? Math.min(...logged) : -1
    if (firstUse >= 0) located++
    expect({
      label,
      masked: masked.includes(secret),
      maskLineFound: maskLine >= 0,
      firstUseLogged: firstUse >= 0,
      maskedBeforeFirstUse: maskLine < firstUse
    }).toEqual({
      label,
      masked: true,
      maskLineFound: true,
      firstUseLogged: true,
      maskedBeforeFirstUse: true
    })
  }
  // The order was checked against a logged request for every secret that was sent.
  expect(located).toBe(used.length)
  return { used }
}

function expectNoLeak(run: ActionRun, sim: Simulator): void {
  const text = sweepable(run)
  expect(leakedSecrets(sim, text)).toEqual([])
  expect(text).not.toContain(FAKE_JWT)
  expect(text).not.toContain(FAKE_BEARER.split(' ')[1])
}

describe('no secret leaks, with RUNNER_DEBUG on', () => {
  it.concurrent(
    'setup with client secrets',
    async () => {
      // ARM omits the rotation policy, so a Key Vault token is sent too.
      await withSimulator({ ...FAST, armKeyRotationPolicy: 'omitted' }, async sim => {
        const run = await runAction(sim, defaultInputs(sim), { env: DEBUG, withReport: true })
        expect(run.exitCode).toBe(0)
        expect(run.report).toBeDefined()
        expect(run.stdout).toMatch(/^::debug::/m)
        expectNoLeak(run, sim)
        const masked = maskedValues(run)
        expect(masked).toContain(sim.state.azure.clientSecret)
        expect(masked).toContain(sim.state.adobe.clientSecret)
        const { used } = expectMaskedBeforeUse(run, sim)
        // The client secrets, the IMS token and one Entra token per resource were sent.
        expect(used).toEqual(
          expect.arrayContaining([sim.state.azure.clientSecret, sim.state.adobe.clientSecret])
        )
        expect(used.length).toBeGreaterThanOrEqual(2 + 1 + 3)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'setup with GitHub OIDC (no Azure client secret)',
    async () => {
      await withSimulator(FAST, async sim => {
        const inputs: Record<string, string | undefined> = {
          ...defaultInputs(sim),
          'azure-auth': 'oidc',
          'azure-client-secret': undefined
        }
        const run = await runAction(sim, inputs, { env: DEBUG, withReport: true })
        expect(run.exitCode).toBe(0)
        expect(sim.counters.idTokens).toBeGreaterThan(0)
        expectNoLeak(run, sim)
        const { used } = expectMaskedBeforeUse(run, sim)
        // The GitHub ID tokens went to Entra as client assertions, and were masked first.
        const assertions = sim.requests
          .map(r => new URLSearchParams(r.body).get('client_assertion'))
          .filter((a): a is string => Boolean(a))
        expect(assertions.length).toBeGreaterThan(0)
        for (const assertion of assertions) expect(used).toContain(assertion)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'setup with a ready Adobe access token',
    async () => {
      await withSimulator(FAST, async sim => {
        const inputs: Record<string, string | undefined> = {
          ...defaultInputs(sim),
          'adobe-client-id': undefined,
          'adobe-client-secret': undefined,
          'adobe-access-token': sim.state.adobe.accessToken
        }
        const run = await runAction(sim, inputs, { env: DEBUG, withReport: true })
        expect(run.exitCode).toBe(0)
        expect(sim.counters.imsTokens).toBe(0)
        expectNoLeak(run, sim)
        expect(maskedValues(run)).toContain(sim.state.adobe.accessToken)
        expect(expectMaskedBeforeUse(run, sim).used).toContain(sim.state.adobe.accessToken)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'a failing run: Adobe Platform answers 500, echoing a secret and tokens in its message',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          service: 'platform',
          action: {
            status: 500,
            body: {
              type: 'https://ns.adobe.com/aep/errors/CMK-500-error',
              status: 500,
              title: 'Internal Server Error',
              detail: `client_secret=${sim.state.adobe.clientSecret} assertion=${FAKE_JWT} auth="${FAKE_BEARER}"`
            }
          }
        })
        const run = await runAction(sim, defaultInputs(sim), { env: DEBUG, withReport: true })
        expect(run.exitCode).not.toBe(0)
        expect(run.stdout).toMatch(
          /Adobe GET CMK app registration answered 500: Internal Server Error/
        )
        expectNoLeak(run, sim)
        expectMaskedBeforeUse(run, sim)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'a failed check (the key is disabled)',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.state.key!.enabled = false
        const run = await runAction(sim, defaultInputs(sim), { env: DEBUG, withReport: true })
        expect(run.exitCode).not.toBe(0)
        expect(run.outputs['failed-checks']).toContain('key.enabled')
        expectNoLeak(run, sim)
        expectMaskedBeforeUse(run, sim)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'an Entra error answer that echoes secrets and token-looking strings is scrubbed',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          service: 'entra',
          method: 'POST',
          path: /\/oauth2\/v2\.0\/token$/,
          action: {
            status: 401,
            body: {
              error: 'invalid_client',
              error_description: `AADSTS7000215: Invalid client secret provided: '${sim.state.azure.clientSecret}'. Presented assertion ${FAKE_JWT}; header ${FAKE_BEARER}.\r\nTrace ID: 0\r\nCorrelation ID: 0`,
              error_codes: [7000215]
            }
          }
        })
        const run = await runAction(sim, defaultInputs(sim), { env: DEBUG, withReport: true })
        expect(run.exitCode).not.toBe(0)
        // The message itself still gets through, only the secrets are gone.
        expect(run.stdout).toMatch(/AADSTS7000215: Invalid client secret provided/)
        expectNoLeak(run, sim)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'bad input that holds secrets and a token-looking value',
    async () => {
      await withSimulator(FAST, async sim => {
        const inputs = {
          ...defaultInputs(sim),
          // A client secret with cli auth, both Adobe credentials, and the secret pasted into
          // the client id as well (the input error quotes rejected values).
          'azure-auth': 'cli',
          'azure-client-id': sim.state.azure.clientSecret,
          'adobe-access-token': sim.state.adobe.accessToken,
          'config-name': `${FAKE_JWT}/x`
        }
        const run = await runAction(sim, inputs, { env: DEBUG, withReport: true })
        expect(run.exitCode).not.toBe(0)
        expect(run.stdout).toMatch(/azure-client-id: must be a GUID/)
        expect(run.stdout).toMatch(/config-name: must be 1-255 characters/)
        expect(sim.requests).toHaveLength(0)
        expectNoLeak(run, sim)
      })
    },
    TIMEOUT
  )
})

describe('bad input', () => {
  it(
    'bad input: the secret inputs are add-masked even though the run stops at the inputs',
    async () => {
      await withSimulator(FAST, async sim => {
        const run = await runAction(
          sim,
          { ...defaultInputs(sim), 'azure-auth': 'cli' },
          { env: DEBUG }
        )
        expect(run.exitCode).not.toBe(0)
        expect(maskedValues(run)).toEqual(
          expect.arrayContaining([sim.state.azure.clientSecret, sim.state.adobe.clientSecret])
        )
      })
    },
    TIMEOUT
  )
})

describe('a secret a service echoes in an ordinary answer reaches no sink', () => {
  it.concurrent(
    'a configuration status carrying the Adobe client secret: outputs, JSON report, summary, tracking issue',
    async () => {
      await withSimulator(FAST, async sim => {
        const secret = sim.state.adobe.clientSecret
        sim.state.configStatusSequence = ['NEW', `FAILED ${secret}` as SimConfigStatus]
        const run = await runAction(
          sim,
          { ...defaultInputs(sim), 'open-issue': 'true', 'wait-timeout-seconds': '2' },
          { env: DEBUG, withReport: true }
        )
        expect(run.exitCode).toBe(1)
        expect(run.report).toBeDefined()
        expectNoLeak(run, sim)
        const issues = sim.state.githubApi.issues
        expect(issues.length).toBeGreaterThan(0)
        const issueText = JSON.stringify([issues, sim.state.githubApi.comments])
        expect(issueText).toContain('FAILED')
        expect(leakedSecrets(sim, issueText)).toEqual([])
      })
    },
    TIMEOUT
  )
})
