import {
  adobeInternalConfigName,
  startSimulator,
  type RecordedRequest,
  type Simulator
} from '../../test/simulator/index.js'
import { defaultInputs, leakedSecrets, runAction, writesOf, type ActionRun } from './harness.js'

const REGISTRATION_PATH = '/data/infrastructure/manager/byok/app-registration'
const CONFIG_PATH = '/data/infrastructure/manager/customer/config'
const CONFIG_NAME = 'cmk-kv-aep-cmk-prod-aep-cmk-key'

function platformRequests(sim: Simulator): RecordedRequest[] {
  return sim.requests.filter(r => r.service === 'platform')
}

function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body))
}

describe('setup from nothing: registers the app, submits the key, waits for COMPLETED', () => {
  let sim: Simulator
  let run: ActionRun

  beforeAll(async () => {
    sim = await startSimulator({
      registration: {
        status: 'absent',
        getsUntilReady: 1,
        pendingAnswer: 'not-found',
        readyAfterGets: 2
      }
    })
    run = await runAction(sim, defaultInputs(sim))
  })
  afterAll(() => sim.close())

  it('passes and writes every output', () => {
    const s = sim.state
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toEqual({
      result: 'pass',
      status: 'COMPLETED',
      'config-name': 'cmk-kv-aep-cmk-prod-aep-cmk-key',
      'vault-type': 'vault',
      'key-identifier': `https://kv-aep-cmk-prod.vault.localhost:${sim.port}/keys/aep-cmk-key/${s.key!.versions.at(-1)}`,
      'application-id': s.cmkApp.appId,
      'consent-url': expect.stringContaining(`${sim.urls.authorityHost}/${s.tenantId}/`),
      'failed-checks': ''
    })
    expect(run.outputs['consent-url']).toContain(`client_id=${s.cmkApp.appId}`)
  })

  it('asks IMS for a token with the client-credentials grant and the default scopes', () => {
    const ims = sim.requests.filter(r => r.service === 'ims')
    expect(ims).toHaveLength(1)
    expect(ims[0]!.method).toBe('POST')
    expect(ims[0]!.headers['content-type']!).toMatch(/^application\/x-www-form-urlencoded/)
    expect(form(ims[0]!.body)).toEqual({
      grant_type: 'client_credentials',
      client_id: sim.state.adobe.clientId,
      client_secret: sim.state.adobe.clientSecret,
      scope: 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext'
    })
  })

  it('sends the Adobe headers on every Platform request, and JSON only with a body', () => {
    const requests = platformRequests(sim)
    expect(requests.length).toBeGreaterThanOrEqual(5)
    for (const r of requests) {
      expect(r.headers.authorization).toMatch(/^Bearer \S+$/)
      expect(r.headers['x-api-key']).toBe('acp_provisioning')
      expect(r.headers['x-gw-ims-org-id']).toBe(sim.state.adobe.orgId)
      if (r.body) expect(r.headers['content-type']).toMatch(/^application\/json/)
    }
  })

  it('registers the app once, with an empty POST, then reads until the redirect URL appears', () => {
    const registration = platformRequests(sim).filter(r => r.path === REGISTRATION_PATH)
    const posts = registration.filter(r => r.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.body).toBe('')
    expect(registration.map(r => `${r.method} ${r.status}`)).toEqual([
      'GET 404',
      'POST 200',
      'GET 404',
      'GET 200'
    ])
    expect(sim.counters.registrationRequests).toBe(1)
  })

  it('submits the key identifier once in the current payload format', () => {
    const submissions = platformRequests(sim).filter(
      r => r.method === 'POST' && r.path === CONFIG_PATH
    )
    expect(submissions).toHaveLength(1)
    expect(JSON.parse(submissions[0]!.body)).toEqual({
      name: 'cmk-kv-aep-cmk-prod-aep-cmk-key',
      type: 'BYOK_CONFIG',
      imsOrgId: sim.state.adobe.orgId,
      configData: {
        providerType: 'AZURE_KEYVAULT',
        keyVaultKeyIdentifier: run.outputs['key-identifier']
      }
    })
    expect(sim.counters.configSubmissions).toBe(1)
  })

  it('polls the configuration by name with configType until COMPLETED, and stops there', () => {
    const reads = platformRequests(sim).filter(
      r => r.method === 'GET' && r.path.startsWith(`${CONFIG_PATH}/`)
    )
    for (const r of reads) {
      expect(r.path).toBe(`${CONFIG_PATH}/cmk-kv-aep-cmk-prod-aep-cmk-key`)
      expect(r.query).toEqual({ configType: 'BYOK_CONFIG' })
    }
    const submittedAt = platformRequests(sim).find(
      r => r.method === 'POST' && r.path === CONFIG_PATH
    )!.at
    const polls = reads.filter(r => r.at > submittedAt)
    // normal sequence: NEW, RUNNING, UPDATE_EXISTING_RESOURCES, COMPLETED
    expect(polls).toHaveLength(3)
  })

  it('writes only to Adobe, and only after every read', () => {
    expect(writesOf(sim)).toEqual([
      `POST platform ${REGISTRATION_PATH}`,
      `POST platform ${CONFIG_PATH}`
    ])
    const firstWrite = sim.requests.find(r => r.method === 'POST' && r.service === 'platform')!
    const armReads = sim.requests.filter(
      r => r.service === 'arm' && r.path.endsWith('kv-aep-cmk-prod')
    )
    const keyReads = sim.requests.filter(
      r => r.service === 'arm' && r.path.endsWith('/keys/aep-cmk-key') && r.status === 200
    )
    expect(armReads.length).toBeGreaterThan(0)
    expect(keyReads.length).toBe(1)
    expect(Math.max(...armReads.map(r => r.at), ...keyReads.map(r => r.at))).toBeLessThanOrEqual(
      firstWrite.at
    )
  })

  it('reads the vault through ARM with api-version 2026-02-01 and a management token', () => {
    const vault = sim.requests.filter(
      r =>
        r.service === 'arm' &&
        r.path.endsWith('/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod')
    )
    expect(vault).toHaveLength(1)
    expect(vault[0]!.path).toBe(
      `/subscriptions/${sim.state.subscriptionId}/resourceGroups/${sim.state.resourceGroup}/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod`
    )
    expect(vault[0]!.query['api-version']!).toBe('2026-02-01')
    expect(vault[0]!.headers.authorization).toMatch(/^Bearer /)
  })

  it('reads the key through ARM with api-version 2026-02-01, never on the data plane', () => {
    const key = sim.requests.filter(r => r.service === 'arm' && r.path.includes('/keys/'))
    expect(key).toHaveLength(1)
    expect(key[0]!.path).toBe(
      `/subscriptions/${sim.state.subscriptionId}/resourceGroups/${sim.state.resourceGroup}/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod/keys/aep-cmk-key`
    )
    expect(key[0]!.query['api-version']).toBe('2026-02-01')
    // ARM's answer carried the rotation policy, so the data plane was not needed at all.
    expect(sim.requests.filter(r => r.service === 'keyvault')).toEqual([])
  })

  it('reads role assignments with Microsoft.Authorization api-version 2022-04-01, and no built-in role definition', () => {
    const authz = sim.requests.filter(
      r => r.service === 'arm' && /\/providers\/Microsoft\.Authorization\/role/i.test(r.path)
    )
    expect(authz.some(r => r.path.endsWith('/roleAssignments'))).toBe(true)
    // Key Vault Crypto Service Encryption User is built in: its definition is known, not read.
    expect(authz.some(r => /\/roleDefinitions\/[0-9a-f-]{36}$/.test(r.path))).toBe(false)
    expect(authz.map(r => `${r.query['api-version']} ${r.status}`)).toEqual(
      authz.map(() => '2022-04-01 200')
    )
  })

  it('signs in to Entra with the client secret, one token per audience', () => {
    const tokens = sim.requests.filter(
      r => r.service === 'entra' && r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')
    )
    const bodies = tokens.map(r => form(r.body))
    for (const b of bodies) {
      expect(b.grant_type).toBe('client_credentials')
      expect(b.client_id).toBe(sim.state.azure.clientId)
      expect(b.client_secret).toBe(sim.state.azure.clientSecret)
    }
    const scopes = bodies.map(b => b.scope?.split(' ').find(s => s.endsWith('/.default')))
    expect(new Set(scopes).size).toBe(scopes.length)
    // ARM and Graph: no Key Vault token, the key is read through ARM.
    expect(scopes).toHaveLength(2)
  })

  it('shows the outcome in the job summary and leaks no secret', () => {
    expect(run.summary).toContain('COMPLETED')
    expect(run.summary).toContain('| `key.expiry` |')
    expect(leakedSecrets(sim, run.everything.replace(/^::add-mask::.*$/gm, ''))).toEqual([])
  })

  it('is safe to re-run: a second setup submits nothing and still passes', async () => {
    const second = await runAction(sim, defaultInputs(sim))
    expect(second.exitCode).toBe(0)
    expect(second.outputs.status).toBe('COMPLETED')
    expect(sim.counters.configSubmissions).toBe(1)
    expect(sim.counters.registrationRequests).toBe(1)
  })
})

describe('setup with GitHub OIDC', () => {
  let sim: Simulator
  afterEach(() => sim.close())

  it('exchanges the GitHub ID token it fetched on demand for the Entra tokens', async () => {
    sim = await startSimulator()
    const inputs = { ...defaultInputs(sim), 'azure-auth': 'oidc', 'azure-client-secret': undefined }
    const run = await runAction(sim, inputs)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')

    const idTokenRequests = sim.requests.filter(r => r.service === 'github')
    for (const r of idTokenRequests) {
      expect(r.query.audience).toBe('api://AzureADTokenExchange')
      expect(r.headers.authorization).toBe(`Bearer ${sim.state.github.requestToken}`)
    }
    const entra = sim.requests
      .filter(r => r.service === 'entra' && r.method === 'POST')
      .map(r => form(r.body))
    expect(entra.length).toBeGreaterThan(0)
    for (const b of entra) {
      expect(b.client_assertion_type).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      expect(b.client_secret).toBeUndefined()
    }
    // Fetched inside the assertion callback (never before the first Entra request), and shared
    // by the Entra requests of one minute: all of this run's.
    expect(idTokenRequests).toHaveLength(1)
    expect(idTokenRequests[0]!.at).toBeLessThanOrEqual(
      sim.requests.find(r => r.service === 'entra' && r.method === 'POST')!.at
    )
    expect(new Set(entra.map(b => b.client_assertion)).size).toBe(1)
  })

  it('never hands Entra an ID token whose exp leaves less than a minute: a short-lived one is fetched for every request', async () => {
    sim = await startSimulator({ idTokenLifetimeSeconds: 45 })
    const inputs = { ...defaultInputs(sim), 'azure-auth': 'oidc', 'azure-client-secret': undefined }
    const run = await runAction(sim, inputs)
    expect(run.exitCode).toBe(0)
    const entra = sim.requests
      .filter(r => r.service === 'entra' && r.method === 'POST')
      .map(r => form(r.body).client_assertion)
    expect(entra.length).toBeGreaterThanOrEqual(2)
    // One ID token request to GitHub per Entra request.
    expect(sim.requests.filter(r => r.service === 'github')).toHaveLength(entra.length)
  })

  it('finds the vault by name in the subscription when no resource group is given', async () => {
    sim = await startSimulator()
    const run = await runAction(sim, { ...defaultInputs(sim), 'azure-resource-group': undefined })
    expect(run.exitCode).toBe(0)
    // One generic resources query by name, not the paged provider listing.
    const query = sim.requests.filter(
      r =>
        r.service === 'arm' &&
        r.path === `/subscriptions/${sim.state.subscriptionId}/resources` &&
        r.query.$filter === "name eq 'kv-aep-cmk-prod'"
    )
    expect(query).toHaveLength(1)
    expect(sim.requests.some(r => /providers\/Microsoft\.KeyVault\/vaults$/.test(r.path))).toBe(
      false
    )
    expect(run.outputs['key-identifier']).toContain('kv-aep-cmk-prod.vault.localhost')
  })

  it('uses a ready Adobe access token without asking IMS', async () => {
    sim = await startSimulator()
    const run = await runAction(sim, {
      ...defaultInputs(sim),
      mode: 'validate',
      'adobe-client-id': undefined,
      'adobe-client-secret': undefined,
      'adobe-access-token': sim.state.adobe.accessToken
    })
    expect(run.exitCode).toBe(0)
    expect(sim.requests.filter(r => r.service === 'ims')).toHaveLength(0)
    const platform = platformRequests(sim)
    expect(platform.length).toBeGreaterThan(0)
    for (const r of platform)
      expect(r.headers.authorization).toBe(`Bearer ${sim.state.adobe.accessToken}`)
  })

  it('starts as the runner starts it: the committed bundle fails cleanly with no inputs', async () => {
    sim = await startSimulator()
    const run = await runAction(sim, {})
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.status).toBe('UNKNOWN')
    expect(run.stdout).toMatch(/::error::.*key-vault-name: is required/)
    expect(sim.requests).toHaveLength(0)
  })
})

describe('setup edge cases', () => {
  let sim: Simulator
  afterEach(() => sim.close())

  it('waits for a registration Adobe is still preparing, without registering again', async () => {
    sim = await startSimulator({
      registration: {
        status: 'pending',
        getsUntilReady: 3,
        pendingAnswer: 'partial',
        readyAfterGets: 1
      }
    })
    const run = await runAction(sim, defaultInputs(sim))
    expect(run.exitCode).toBe(0)
    expect(run.outputs['consent-url']).toContain(`client_id=${sim.state.cmkApp.appId}`)
    expect(sim.counters.registrationRequests).toBe(0)
    expect(run.stdout).toContain('Waiting for Adobe to publish the CMK app consent URL')
  })

  it("reads the status by the submitted name, reports Adobe's internal name, and advises nothing", async () => {
    sim = await startSimulator()
    const run = await runAction(sim, defaultInputs(sim), { withReport: true })
    const internal = adobeInternalConfigName(sim.state.adobe.orgId)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')
    expect(run.outputs['config-name']).toBe(CONFIG_NAME)
    expect(run.report).toMatchObject({ configName: CONFIG_NAME, adobeConfigName: internal })
    const post = sim.requests.findIndex(q => q.method === 'POST' && q.path === CONFIG_PATH)
    const polls = sim.requests.slice(post + 1).filter(q => q.path.startsWith(`${CONFIG_PATH}/`))
    expect(polls.length).toBeGreaterThanOrEqual(3)
    expect(polls.map(q => q.path)).toEqual(polls.map(() => `${CONFIG_PATH}/${CONFIG_NAME}`))
    expect(run.stdout).not.toMatch(/set config-name/)
    expect(run.stdout).not.toMatch(/::warning title=config-name::/)
    expect(run.summary).toContain(`Adobe's internal name ${internal}`)

    const again = await runAction(sim, defaultInputs(sim))
    expect(again.exitCode).toBe(0)
    expect(sim.counters.configSubmissions).toBe(1)
  })

  it('judges config.key by the configuration it just submitted', async () => {
    sim = await startSimulator()
    const run = await runAction(sim, defaultInputs(sim), { withReport: true })
    expect(run.exitCode).toBe(0)
    const findings = run.report!.findings as Array<{ id: string; detail: string }>
    const configKey = findings.find(f => f.id === 'config.key')!
    expect(configKey.detail).not.toMatch(/no configuration yet/)
    expect(configKey.detail).toContain('aep-cmk-key')
  })

  it('reports bad input under the mode asked for, and still writes report-file', async () => {
    sim = await startSimulator()
    const run = await runAction(
      sim,
      { ...defaultInputs(sim), mode: 'check', 'azure-subscription-id': 'not-a-guid' },
      { withReport: true }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::CMK check: .*azure-subscription-id: must be a GUID/)
    expect(run.report).toMatchObject({ result: 'fail', mode: 'check', status: 'UNKNOWN' })
    expect(sim.requests).toHaveLength(0)
  })

  it('stops a wait at the shared wait-timeout-seconds with a clear status', async () => {
    sim = await startSimulator({
      configStatusSequence: ['NEW', 'RUNNING'],
      registration: {
        status: 'absent',
        getsUntilReady: 1,
        pendingAnswer: 'not-found',
        readyAfterGets: 2
      }
    })
    const run = await runAction(sim, { ...defaultInputs(sim), 'wait-timeout-seconds': '3' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('RUNNING')
    expect(run.outputs['failed-checks']).toBe('config.status')
    expect(run.stdout).toMatch(/::error title=config\.status::.*wait-timeout-seconds/)
    expect(sim.counters.configSubmissions).toBe(1)
  })

  it('with wait-timeout-seconds 0 reads the status once and reports that read', async () => {
    sim = await startSimulator({ configStatusSequence: ['NEW', 'COMPLETED'] })
    const run = await runAction(sim, { ...defaultInputs(sim), 'wait-timeout-seconds': '0' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')
  })

  it('keeps the application id and says to re-run when the consent URL never comes', async () => {
    sim = await startSimulator({
      registration: {
        status: 'pending',
        getsUntilReady: 1000,
        pendingAnswer: 'partial',
        readyAfterGets: 1
      }
    })
    const run = await runAction(sim, { ...defaultInputs(sim), 'wait-timeout-seconds': '2' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs['application-id']).toBe(sim.state.cmkApp.appId)
    expect(run.outputs['failed-checks']).toBe('config.status')
    expect(run.stdout).toMatch(
      /::error title=config\.status::Setup stopped: Adobe did not publish the CMK app's consent URL within wait-timeout-seconds \(2 s\)/
    )
    expect(sim.counters.registrationRequests).toBe(0)
    expect(writesOf(sim)).toEqual([])
  })
})
