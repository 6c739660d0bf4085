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

  const cliInputs = () => ({
    ...defaultInputs(sim, 'validate'),
    'azure-auth': 'cli',
    'azure-client-id': undefined,
    'azure-client-secret': undefined
  })

  it('asks the Azure CLI for each token and passes', async () => {
    const run = await runAction(sim, cliInputs(), {
      env: {
        PATH: `${FAKE_AZ_DIR}:${process.env.PATH}`,
        FAKE_AZ_CLIENT_ID: sim.state.azure.clientId,
        FAKE_AZ_CLIENT_SECRET: sim.state.azure.clientSecret,
        FAKE_AZ_TENANT_ID: sim.state.tenantId
      }
    })
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
})
