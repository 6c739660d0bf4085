/*
 * Hostile answers and slow services, end to end against the bundled action (issue 11): whatever
 * the services answer, the run ends with outputs, summary and report, sends no credential
 * anywhere else, prints no workflow command a service chose, and writes nothing twice.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CONFIG_PATH,
  REGISTRATION_PATH,
  withSimulator,
  type FaultRule,
  type RecordedRequest,
  type Scenario,
  type SimConfigStatus,
  type Simulator
} from '../../test/simulator/index.js'
import { defaultInputs, runAction, writesOf, type ActionRun } from './harness.js'

const TIMEOUT = 120_000
const FAST: Partial<Scenario> = { configStatusSequence: ['COMPLETED'] }

const ENTRA_TOKEN = { service: 'entra', method: 'POST', path: /\/oauth2\/v2\.0\/token$/ } as const
const ARM_VAULT = {
  service: 'arm',
  method: 'GET',
  path: /\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+$/
} as const
/** The vault found by name in the subscription: ARM's generic resource query. */
const ARM_RESOURCE_QUERY = {
  service: 'arm',
  method: 'GET',
  path: /^\/subscriptions\/[^/]+\/resources$/
} as const
const ARM_ROLE_LIST = {
  service: 'arm',
  method: 'GET',
  path: /\/providers\/Microsoft\.Authorization\/roleAssignments$/
} as const
const IMS_TOKEN = { service: 'ims', method: 'POST', path: '/ims/token/v3' } as const
const REGISTRATION_GET = { service: 'platform', method: 'GET', path: REGISTRATION_PATH } as const
const CONFIG_GET = {
  service: 'platform',
  method: 'GET',
  path: new RegExp(`^${CONFIG_PATH}/`)
} as const
const DAY = '86400'

function matches(rule: Pick<FaultRule, 'service' | 'method' | 'path'>, r: RecordedRequest) {
  if (rule.service && r.service !== rule.service) return false
  if (rule.method && r.method !== rule.method) return false
  if (rule.path instanceof RegExp) return rule.path.test(r.path)
  return typeof rule.path !== 'string' || r.path.replace(/\/+$/, '') === rule.path
}

const foreignUrl = (sim: Simulator, path: string) => `https://foreign.localhost:${sim.port}${path}`
const foreignRequests = (sim: Simulator) =>
  sim.requests.filter(r => r.host.startsWith('foreign.localhost'))

/** The `::error` and `::warning` lines, with the runner's escapes undone. */
function annotations(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter(line => /^::(error|warning)/.test(line))
    .map(line => line.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'))
    .join('\n')
}

/** The run reported: outputs, summary, report, a failure annotation, no stack trace. */
function expectReportedFailure(run: ActionRun): void {
  expect(run.exitCode).toBe(1)
  expect(run.outputs.result).toBe('fail')
  expect(run.outputs.status).toMatch(/^[A-Z_]+$/)
  expect(run.summary).toMatch(/❌ fail/)
  expect(run.report?.result).toBe('fail')
  expect(run.stdout).toMatch(/^::error::CMK (setup|validate|check): /m)
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m)
}

describe('1. throttling and slow services cannot outlive the deadline', () => {
  it.concurrent(
    'Entra answering 429 with Retry-After: 86400 (validate, wait-timeout-seconds 0): not waited for, the run reports',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          ...ENTRA_TOKEN,
          action: {
            status: 429,
            headers: { 'retry-after': DAY },
            body: {
              error: 'temporarily_unavailable',
              error_description: 'AADSTS50196: sim-throttled'
            }
          }
        })
        const run = await runAction(
          sim,
          { ...defaultInputs(sim, 'validate'), 'wait-timeout-seconds': '0' },
          { withReport: true }
        )
        expectReportedFailure(run)
        expect(annotations(run)).toMatch(
          /title=azure\.sign-in::.*Entra token request.*sim-throttled/
        )
        // No token request waited out the Retry-After: each was answered before the run ended.
        const tokens = sim.requests.filter(r => matches(ENTRA_TOKEN, r))
        expect(tokens.length).toBeGreaterThan(0)
        expect(tokens.every(r => r.status === 429)).toBe(true)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'ARM answering 429 with a day-long Retry-After: one try, and the error says why it was not retried',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          ...ARM_VAULT,
          action: {
            status: 429,
            headers: { 'retry-after': DAY },
            body: { error: { code: 'TooManyRequests', message: 'sim-arm-throttled' } }
          }
        })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(annotations(run)).toMatch(
          /title=vault\.found::.*ARM GET vault answered 429: TooManyRequests: sim-arm-throttled: it asked to retry after 86400 s \(Retry-After\), longer than the 60 s the action waits/
        )
        expect(sim.requests.filter(r => matches(ARM_VAULT, r))).toHaveLength(1)
        expect(writesOf(sim)).toEqual([])
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'Adobe answering 429 with a day-long Retry-After: not retried, and the error says why',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          ...CONFIG_GET,
          action: {
            status: 429,
            headers: { 'retry-after': DAY },
            body: { error_code: '429050', message: 'sim-too-many-requests' }
          }
        })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(annotations(run)).toMatch(
          /Adobe GET configuration status answered 429: sim-too-many-requests \(error_code 429050\) \(it asked to retry after 86400 s \(Retry-After\), longer than the 60 s the action waits, so it was not retried\)/
        )
        expect(sim.requests.filter(r => matches(CONFIG_GET, r))).toHaveLength(1)
        expect(sim.counters.configSubmissions).toBe(0)
      })
    },
    TIMEOUT
  )

  it.concurrent.each([
    ['an ARM read', ARM_VAULT],
    ['an Entra token request', ENTRA_TOKEN],
    ['an Adobe read', REGISTRATION_GET]
  ])(
    'the deadline ends the run while %s is still pending, with outputs, summary and report',
    async (_label, rule) => {
      await withSimulator(FAST, async sim => {
        sim.fault({ ...rule, action: { delayMs: 110_000 } })
        const run = await runAction(
          sim,
          { ...defaultInputs(sim, 'validate'), 'wait-timeout-seconds': '0' },
          {
            withReport: true,
            env: { AEP_CMK_HTTP_TIMEOUT_SECONDS: '300', AEP_CMK_READ_ALLOWANCE_SECONDS: '6' }
          }
        )
        expectReportedFailure(run)
        expect(run.outputs['failed-checks']).not.toBe('')
        expect(JSON.stringify(run.report)).toMatch(/the run reached its deadline/)
        // The run ended before the service answered: the deadline, not the answer, ended it.
        const pending = sim.requests.filter(r => matches(rule, r))
        expect(pending.length).toBeGreaterThan(0)
        expect(pending.every(r => r.answeredAt === undefined)).toBe(true)
      })
    },
    TIMEOUT
  )
})

describe('2. service-provided strings cannot inject workflow commands', () => {
  const INJECTED = 'cmk-x\n::stop-commands::sim-stop\n::error::sim-injected'

  /** Lines the runner would read as commands that the action did not mean to issue. */
  function injectedCommands(run: ActionRun): string[] {
    return run.stdout
      .split(/\r\n|\n|\r/)
      .map(line => line.trimStart())
      .filter(line => line.startsWith('::'))
      .filter(line => !/^::(add-mask|debug|error title=|warning title=|notice)/.test(line))
      .filter(line => !/^::error::CMK (setup|validate|check): /.test(line))
  }

  it.concurrent(
    'a configuration status from Adobe with line breaks and commands stays on its line',
    async () => {
      const scenario: Partial<Scenario> = {
        configStatusSequence: ['NEW', INJECTED as SimConfigStatus]
      }
      await withSimulator(scenario, async sim => {
        const run = await runAction(
          sim,
          { ...defaultInputs(sim), 'wait-timeout-seconds': '2' },
          { withReport: true }
        )
        expect(injectedCommands(run)).toEqual([])
        expect(run.stdout).toContain('cmk-x\\n::stop-commands::sim-stop\\n::error::sim-injected')
        for (const value of Object.values(run.outputs)) expect(value).not.toMatch(/[\r\n]/)
        // Outside the documented values: the output says UNKNOWN, the report quotes what came.
        expect(run.outputs.status).toBe('UNKNOWN')
        expect(run.report!.status).toBe('UNKNOWN')
        expect(run.report!.statusAsSent).toBe(INJECTED)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    "a status carrying GitHub's legacy ##[cmd] or Azure Pipelines' ##vso[ form forms no command anywhere",
    async () => {
      const LEGACY =
        'RUNNING ##[set-output name=issue-url;]https://evil.example ##vso[task.setvariable variable=x]y'
      const scenario: Partial<Scenario> = {
        configStatusSequence: ['NEW', LEGACY as SimConfigStatus]
      }
      await withSimulator(scenario, async sim => {
        const run = await runAction(
          sim,
          { ...defaultInputs(sim), 'wait-timeout-seconds': '2' },
          { withReport: true, env: { RUNNER_DEBUG: '1' } }
        )
        expect(run.stdout).toContain('#\\#[set-output name=issue-url;]')
        expect(run.stdout + run.stderr).not.toMatch(/##(vso)?\[/i)
        for (const value of Object.values(run.outputs)) expect(value).not.toMatch(/##(vso)?\[/i)
        expect(run.outputs['issue-url']).toBeUndefined()
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'a consent URL off Entra’s sign-in host is not shown as a link anywhere, and the run says why',
    async () => {
      await withSimulator({ ...FAST, servicePrincipalPresent: false }, async sim => {
        const phishing = `https://login.microsoftonline.com.evil.example/common/oauth2/authorize?client_id=${sim.state.cmkApp.appId}`
        sim.fault({
          ...REGISTRATION_GET,
          action: {
            status: 200,
            body: {
              id: 'byok',
              applicationId: sim.state.cmkApp.appId,
              applicationRedirectUrl: phishing
            }
          }
        })
        const run = await runAction(sim, defaultInputs(sim, 'check'), { withReport: true })
        expectReportedFailure(run)
        expect(run.outputs['consent-url']).toBe('')
        expect(run.report?.consentUrl).toBeNull()
        // The report keeps what Adobe answered as evidence (app.registered), never as the link.
        expect(`${run.stdout}\n${run.summary}`).not.toContain('evil.example/common')
        expect(run.summary).not.toContain('[grant consent to the CMK app]')
        const why =
          "Adobe's consent URL points at `login.microsoftonline.com.evil.example`, not Entra's sign-in host " +
          `\`${new URL(sim.urls.authorityHost).host}\`, so it is not shown as a link to follow`
        expect(annotations(run)).toContain(why)
        expect(run.summary).toContain(`**Admin consent:** ${why}`)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'an application id that is not a GUID is refused before it is used',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          ...REGISTRATION_GET,
          action: {
            status: 200,
            body: {
              id: 'byok',
              applicationId: '8a1e6d1c\n::stop-commands::sim-stop',
              applicationRedirectUrl: 'https://login.microsoftonline.com/common/oauth2/authorize'
            }
          }
        })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(injectedCommands(run)).toEqual([])
        expect(annotations(run)).toMatch(
          /title=app\.registered::.*unexpected answer .*8a1e6d1c\\n::stop-commands.*needs an applicationId \(a GUID\)/
        )
        expect(run.outputs['application-id']).toBe('')
        expect(sim.counters.registrationRequests).toBe(0)
        expect(sim.requests.filter(r => r.service === 'graph')).toEqual([])
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'a key identifier that is not this key is refused before it is logged or submitted',
    async () => {
      await withSimulator(FAST, async sim => {
        // ARM's key resource then carries keyUriWithVersion ".../keys/aep-cmk-key/<this>".
        sim.state.key!.versions.push('7d3e9a1f4c2b4e8d9f0a1b2c3d4e5f61\n::stop-commands::sim-stop')
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(injectedCommands(run)).toEqual([])
        expect(annotations(run)).toMatch(
          /title=key\.found::.*ARM GET key answered 200: unexpected key identifier ".*": its path is not \/keys\/aep-cmk-key\/<32 hex digit version>/
        )
        expect(run.outputs['key-identifier']).toBe('')
        expect(sim.counters.configSubmissions).toBe(0)
      })
    },
    TIMEOUT
  )
})

describe('3. config-name must survive as one URL path segment', () => {
  it.concurrent.each(['.', '..'])(
    'config-name "%s" is bad input, before any request',
    async name => {
      await withSimulator(FAST, async sim => {
        const run = await runAction(sim, { ...defaultInputs(sim), 'config-name': name })
        expect(run.exitCode).toBe(1)
        expect(run.outputs.result).toBe('fail')
        expect(run.outputs.status).toBe('UNKNOWN')
        expect(annotations(run)).toContain(`config-name: must not be "." or ".."`)
        expect(sim.requests).toEqual([])
      })
    },
    TIMEOUT
  )
})

describe('4. only a 404 means the CMK app is not registered', () => {
  it.concurrent.each([
    ['{}', {}, /unexpected answer \{\}/],
    [
      'applicationId null, status PENDING',
      { applicationId: null, status: 'PENDING' },
      /unexpected answer \{"applicationId":null,"status":"PENDING"\}/
    ],
    ['an empty body', '', /unexpected answer \(an empty body\)/]
  ])(
    'a 200 with %s is an error that says so, and nothing is registered',
    async (_label, body, message) => {
      await withSimulator(FAST, async sim => {
        sim.fault({ ...REGISTRATION_GET, action: { status: 200, body } })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(annotations(run)).toMatch(message)
        expect(annotations(run)).toMatch(/only a 404 means the CMK app is not registered/)
        expect(sim.counters.registrationRequests).toBe(0)
        expect(writesOf(sim)).toEqual([])
      })
    },
    TIMEOUT
  )
})

describe('5. a write whose answer was lost is read back, never written again in the same run', () => {
  it.concurrent(
    'registration: the POST answer is lost and the wait is short: read back for its own grace period, one POST',
    async () => {
      const scenario: Partial<Scenario> = {
        ...FAST,
        registration: {
          status: 'absent',
          getsUntilReady: 1,
          pendingAnswer: 'not-found',
          readyAfterGets: 3
        }
      }
      await withSimulator(scenario, async sim => {
        sim.fault({
          service: 'platform',
          method: 'POST',
          path: REGISTRATION_PATH,
          after: 'send',
          times: 1,
          action: 'reset'
        })
        const run = await runAction(sim, { ...defaultInputs(sim), 'wait-timeout-seconds': '1' })
        expect(sim.counters.registrationRequests).toBe(1)
        expect(run.outputs['application-id']).toBe(sim.state.cmkApp.appId)
        expect(run.outputs.result).toBe('pass')
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'configuration: a POST slower than the per-try timeout is read back until it appears, not submitted again',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          service: 'platform',
          method: 'POST',
          path: CONFIG_PATH,
          times: 1,
          // Stored after 2 s: within the read-back's 3 s (30 s at AEP_CMK_RETRY_SCALE 0.1).
          action: { delayMs: 2000 }
        })
        const run = await runAction(sim, defaultInputs(sim), {
          env: { AEP_CMK_HTTP_TIMEOUT_SECONDS: '1' }
        })
        expect(sim.counters.configSubmissions).toBe(1)
        expect(
          sim.requests.filter(r => r.method === 'POST' && r.path === CONFIG_PATH)
        ).toHaveLength(1)
        expect(run.outputs.result).toBe('pass')
        expect(run.outputs.status).toBe('COMPLETED')
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'configuration: a lost POST answer while Adobe stores it under an internal name: one POST',
    async () => {
      await withSimulator(
        // Status found only by Adobe's internal name, which the lost answer would have carried.
        { ...FAST, configLookupBy: 'internal' },
        async sim => {
          sim.fault({
            service: 'platform',
            method: 'POST',
            path: CONFIG_PATH,
            after: 'send',
            times: 1,
            action: 'reset'
          })
          const run = await runAction(sim, defaultInputs(sim), { withReport: true })
          expect(sim.counters.configSubmissions).toBe(1)
          expect(
            sim.requests.filter(r => r.method === 'POST' && r.path === CONFIG_PATH)
          ).toHaveLength(1)
          expect(run.outputs.result).toBe('fail')
          expect(annotations(run)).toMatch(
            /Adobe POST configuration failed: .*no configuration named "cmk-kv-aep-cmk-prod-aep-cmk-key" appeared within 3 s of reading it back, and setup never writes twice in one run/
          )
        }
      )
    },
    TIMEOUT
  )
})

describe('6. redirects are never followed on requests that carry a secret or a token', () => {
  it.concurrent.each([
    [
      'the IMS token request (client secret)',
      IMS_TOKEN,
      307,
      /Adobe IMS token request answered 307: a redirect to foreign\.localhost/
    ],
    [
      'the IMS token request, to plain http',
      IMS_TOKEN,
      308,
      /a redirect to http:\/\/foreign\.localhost/
    ],
    [
      'an Adobe read (IMS token)',
      REGISTRATION_GET,
      302,
      /Adobe GET CMK app registration answered 302: a redirect to foreign\.localhost/
    ],
    [
      'an ARM read (ARM token), cross-origin',
      ARM_VAULT,
      302,
      /ARM GET vault answered 302: a redirect to foreign\.localhost/
    ],
    [
      'an Entra token request (client secret)',
      ENTRA_TOKEN,
      307,
      /title=azure\.sign-in::.*Entra token request/
    ]
  ] as const)(
    '%s answering %s: nothing reaches the other host, and the error names it',
    async (label, rule, status, message) => {
      await withSimulator(FAST, async sim => {
        const scheme = label.includes('plain http')
          ? `http://foreign.localhost:${sim.port}`
          : undefined
        const location = scheme ? `${scheme}/stolen` : foreignUrl(sim, '/stolen')
        sim.fault({ ...rule, action: { status, headers: { location } } })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(foreignRequests(sim)).toEqual([])
        expect(annotations(run)).toMatch(message)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'an ARM read redirected within ARM is not followed either',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          ...ARM_VAULT,
          times: 1,
          action: { status: 307, headers: { location: `${sim.urls.arm}/elsewhere` } }
        })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(sim.requests.filter(r => r.path === '/elsewhere')).toEqual([])
        expect(annotations(run)).toMatch(
          /ARM GET vault answered 307: a redirect to management\.localhost/
        )
      })
    },
    TIMEOUT
  )
})

describe('7. a nextLink is followed only to the origin of the first request', () => {
  it.concurrent(
    'the vault search: a nextLink to another host gets no token and fails the read, naming the host',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          ...ARM_RESOURCE_QUERY,
          action: {
            status: 200,
            body: { value: [], nextLink: foreignUrl(sim, '/subscriptions/x/vaults?page=2') }
          }
        })
        const inputs: Record<string, string> = { ...defaultInputs(sim) }
        delete inputs['azure-resource-group']
        const run = await runAction(sim, inputs, { withReport: true })
        expectReportedFailure(run)
        expect(foreignRequests(sim).filter(r => r.headers.authorization)).toEqual([])
        expect(annotations(run)).toMatch(
          /title=vault\.found::.*ARM list resources by name failed: refused to send the token to foreign\.localhost/
        )
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'role-assignment paging: a nextLink to another host gets no token, and app.role cannot be decided',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          ...ARM_ROLE_LIST,
          action: {
            status: 200,
            body: { value: [], nextLink: foreignUrl(sim, '/roleAssignments?page=2') }
          }
        })
        const run = await runAction(
          sim,
          { ...defaultInputs(sim), strict: 'true' },
          { withReport: true }
        )
        expectReportedFailure(run)
        expect(foreignRequests(sim).filter(r => r.headers.authorization)).toEqual([])
        expect(annotations(run)).toMatch(
          /title=app\.role::.*refused to send the token to foreign\.localhost/
        )
        expect(sim.counters.configSubmissions).toBe(0)
      })
    },
    TIMEOUT
  )
})

describe('8. no answer is read beyond 4 MiB', () => {
  it.concurrent.each([
    [
      'an Adobe read (our HTTP client)',
      REGISTRATION_GET,
      /title=app\.registered::.*Adobe GET CMK app registration answered 200: the answer is larger than 4 MiB/
    ],
    [
      'an ARM read (Azure SDK)',
      ARM_VAULT,
      /title=vault\.found::.*ARM GET vault answered 200: the answer is larger than 4 MiB/
    ],
    [
      'an Entra token request (Azure identity)',
      ENTRA_TOKEN,
      /title=azure\.sign-in::.*Entra token request.*larger than 4 MiB|title=azure\.sign-in::.*Entra token request/
    ]
  ] as const)(
    '%s with an endless body fails with a clear error, having read a few MB',
    async (_label, rule, message) => {
      await withSimulator(FAST, async sim => {
        sim.fault({ ...rule, action: 'endless' })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(annotations(run)).toMatch(message)
        const endless = sim.requests.filter(r => r.bytesSent !== undefined)
        expect(endless.length).toBeGreaterThan(0)
        // What the client read plus what the sockets buffered: far below the 4.9 GB seen before.
        for (const r of endless) expect(r.bytesSent).toBeLessThan(64 * 1024 * 1024)
      })
    },
    TIMEOUT
  )
})

describe('9. smaller ones', () => {
  it.concurrent(
    'an IMS error that echoes the form body does not leak the URL-encoded client secret',
    async () => {
      const secret = 'p4ss+w/rd=sim&secret value~9'
      await withSimulator(FAST, async sim => {
        sim.state.adobe.clientSecret = secret
        sim.fault({
          ...IMS_TOKEN,
          action: {
            status: 400,
            body: (req: { body: string }) => ({
              error: 'invalid_request',
              error_description: `cannot parse ${req.body}`
            })
          }
        })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(annotations(run)).toMatch(
          /Adobe IMS token request answered 400: invalid_request: cannot parse/
        )
        const forms = [
          secret,
          encodeURIComponent(secret),
          new URLSearchParams({ s: secret }).toString().slice(2)
        ]
        // ::add-mask:: lines carry the secret by design: they tell the runner what to mask.
        const text = run.everything
          .split('\n')
          .filter(line => !line.startsWith('::add-mask::'))
          .join('\n')
        for (const form of forms) expect(text).not.toContain(form)
        expect(text).toContain('client_secret=***')
        // Every form was masked with the runner too (the command escapes % as %25).
        for (const form of forms)
          expect(run.stdout).toContain(`::add-mask::${form.replace(/%/g, '%25')}`)
      })
    },
    TIMEOUT
  )

  it.concurrent(
    'report-file naming a named pipe: outputs and summary are written, the pipe is refused',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-fifo-'))
      try {
        const fifo = join(dir, 'report.json')
        execFileSync('mkfifo', [fifo])
        await withSimulator(FAST, async sim => {
          const run = await runAction(sim, { ...defaultInputs(sim), 'report-file': fifo })
          expect(run.exitCode).toBe(0)
          expect(run.outputs.result).toBe('pass')
          expect(run.outputs['report-file']).toBeUndefined()
          expect(run.summary).toMatch(/✅ pass/)
          expect(annotations(run)).toContain(
            `::warning::Could not write report-file ${fifo}: ${fifo} is a named pipe, not a regular file`
          )
        })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    TIMEOUT
  )

  it.concurrent(
    'sarif-file naming a named pipe: the run ends with its outputs, the pipe is refused',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-sarif-fifo-'))
      try {
        const fifo = join(dir, 'cmk.sarif')
        execFileSync('mkfifo', [fifo])
        await withSimulator(FAST, async sim => {
          const run = await runAction(sim, { ...defaultInputs(sim), 'sarif-file': fifo })
          expect(run.exitCode).toBe(0)
          expect(run.outputs.result).toBe('pass')
          expect(run.outputs['sarif-file']).toBeUndefined()
          expect(annotations(run)).toContain(
            `::warning::Could not write sarif-file ${fifo}: ${fifo} is a named pipe, not a regular file`
          )
        })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    TIMEOUT
  )

  it.concurrent(
    'report-file and sarif-file committed as symbolic links: refused, their targets untouched',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-symlink-'))
      try {
        const target = join(dir, 'precious')
        writeFileSync(target, 'keep me\n')
        const report = join(dir, 'report.json')
        const sarif = join(dir, 'cmk.sarif')
        symlinkSync(target, report)
        symlinkSync(join(dir, 'created-through-link'), sarif)
        await withSimulator(FAST, async sim => {
          const run = await runAction(sim, {
            ...defaultInputs(sim),
            'report-file': report,
            'sarif-file': sarif
          })
          expect(run.exitCode).toBe(0)
          expect(run.outputs.result).toBe('pass')
          expect(run.outputs['report-file']).toBeUndefined()
          expect(run.outputs['sarif-file']).toBeUndefined()
          expect(annotations(run)).toContain(
            `::warning::Could not write report-file ${report}: ${report} is a symbolic link, not a regular file`
          )
          expect(annotations(run)).toContain(
            `::warning::Could not write sarif-file ${sarif}: ${sarif} is a symbolic link, not a regular file`
          )
        })
        expect(readFileSync(target, 'utf8')).toBe('keep me\n')
        expect(existsSync(join(dir, 'created-through-link'))).toBe(false)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    TIMEOUT
  )

  it.concurrent(
    'an unwritable GITHUB_OUTPUT is one clear error line, not a source dump',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-output-'))
      try {
        await withSimulator(FAST, async sim => {
          const run = await runAction(sim, defaultInputs(sim), {
            env: { GITHUB_OUTPUT: dir }
          })
          expect(run.exitCode).toBe(1)
          expect(run.stderr).toBe('')
          const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
          expect(errors).toHaveLength(1)
          expect(errors[0]).toMatch(
            new RegExp(
              `^::error::CMK setup: could not write the outputs to GITHUB_OUTPUT \\(${dir}\\): `
            )
          )
          expect(run.summary).toMatch(/✅ pass/)
        })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    TIMEOUT
  )

  it.concurrent(
    'ARM answering an HTML page: the error says what came back',
    async () => {
      await withSimulator(FAST, async sim => {
        sim.fault({
          ...ARM_VAULT,
          action: {
            status: 200,
            headers: { 'content-type': 'text/html; charset=utf-8' },
            body: '<!DOCTYPE html><html><head><title>Sign in to the proxy</title></head><body></body></html>'
          }
        })
        const run = await runAction(sim, defaultInputs(sim), { withReport: true })
        expectReportedFailure(run)
        expect(annotations(run)).toMatch(
          /title=vault\.found::.*ARM GET vault answered 200: the answer is not JSON: text\/html, an HTML page titled "Sign in to the proxy"/
        )
        expect(annotations(run)).not.toMatch(/Cannot read properties/)
      })
    },
    TIMEOUT
  )
})
