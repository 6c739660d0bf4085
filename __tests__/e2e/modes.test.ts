/*
 * End-to-end: what each mode writes (and never writes), strict, and how setup treats
 * configurations and registrations that already exist.
 */
import {
  firewalledVault,
  adobeInternalConfigName,
  CONFIG_PATH,
  CONFIG_SEQUENCES,
  defaultKey,
  REGISTRATION_PATH,
  type SimConfigStatus,
  type Simulator,
  type StoredConfig
} from '../../test/simulator/index.js'
import { defaultInputs, runAction, writesOf, type ActionRun, resetSimulator } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

const CONFIG_NAME = 'cmk-kv-aep-cmk-prod-aep-cmk-key'
const REGISTER = `POST platform ${REGISTRATION_PATH}`
const SUBMIT = `POST platform ${CONFIG_PATH}`

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: false })

beforeEach(() => resetSimulator(sim, { configStatusSequence: [...CONFIG_SEQUENCES.immediate] }))

function run(mode: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(sim, { ...defaultInputs(sim), mode, ...inputs })
}

function failedChecks(r: ActionRun): string[] {
  const value = r.outputs['failed-checks'] ?? ''
  return value === '' ? [] : value.split(',')
}

function annotation(r: ActionRun, kind: 'error' | 'warning', id: string): string | undefined {
  return r.stdout.split('\n').find(line => line.startsWith(`::${kind} title=${id}::`))
}

/** The latest version's key identifier, as the action submits it. */
function keyIdentifier(version?: string): string {
  const key = sim.state.key!
  return `${sim.vaultUri()}keys/${key.name}/${version ?? key.versions[key.versions.length - 1]}`
}

/**
 * A configuration as the simulator stores it. Each GET moves the first of `upcoming` into the
 * status, so the action's first read sees `upcoming[0]` when it is given.
 */
function storeConfig(
  status: SimConfigStatus,
  upcoming: SimConfigStatus[] = [],
  name = CONFIG_NAME
): StoredConfig {
  const config: StoredConfig = {
    name,
    id: '3e8b1f0a-6c2d-4e7a-9b5f-1d0c8a6e4b27',
    imsOrgId: sim.state.adobe.orgId,
    subscriptionId: '9f2e4c6a-8b0d-4f1e-a3c5-7e9b1d3f5a70',
    status,
    upcoming,
    configData: {
      providerType: 'AZURE_KEYVAULT',
      keyVaultUri: sim.vaultUri(),
      keyVaultKeyIdentifier: keyIdentifier(sim.state.key!.versions[0]),
      keyName: sim.state.key!.name,
      keyVersion: sim.state.key!.versions[0]
    }
  }
  sim.state.configs[name] = config
  return config
}

function configGets(name = CONFIG_NAME): number {
  return sim.requests.filter(
    q => q.service === 'platform' && q.method === 'GET' && q.path === `${CONFIG_PATH}/${name}`
  ).length
}

function submissions(): Array<Record<string, unknown>> {
  return sim.requests
    .filter(q => q.service === 'platform' && q.method === 'POST' && q.path === CONFIG_PATH)
    .map(q => JSON.parse(q.body) as Record<string, unknown>)
}

/**
 * A Deny firewall with the trusted-services bypass that lets the runner in but not Adobe's
 * 20.88.123.53: Adobe is not a trusted service, so it is kept out.
 */
function denyFirewallWithoutAdobeIp(): void {
  sim.state.vault!.properties.networkAcls = {
    bypass: 'AzureServices',
    defaultAction: 'Deny',
    ipRules: [{ value: `${sim.state.runnerIp}/32` }, { value: '198.51.100.0/24' }],
    virtualNetworkRules: []
  }
}

describe('validate and check never write', () => {
  it.each(['validate', 'check'])(
    '%s sends no POST/PUT/PATCH/DELETE with the registration absent and no configuration',
    async mode => {
      sim.state.registration = { ...sim.state.registration, status: 'absent' }
      const r = await run(mode)
      expect(writesOf(sim)).toEqual([])
      expect(sim.counters.registrationRequests).toBe(0)
      expect(sim.counters.configSubmissions).toBe(0)
      // It did look: the registration and configuration were read.
      expect(sim.requests.some(q => q.method === 'GET' && q.path === REGISTRATION_PATH)).toBe(true)
      expect(configGets()).toBe(1)
      expect(r.outputs.status).toBe('NOT_CONFIGURED')
      if (mode === 'validate') {
        expect(r.exitCode).toBe(0)
      } else {
        expect(r.exitCode).not.toBe(0)
        expect(failedChecks(r)).toEqual(['app.registered', 'config.status'])
      }
    }
  )

  it.each(['validate', 'check'])('%s does not resubmit a FAILED configuration', async mode => {
    storeConfig('FAILED')
    const r = await run(mode)
    expect(writesOf(sim)).toEqual([])
    expect(r.outputs.status).toBe('FAILED')
    expect(failedChecks(r)).toEqual(mode === 'check' ? ['config.status'] : [])
  })
})

describe('setup writes', () => {
  it('registers the CMK app (when absent) and submits one configuration, nothing else', async () => {
    sim.state.registration = { ...sim.state.registration, status: 'absent' }
    const r = await run('setup')
    expect(writesOf(sim)).toEqual([REGISTER, SUBMIT])
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('pass')
    expect(r.outputs.status).toBe('COMPLETED')
    expect(r.outputs['application-id']).toBe(sim.state.cmkApp.appId)
    expect(r.outputs['consent-url']).toContain(`/${sim.state.tenantId}/oauth2/authorize`)
    // The registration POST has no body.
    const register = sim.requests.find(q => q.method === 'POST' && q.path === REGISTRATION_PATH)
    expect(register?.body).toBe('')
  })

  it('submits only the configuration when the CMK app is registered', async () => {
    const r = await run('setup')
    expect(writesOf(sim)).toEqual([SUBMIT])
    expect(r.exitCode).toBe(0)
    expect(submissions()).toEqual([
      {
        name: CONFIG_NAME,
        type: 'BYOK_CONFIG',
        imsOrgId: sim.state.adobe.orgId,
        configData: { providerType: 'AZURE_KEYVAULT', keyVaultKeyIdentifier: keyIdentifier() }
      }
    ])
  })

  it('makes no write when a check fails, and says how to fix it', async () => {
    sim.state.registration = { ...sim.state.registration, status: 'absent' }
    sim.state.key = { ...defaultKey(), enabled: false }
    const r = await run('setup')
    expect(writesOf(sim)).toEqual([])
    expect(sim.counters.registrationRequests).toBe(0)
    expect(r.exitCode).not.toBe(0)
    // config.status is skipped: the blocking check already fails the run.
    expect(failedChecks(r)).toEqual(['key.enabled'])
    expect(r.outputs.status).toBe('NOT_CONFIGURED')
    expect(annotation(r, 'error', 'key.enabled')).toContain(
      '`az keyvault key set-attributes --vault-name kv-aep-cmk-prod --name aep-cmk-key --enabled true`'
    )
    expect(annotation(r, 'error', 'config.status')).toBeUndefined()
    expect(r.stdout).toContain('1 check skipped because key.enabled failed')
    expect(r.summary).toContain('**Written:** nothing.')
  })

  it('does not follow an in-progress configuration as if it had waited when a check fails', async () => {
    storeConfig('RUNNING', ['RUNNING'])
    sim.state.key = { ...defaultKey(), enabled: false }
    const r = await run('setup')
    expect(writesOf(sim)).toEqual([])
    expect(failedChecks(r)).toEqual(['key.enabled', 'config.status'])
    expect(r.outputs.status).toBe('RUNNING')
    const status = annotation(r, 'error', 'config.status')
    expect(status).toContain('setup did not follow it because checks failed')
    expect(status).not.toMatch(/after \d+ s/)
    expect(configGets()).toBe(1)
  })
})

describe('strict', () => {
  it('turns the graph403 warnings into failures', async () => {
    sim.state.graph403 = true
    const r = await run('validate', { strict: 'true' })
    expect(r.exitCode).not.toBe(0)
    expect(failedChecks(r)).toEqual(['app.consented', 'app.role'])
    expect(annotation(r, 'error', 'app.consented')).toContain('Application.Read.All')
    expect(r.summary).toContain('(fails: strict)')
  })

  it('a failed check blocks every write in setup, the registration included', async () => {
    sim.state.registration = { ...sim.state.registration, status: 'absent' }
    denyFirewallWithoutAdobeIp()
    const r = await run('setup', { strict: 'true' })
    expect(writesOf(sim)).toEqual([])
    expect(r.exitCode).not.toBe(0)
    expect(failedChecks(r)).toContain('vault.adobe-ip')
    expect(failedChecks(r)).not.toContain('config.status')
  })

  it('blocks the submission in setup on a graph403 warning', async () => {
    sim.state.graph403 = true
    const r = await run('setup', { strict: 'true' })
    expect(writesOf(sim)).toEqual([])
    expect(failedChecks(r)).toEqual(['app.consented', 'app.role'])
  })

  it('without strict, setup goes ahead despite the warnings', async () => {
    sim.state.graph403 = true
    const r = await run('setup')
    expect(writesOf(sim)).toEqual([SUBMIT])
    expect(r.exitCode).toBe(0)
    expect(failedChecks(r)).toEqual([])
    expect(annotation(r, 'warning', 'app.consented')).toBeDefined()
    expect(r.outputs.status).toBe('COMPLETED')
  })

  it('setup stops before writing when the Deny firewall keeps Adobe out, even with the trusted-services bypass', async () => {
    denyFirewallWithoutAdobeIp()
    const r = await run('setup')
    expect(writesOf(sim)).toEqual([])
    expect(r.exitCode).not.toBe(0)
    expect(failedChecks(r)).toEqual(['vault.adobe-ip'])
    expect(annotation(r, 'error', 'vault.adobe-ip')).toContain(
      '`az keyvault network-rule add --name kv-aep-cmk-prod --ip-address 20.88.123.53'
    )
  })

  it('setup completes when the Deny firewall refuses the runner and allows only Adobe: the key is read through ARM', async () => {
    // The demo's vault (npm run demo).
    sim.state.vault = firewalledVault()
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(failedChecks(r)).toEqual([])
    expect(r.outputs.status).toBe('COMPLETED')
    expect(writesOf(sim)).toEqual([SUBMIT])
    expect(sim.requests.filter(q => q.service === 'keyvault')).toEqual([])
  })
})

describe('check', () => {
  it('passes when the configuration is COMPLETED and points at this vault and key', async () => {
    storeConfig('COMPLETED')
    const r = await run('check')
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('pass')
    expect(r.outputs.status).toBe('COMPLETED')
    expect(failedChecks(r)).toEqual([])
    expect(writesOf(sim)).toEqual([])
  })

  it('fails while the configuration is still in progress', async () => {
    storeConfig('RUNNING', ['RUNNING'])
    const r = await run('check')
    expect(r.exitCode).not.toBe(0)
    expect(failedChecks(r)).toEqual(['config.status'])
    expect(annotation(r, 'error', 'config.status')).toContain('RUNNING, not COMPLETED')
    expect(writesOf(sim)).toEqual([])
  })
})

describe('setup with existing state', () => {
  it('does not submit again after a COMPLETED run', async () => {
    const first = await run('setup')
    expect(first.exitCode).toBe(0)
    expect(first.outputs.status).toBe('COMPLETED')
    expect(sim.counters.configSubmissions).toBe(1)

    sim.clearRequests()
    const second = await run('setup')
    expect(second.exitCode).toBe(0)
    expect(second.outputs.status).toBe('COMPLETED')
    expect(sim.counters.configSubmissions).toBe(1)
    expect(writesOf(sim)).toEqual([])
    expect(second.summary).toContain('**Written:** nothing.')
  })

  it('polls an existing RUNNING configuration instead of resubmitting it', async () => {
    storeConfig('RUNNING', ['RUNNING', 'UPDATE_EXISTING_RESOURCES', 'COMPLETED'])
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('COMPLETED')
    expect(sim.counters.configSubmissions).toBe(0)
    expect(writesOf(sim)).toEqual([])
    // the first read, then one poll per status still to come
    expect(configGets()).toBe(3)
  })

  it('resubmits an existing FAILED configuration once', async () => {
    storeConfig('FAILED')
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('COMPLETED')
    expect(sim.counters.configSubmissions).toBe(1)
    expect(writesOf(sim)).toEqual([SUBMIT])
  })

  it('sends configData.keyVaultUri and keyName with payload-format legacy', async () => {
    const r = await run('setup', { 'payload-format': 'legacy' })
    expect(r.exitCode).toBe(0)
    expect(submissions()).toStrictEqual([
      {
        name: CONFIG_NAME,
        type: 'BYOK_CONFIG',
        imsOrgId: sim.state.adobe.orgId,
        configData: {
          providerType: 'AZURE_KEYVAULT',
          keyVaultUri: keyIdentifier(),
          keyName: 'aep-cmk-key'
        }
      }
    ])
    const post = sim.requests.find(q => q.method === 'POST' && q.path === CONFIG_PATH)
    expect(post?.headers['content-type']).toMatch(/^application\/json/)
  })

  it("falls back to Adobe's name only when the submitted name answers 404, and keeps it", async () => {
    const internal = adobeInternalConfigName(sim.state.adobe.orgId)
    sim.state.configLookupBy = 'internal'
    sim.state.configStatusSequence = [...CONFIG_SEQUENCES.normal]
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(r.outputs['config-name']).toBe(internal)
    expect(r.outputs.status).toBe('COMPLETED')
    const post = sim.requests.findIndex(q => q.method === 'POST' && q.path === CONFIG_PATH)
    const polls = sim.requests
      .slice(post + 1)
      .filter(q => q.path.startsWith(`${CONFIG_PATH}/`))
      .map(q => `${q.status} ${q.path.slice(CONFIG_PATH.length + 1)}`)
    // The submitted name first; after its 404, Adobe's name, and only that from then on.
    expect(polls[0]).toBe(`404 ${CONFIG_NAME}`)
    expect(polls.slice(1).length).toBeGreaterThanOrEqual(2)
    expect(polls.slice(1)).toEqual(polls.slice(1).map(() => `200 ${internal}`))
    expect(sim.counters.configSubmissions).toBe(1)
  })

  it('understands the legacy (job) answer to the submission', async () => {
    sim.state.configResponseShape = 'legacy'
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('COMPLETED')
    expect(sim.counters.configSubmissions).toBe(1)
    // the first read (404), the read again right before submitting (404), then one poll after
    // the job answer
    expect(configGets()).toBe(3)
  })

  it('polls a pending registration until the consent URL appears', async () => {
    sim.state.registration = {
      status: 'pending',
      getsUntilReady: 3,
      pendingAnswer: 'not-found',
      readyAfterGets: 3
    }
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    const registrationGets = sim.requests.filter(
      q => q.method === 'GET' && q.path === REGISTRATION_PATH
    )
    expect(registrationGets.map(q => q.status)).toEqual([404, 404, 200])
    expect(r.outputs['consent-url']).toBe(
      `${sim.urls.authorityHost}/${sim.state.tenantId}/oauth2/authorize?response_type=code&client_id=${sim.state.cmkApp.appId}&redirect_uri=https://experience.adobe.com&scope=user.read`
    )
    expect(sim.counters.registrationRequests).toBe(1)
    expect(writesOf(sim)).toEqual([REGISTER, SUBMIT])
  })
})
