import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startSimulator, type Simulator } from '../../test/simulator/index.js'
import { spawnNode } from '../../test/run-action.js'
import { assertValidReport } from '../../test/report-schema.js'
import { defaultInputs, leakedSecrets, parseOutputFile, runAction, writesOf } from './harness.js'

const CLI = resolve('bin/aep-cmk.js')
/** A stand-in `az` (test/fake-az) that asks the simulator's Entra for the scenario's tokens. */
const FAKE_AZ_DIR = resolve('test/fake-az')
const CONFIG_PATH = '/data/infrastructure/manager/customer/config'

interface CliRun {
  exitCode: number
  stdout: string
  stderr: string
}

let sim: Simulator
let workDir: string

/**
 * Runs `node bin/aep-cmk.js args` the way a GitLab or Azure Pipelines job would: no INPUT_*,
 * no GITHUB_OUTPUT, no GITHUB_ACTIONS; only the simulator's endpoints and `env`.
 */
function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workDir,
    ...sim.childEnv(),
    ...env
  }
  return spawnNode([CLI, ...args], childEnv, workDir)
}

/** The default inputs as flags, alternating `--name value` and `--name=value`. */
function flags(overrides: Record<string, string> = {}): string[] {
  const inputs: Record<string, string> = { ...defaultInputs(sim), ...overrides }
  return Object.entries(inputs).flatMap(([name, value], i) =>
    i % 2 === 0 ? [`--${name}`, value] : [`--${name}=${value}`]
  )
}

/** The same inputs as AEP_CMK_<NAME> environment variables. */
function envVars(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      `AEP_CMK_${name.toUpperCase().replace(/-/g, '_')}`,
      value
    ])
  )
}

function jsonOutputs(run: CliRun): Record<string, string> {
  return JSON.parse(run.stdout) as Record<string, string>
}

function configPosts(): number {
  return sim.requests.filter(
    r => r.service === 'platform' && r.method === 'POST' && r.path === CONFIG_PATH
  ).length
}

beforeAll(async () => {
  sim = await startSimulator()
  workDir = mkdtempSync(join(tmpdir(), 'aep-cmk-cli-'))
})
afterAll(async () => {
  await sim.close()
  rmSync(workDir, { recursive: true, force: true })
})
beforeEach(() => {
  sim.clearRequests()
  sim.clearFaults()
})

describe('aep-cmk CLI against the simulator, inputs as flags', () => {
  let afterSetup: Simulator['state']['configs']

  it('setup: exits 0, submits one configuration and prints the outputs as JSON on stdout', async () => {
    sim.state.configs = {}
    const before = sim.counters.configSubmissions
    const run = await runCli(flags({ mode: 'setup' }))
    afterSetup = structuredClone(sim.state.configs)

    expect(run.exitCode).toBe(0)
    expect(jsonOutputs(run)).toEqual({
      result: 'pass',
      status: 'COMPLETED',
      'config-name': 'cmk-kv-aep-cmk-prod-aep-cmk-key',
      'vault-type': 'vault',
      'key-identifier': `https://kv-aep-cmk-prod.vault.localhost:${sim.port}/keys/aep-cmk-key/${sim.state.key!.versions.at(-1)}`,
      'application-id': sim.state.cmkApp.appId,
      'consent-url': expect.stringContaining(`/${sim.state.tenantId}/`),
      'failed-checks': ''
    })
    expect(sim.counters.configSubmissions - before).toBe(1)
    expect(configPosts()).toBe(1)
    expect(run.stderr).toContain('CMK setup: pass')
  })

  it('setup: logs go to stderr as plain lines, without workflow commands or secrets', async () => {
    sim.state.configs = {}
    const run = await runCli(flags({ mode: 'setup' }))
    expect(run.exitCode).toBe(0)
    expect(run.stderr).not.toMatch(/^::/m)
    expect(leakedSecrets(sim, run.stdout + run.stderr)).toEqual([])
    expect(run.stderr).not.toContain('## ') // the job summary only with --summary
  })

  it('validate: exits 0 and sends no writes', async () => {
    sim.state.configs = {}
    const run = await runCli(flags({ mode: 'validate' }))
    expect(run.exitCode).toBe(0)
    expect(jsonOutputs(run)).toMatchObject({ result: 'pass', status: 'NOT_CONFIGURED' })
    expect(sim.requests.length).toBeGreaterThan(0)
    expect(writesOf(sim)).toEqual([])
  })

  it('check: exits 0 after setup, without writes', async () => {
    sim.state.configs = structuredClone(afterSetup)
    const run = await runCli(flags({ mode: 'check' }))
    expect(run.exitCode).toBe(0)
    expect(jsonOutputs(run)).toMatchObject({
      result: 'pass',
      status: 'COMPLETED',
      'failed-checks': ''
    })
    expect(writesOf(sim)).toEqual([])
  })

  it('check: exits 1 with config.status failed when no configuration exists', async () => {
    sim.state.configs = {}
    const run = await runCli(flags({ mode: 'check' }))
    expect(run.exitCode).toBe(1)
    const outputs = jsonOutputs(run)
    expect(outputs).toMatchObject({ result: 'fail', status: 'NOT_CONFIGURED' })
    expect(outputs['failed-checks']!.split(',')).toContain('config.status')
    expect(run.stderr).toMatch(/^error: config\.status: /m)
    expect(writesOf(sim)).toEqual([])
  })

  it('--output env prints dotenv lines with underscore names', async () => {
    sim.state.configs = {}
    const run = await runCli([...flags({ mode: 'check' }), '--output', 'env'])
    expect(run.exitCode).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    for (const line of lines) expect(line).toMatch(/^[a-z_]+=/)
    const values = Object.fromEntries(
      lines.map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    )
    expect(values).toMatchObject({
      result: 'fail',
      status: 'NOT_CONFIGURED',
      config_name: 'cmk-kv-aep-cmk-prod-aep-cmk-key'
    })
    expect(values.failed_checks?.split(',')).toContain('config.status')
  })

  it('--summary prints the job summary Markdown on stderr', async () => {
    sim.state.configs = {}
    const run = await runCli([...flags({ mode: 'check' }), '--summary'])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toContain('## ❌ fail (check): ')
    expect(jsonOutputs(run).result).toBe('fail')
  })

  it('--report-file writes the same JSON report as the action', async () => {
    sim.state.configs = {}
    const reportFile = join(workDir, 'reports', 'nested', 'cmk.json')
    const run = await runCli([...flags({ mode: 'check' }), '--report-file', reportFile])
    expect(run.exitCode).toBe(1)
    expect(jsonOutputs(run)['report-file']).toBe(reportFile)
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Record<string, unknown>
    assertValidReport(report, 'aep-cmk --report-file')

    const action = await runAction(
      sim,
      { ...defaultInputs(sim), mode: 'check' },
      { withReport: true }
    )
    expect(action.exitCode).toBe(1)
    expect(report.schemaVersion).toBe(1)
    expect(Object.keys(report).sort()).toEqual(Object.keys(action.report!).sort())
    for (const field of [
      'result',
      'mode',
      'status',
      'configName',
      'keyIdentifier',
      'failedChecks'
    ]) {
      expect(report[field]).toEqual(action.report![field])
    }
    const ids = (r: Record<string, unknown>) => (r.findings as { id: string }[]).map(f => f.id)
    expect(ids(report)).toEqual(ids(action.report!))
  })
})

describe('aep-cmk CLI: environment variables', () => {
  it('reads AEP_CMK_<NAME> variables; they win over INPUT_<NAME>, which still applies alone', async () => {
    const { 'key-name': keyName, ...rest } = defaultInputs(sim)
    const run = await runCli([], {
      ...envVars({ ...rest, mode: 'validate' }), // defaultInputs has mode setup: replaced
      INPUT_MODE: 'setup',
      'INPUT_KEY-NAME': keyName ?? ''
    })
    expect(run.exitCode).toBe(0)
    expect(jsonOutputs(run)['key-identifier']).toContain(`/keys/${keyName}/`)
    expect(writesOf(sim)).toEqual([]) // validate, not the INPUT_MODE setup
  })

  it('flags win over AEP_CMK_<NAME> variables', async () => {
    const run = await runCli(['--mode', 'validate', '--key-name', 'aep-cmk-key'], {
      ...envVars({ ...defaultInputs(sim), mode: 'setup', 'key-name': 'no-such-key' })
    })
    expect(run.exitCode).toBe(0)
    expect(jsonOutputs(run)['key-identifier']).toContain('/keys/aep-cmk-key/')
    expect(writesOf(sim)).toEqual([])
  })

  it('under GitHub Actions, appends to the given GITHUB_OUTPUT and keeps workflow commands', async () => {
    const outputFile = join(workDir, 'github-output')
    writeFileSync(outputFile, 'earlier=step output\n')
    const run = await runCli(flags({ mode: 'validate' }), {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile
    })
    expect(run.exitCode).toBe(0)
    const written = parseOutputFile(readFileSync(outputFile, 'utf8'))
    expect(written).toMatchObject({ earlier: 'step output', result: 'pass' })
    expect(jsonOutputs(run)).not.toHaveProperty('earlier')
    expect(jsonOutputs(run).result).toBe('pass')
    expect(run.stderr).toContain('::add-mask::') // the runner masks secrets from stderr too
    expect(run.stdout).not.toContain('::')
  })
})

describe('aep-cmk CLI: hostile answers', () => {
  it('a status with command forms and an echoed secret: no ##[, ##vso[ or secret on stdout or stderr', async () => {
    sim.state.configs = {}
    const secret = sim.state.adobe.clientSecret
    const statuses = sim.state.configStatusSequence
    sim.state.configStatusSequence = [
      'NEW',
      `RUNNING ##[set-output name=issue-url;]https://evil.example ##vso[task.complete result=Succeeded] ${secret}` as (typeof statuses)[number]
    ]
    try {
      const run = await runCli(
        [...flags({ mode: 'setup', 'wait-timeout-seconds': '2' }), '--verbose'],
        {
          AEP_CMK_RETRY_SCALE: '0.1'
        }
      )
      expect(run.exitCode).toBe(1)
      expect(run.stderr).toContain('#\\#[set-output')
      expect(run.stdout + run.stderr).not.toMatch(/##(vso)?\[/i)
      expect(leakedSecrets(sim, run.stdout + run.stderr)).toEqual([])
    } finally {
      sim.state.configStatusSequence = statuses
    }
  })

  it('exits 1 when the outputs cannot be written under GitHub Actions', async () => {
    const run = await runCli(flags({ mode: 'validate' }), {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: workDir
    })
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toMatch(/could not write the outputs to GITHUB_OUTPUT/)
  })
})

describe('aep-cmk CLI: usage', () => {
  it('an unknown flag exits 2 (as an invalid input does), names the flag and contacts nothing', async () => {
    const run = await runCli([...flags({ mode: 'setup' }), '--key-vault-nmae', 'kv'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('--key-vault-nmae')
    expect(run.stderr).toContain('did you mean --key-vault-name?')
    expect(run.stdout).toBe('')
    expect(sim.requests).toEqual([])
  })

  it('an invalid input value exits 2 like a bad flag, naming the input, before any request', async () => {
    const run = await runCli(flags({ 'key-vault-name': 'a' }))
    expect(run.exitCode).toBe(2)
    // An input error prints no outputs: a caller piping stdout into jq must not read a result.
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^aep-cmk: invalid input: key-vault-name: must be/m)
    expect(run.stderr).not.toContain('CMK setup:')
    expect(sim.requests).toEqual([])
  })

  it('--help lists every input of action.yml as a flag, and --version the package version', async () => {
    const help = await runCli(['--help'])
    expect(help.exitCode).toBe(0)
    const yaml = readFileSync('action.yml', 'utf8')
    const inputsSection = yaml.slice(yaml.indexOf('\ninputs:'), yaml.indexOf('\noutputs:'))
    const names = [...inputsSection.matchAll(/^ {2}([a-z-]+):$/gm)].map(m => m[1])
    expect(names.length).toBeGreaterThanOrEqual(24)
    for (const name of names) expect(help.stdout).toContain(`--${name} `)
    expect(help.stdout).toContain('Default: 1800')

    const version = await runCli(['--version'])
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(version).toMatchObject({ exitCode: 0, stdout: `${pkg.version}\n` })
  })
})

describe('aep-cmk CLI: the run deadline', () => {
  it('exits 1 with its result printed at the deadline, while a hung `az` still waits for Entra', async () => {
    const entraToken = {
      service: 'entra',
      method: 'POST',
      path: /\/oauth2\/v2\.0\/token$/
    } as const
    // az waits on Entra for 100 s and ignores the run's cancellation: only exiting ends it.
    sim.fault({ ...entraToken, action: { delayMs: 100_000 } })
    const run = await runCli(
      flags({
        mode: 'validate',
        'wait-timeout-seconds': '0',
        'azure-auth': 'cli',
        'azure-client-id': '',
        'azure-client-secret': ''
      }),
      {
        PATH: `${FAKE_AZ_DIR}:${process.env.PATH}`,
        FAKE_AZ_CLIENT_ID: sim.state.azure.clientId,
        FAKE_AZ_CLIENT_SECRET: sim.state.azure.clientSecret,
        FAKE_AZ_TENANT_ID: sim.state.tenantId,
        AEP_CMK_READ_ALLOWANCE_SECONDS: '6'
      }
    )

    expect(run.exitCode).toBe(1)
    expect(jsonOutputs(run)).toMatchObject({ result: 'fail', 'failed-checks': 'config.status' })
    expect(run.stderr).toMatch(/^error: config\.status: Not decided: the run reached its deadline/m)
    // The command ended before Entra answered az: the deadline, not the answer, ended it.
    const pending = sim.requests.filter(r => r.service === 'entra' && entraToken.path.test(r.path))
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every(r => r.answeredAt === undefined)).toBe(true)
  }, 150_000)
})
