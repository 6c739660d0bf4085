import { resolve } from 'node:path'
import { startSimulator, type Simulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction } from './harness.js'

/** A stand-in `az` (test/fake-az) that signs in as the scenario's service principal. */
const FAKE_AZ_DIR = resolve('test/fake-az')

describe('azure-auth cli: the session azure/login leaves behind', () => {
  let sim: Simulator
  beforeAll(async () => {
    // ARM omits the rotation policy: the data plane needs a Key Vault token from the CLI too.
    sim = await startSimulator({ armKeyRotationPolicy: 'omitted' })
  })
  afterAll(() => sim.close())
  beforeEach(() => sim.clearRequests())
  afterEach(() => sim.clearFaults())

  const cliInputs = () => ({
    ...defaultInputs(sim, 'validate'),
    'azure-auth': 'cli',
    'azure-client-id': undefined,
    'azure-client-secret': undefined
  })

  /** An `az` signed in as the scenario's service principal. */
  const signedInAz = () => ({
    PATH: `${FAKE_AZ_DIR}:${process.env.PATH}`,
    FAKE_AZ_CLIENT_ID: sim.state.azure.clientId,
    FAKE_AZ_CLIENT_SECRET: sim.state.azure.clientSecret,
    FAKE_AZ_TENANT_ID: sim.state.tenantId
  })

  it('asks the Azure CLI for each token and passes', async () => {
    const run = await runAction(sim, cliInputs(), { env: signedInAz() })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    // The tokens came through the CLI: one client-credentials request per audience.
    const scopes = sim.requests
      .filter(r => r.service === 'entra' && r.method === 'POST')
      .map(r => new URLSearchParams(r.body).get('scope'))
    expect(scopes).toHaveLength(3)
    expect(new Set(scopes).size).toBe(3)
    expect(sim.requests.filter(r => r.service === 'keyvault' && r.status === 200)).toHaveLength(1)
  })

  it('fails with the CLI message, naming the token request, when nobody ran az login', async () => {
    const run = await runAction(sim, cliInputs(), {
      env: { PATH: `${FAKE_AZ_DIR}:${process.env.PATH}` }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs['failed-checks']).toBe('azure.sign-in')
    expect(run.stdout).toMatch(
      /::error title=azure\.sign-in::azure-auth is cli, but the Azure CLI is not signed in\. Entra token request.*az login/
    )
    expect(run.stdout).not.toContain('title=vault.found')
    expect(sim.requests.filter(r => r.service === 'arm')).toHaveLength(0)
  })

  it('stops an az that never finishes after the per-try timeout and says so', async () => {
    const entraToken = {
      service: 'entra',
      method: 'POST',
      path: /\/oauth2\/v2\.0\/token$/
    } as const
    // az waits on an Entra that does not answer for 100 s, longer than this test may take.
    sim.fault({ ...entraToken, action: { delayMs: 100_000 } })
    // 3 s, not 1: the fake az is a process of its own, which a loaded machine may start late,
    // and the test asks that it reached Entra before it was stopped.
    const run = await runAction(sim, cliInputs(), {
      env: { ...signedInAz(), AEP_CMK_HTTP_TIMEOUT_SECONDS: '3' },
      withReport: true
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'fail', 'failed-checks': 'azure.sign-in' })
    expect(run.stdout).toMatch(
      /::error title=azure\.sign-in::azure-auth is cli, but `az account get-access-token` did not finish within 3 s, so the action stopped it\. Entra token request \(https:\/\/[^)]+\) failed: az account get-access-token did not finish within 3 s and was stopped\./
    )
    expect(run.everything).not.toMatch(/JSON/)
    expect(run.summary).toContain('did not finish within 3 s')
    expect(run.report).toBeDefined()
    // One try per token (ARM's, and Graph's asked for in advance): az was stopped before Entra
    // answered it, and was not asked again.
    const asked = sim.requests.filter(r => r.service === 'entra' && entraToken.path.test(r.path))
    const scopes = asked.map(r => new URLSearchParams(r.body).get('scope'))
    expect(scopes).toContain(`${sim.childEnv().AEP_CMK_ARM_ENDPOINT}/.default`)
    expect(new Set(scopes).size).toBe(scopes.length)
    expect(asked.every(r => r.answeredAt === undefined)).toBe(true)
    expect(sim.requests.filter(r => r.service === 'arm')).toHaveLength(0)
  })
})
