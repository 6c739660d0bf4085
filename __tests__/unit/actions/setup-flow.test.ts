import type { RepairOutcome } from '../../../src/model/repair-outcome.js'
import {
  adobeInternalConfigName,
  cmkAppVaultRole,
  CONFIG_PATH,
  defaultKey,
  defaultVault,
  nothingSetUp,
  nothingSetUpOnHsm,
  REGISTRATION_PATH,
  REMEDIATION_WRITE_ACTIONS,
  startSimulator,
  useSimulatorInProcess,
  type Scenario,
  type Simulator
} from '../../../test/simulator/index.js'
import { runSetupAgainst, type SetupRun } from './setup-run.js'

const ADOBE_IP = '20.88.123.53'

/** Matches from the nth matching path on (a fault that spares the first requests). */
class NthMatch extends RegExp {
  private seen = 0
  constructor(
    pattern: RegExp,
    private readonly n: number
  ) {
    super(pattern.source, pattern.flags)
  }
  override test(text: string): boolean {
    return super.test(text) && ++this.seen >= this.n
  }
}
const CONFIG_NAME = 'cmk-kv-aep-cmk-prod-aep-cmk-key'
const OTHER_TENANT = '0d3f9a1e-2b4c-4e6f-8a9b-1c2d3e4f5a6b'

let sim: Simulator
let undo: () => void
beforeAll(async () => {
  sim = await startSimulator()
  undo = useSimulatorInProcess(sim)
})
afterAll(async () => {
  undo()
  await sim.close()
})

const keyIdOf = (run: SetupRun): string => {
  const key = run.outcome.facts.key
  if (!key?.ok) throw new Error('the key was not read')
  return key.value.id
}
const repair = (run: SetupRun, item: RepairOutcome['item']) =>
  run.outcome.repairs.find(r => r.item === item)
const nothing = (): Partial<Scenario> => nothingSetUp(sim.state.runnerIp)
const disabledKey = () => ({ ...defaultKey(), enabled: false })
const registrationReady = {
  status: 'registered' as const,
  getsUntilReady: 1,
  pendingAnswer: 'not-found' as const,
  readyAfterGets: 1
}
const registrationPending = (answer: 'partial' | 'not-found', gets: number) => ({
  status: 'pending' as const,
  getsUntilReady: gets,
  pendingAnswer: answer,
  readyAfterGets: gets
})

describe('runSetup: the configuration', () => {
  it('submits the key when Adobe has none, follows it to COMPLETED and says what it wrote', async () => {
    const run = await runSetupAgainst(sim, {})
    const keyId = keyIdOf(run)
    expect(run.outcome.kind).toBe('done')
    expect(run.writes).toEqual([`POST platform ${CONFIG_PATH}`])
    expect(run.statuses).toEqual(['NEW', 'RUNNING', 'UPDATE_EXISTING_RESOURCES', 'COMPLETED'])
    expect(run.outcome.actions).toEqual([
      `Submitted configuration ${CONFIG_NAME} for ${keyId} (current payload); Adobe's internal name for it: ${adobeInternalConfigName(sim.state.adobe.orgId)}`
    ])
    expect(run.logs).toEqual([
      `Submitting configuration ${CONFIG_NAME} for ${keyId} to Adobe`,
      `Configuration ${CONFIG_NAME}: NEW`,
      `Configuration ${CONFIG_NAME}: RUNNING`,
      `Configuration ${CONFIG_NAME}: UPDATE_EXISTING_RESOURCES`,
      `Configuration ${CONFIG_NAME}: COMPLETED`
    ])
    expect(run.outcome.repairs).toEqual([])
    // The first status read waits poll-interval-seconds (1 in these inputs).
    expect(run.clock.sleeps[0]).toBe(1000)
  })

  it('the registration wait and the configuration wait share one wait-timeout-seconds', async () => {
    const run = await runSetupAgainst(
      sim,
      { registration: registrationPending('partial', 4), configStatusSequence: ['NEW', 'RUNNING'] },
      { 'wait-timeout-seconds': '30' }
    )
    expect(run.outcome.kind).toBe('timed-out')
    expect(run.writes).toEqual([`POST platform ${CONFIG_PATH}`])
    expect(run.clock.now()).toBe(30_000)
  })

  describe("with AEP_CMK_RETRY_SCALE (tests shorten the action's own waits)", () => {
    beforeAll(() => {
      process.env.AEP_CMK_RETRY_SCALE = '0.1'
    })
    afterAll(() => {
      delete process.env.AEP_CMK_RETRY_SCALE
    })

    it('polls at a tenth of poll-interval-seconds', async () => {
      const run = await runSetupAgainst(sim, {})
      expect(run.clock.sleeps[0]).toBe(100)
    })

    it('reads a lost POST back for a tenth of the grace period', async () => {
      await expect(
        runSetupAgainst(sim, {}, {}, s =>
          s.fault({
            service: 'platform',
            method: 'POST',
            path: CONFIG_PATH,
            action: { status: 503, body: { error_code: '503000', message: 'busy' } }
          })
        )
      ).rejects.toThrow('appeared within 3 s of reading it back')
    })
  })

  it('names the payload format it submitted, and no internal name when Adobe uses the submitted one', async () => {
    const run = await runSetupAgainst(
      sim,
      {},
      { 'payload-format': 'legacy', 'config-name': adobeInternalConfigName(sim.state.adobe.orgId) }
    )
    expect(run.outcome.actions).toEqual([
      `Submitted configuration ${adobeInternalConfigName(sim.state.adobe.orgId)} for ${keyIdOf(run)} (legacy payload)`
    ])
  })

  it('logs a status once while it stays the same, and a status Adobe does not document once', async () => {
    const queued = {
      config: { name: 'acp-x', status: 'QUEUED', configData: { providerType: 'AZURE_KEYVAULT' } }
    }
    const run = await runSetupAgainst(sim, {}, {}, s =>
      s.fault({
        service: 'platform',
        method: 'GET',
        // The first GET is the read right before submitting: the status reads come after it.
        path: new NthMatch(new RegExp(`^${CONFIG_PATH}/`), 2),
        times: 3,
        action: { status: 200, body: queued }
      })
    )
    expect(run.outcome.kind).toBe('done')
    expect(run.statuses.slice(0, 4)).toEqual(['NEW', 'QUEUED', 'QUEUED', 'QUEUED'])
    expect(run.logs.filter(line => line.includes('QUEUED'))).toEqual([
      `Configuration ${CONFIG_NAME}: QUEUED`,
      'Adobe answered status QUEUED, which its docs do not list (NEW, RUNNING, UPDATE_EXISTING_RESOURCES, COMPLETED, FAILED); waiting as if it were still in progress.'
    ])
  })

  it('leaves a COMPLETED configuration alone', async () => {
    const first = await runSetupAgainst(sim, { configStatusSequence: ['NEW', 'COMPLETED'] })
    expect(first.outcome.kind).toBe('done')
    const configs = sim.state.configs
    const again = await runSetupAgainst(sim, { configs })
    expect(again.outcome.kind).toBe('done')
    expect(again.writes).toEqual([])
    expect(again.outcome.actions).toEqual([])
    expect(again.statuses).toEqual(['COMPLETED'])
  })

  it('reports a time-out when the configuration does not finish within wait-timeout-seconds', async () => {
    const run = await runSetupAgainst(
      sim,
      { configStatusSequence: ['NEW', 'RUNNING'] },
      { 'wait-timeout-seconds': '30' }
    )
    expect(run.outcome.kind).toBe('timed-out')
    expect(run.writes).toEqual([`POST platform ${CONFIG_PATH}`])
    expect(run.statuses.at(-1)).toBe('RUNNING')
    expect(run.outcome.actions).toHaveLength(1)
  })
})

describe('runSetup: writes stop while a check fails', () => {
  it('submits nothing while a check fails', async () => {
    const run = await runSetupAgainst(sim, { key: disabledKey() })
    expect(run.outcome.kind).toBe('blocked')
    expect(run.writes).toEqual([])
    expect(run.statuses).toEqual([])
  })

  it('does not register the CMK app while a check other than the app checks fails', async () => {
    const run = await runSetupAgainst(sim, { ...nothing(), key: disabledKey() })
    expect(run.outcome.kind).toBe('blocked')
    expect(run.writes).toEqual([])
  })

  it('under strict, a warning blocks like a failure', async () => {
    // The rotation policy cannot be read: key.rotation warns.
    const unreadablePolicy: Partial<Scenario> = {
      armKeyRotationPolicy: 'omitted',
      keyVaultForbidden: true
    }
    const lenient = await runSetupAgainst(sim, unreadablePolicy)
    expect(lenient.outcome.kind).toBe('done')
    const strict = await runSetupAgainst(sim, unreadablePolicy, { strict: 'true' })
    expect(strict.outcome.kind).toBe('blocked')
    expect(strict.writes).toEqual([])
  })

  it('does not submit when the Adobe configuration could not be read', async () => {
    const run = await runSetupAgainst(sim, {}, {}, undefined, s =>
      s.fault({
        service: 'platform',
        method: 'GET',
        path: new RegExp(`^${CONFIG_PATH}/`),
        action: { status: 403, body: { error_code: '403003', message: 'simulated' } }
      })
    )
    expect(run.outcome.kind).toBe('blocked')
    expect(run.writes).toEqual([])
  })
})

describe('runSetup: registering the CMK app', () => {
  it('does not register when the registration could not be read', async () => {
    // An answer it cannot read fails app.registered and nothing else.
    const run = await runSetupAgainst(sim, {}, {}, undefined, s =>
      s.fault({ service: 'platform', method: 'GET', path: REGISTRATION_PATH, action: 'malformed' })
    )
    expect(run.outcome.kind).toBe('blocked')
    expect(run.writes).toEqual([])
  })

  it('under strict, registers although the app checks warn until it is registered', async () => {
    const run = await runSetupAgainst(
      sim,
      { registration: { ...registrationReady, status: 'absent' } },
      { strict: 'true' }
    )
    expect(run.writes).toEqual([
      `POST platform ${REGISTRATION_PATH}`,
      `POST platform ${CONFIG_PATH}`
    ])
    expect(run.outcome.kind).toBe('done')
  })

  it('registers it when Adobe has none, waits for the consent URL, then submits', async () => {
    const run = await runSetupAgainst(sim, {
      registration: {
        status: 'absent',
        getsUntilReady: 1,
        pendingAnswer: 'partial',
        readyAfterGets: 3
      }
    })
    expect(run.outcome.kind).toBe('done')
    expect(run.writes).toEqual([
      `POST platform ${REGISTRATION_PATH}`,
      `POST platform ${CONFIG_PATH}`
    ])
    expect(run.outcome.actions[0]).toBe(
      `Registered the CMK app with Adobe (application id ${sim.state.cmkApp.appId})`
    )
    expect(run.outcome.actions).toHaveLength(2)
    expect(run.logs.slice(0, 2)).toEqual([
      'Registering the CMK app with Adobe, then waiting for its consent URL',
      `Registered the CMK app with Adobe (application id ${sim.state.cmkApp.appId})`
    ])
    const registration = run.outcome.facts.registration
    expect(registration.ok && registration.value?.applicationRedirectUrl).toContain('client_id=')
    // The app's access was read again once the registration named the app.
    expect(run.outcome.facts.servicePrincipal).toMatchObject({ ok: true })
    expect(run.outcome.facts.roleAssignments).toMatchObject({ ok: true })
  })

  it('waits for a registration Adobe is still preparing without registering again', async () => {
    const run = await runSetupAgainst(sim, { registration: registrationPending('partial', 3) })
    expect(run.outcome.kind).toBe('done')
    expect(run.writes).toEqual([`POST platform ${CONFIG_PATH}`])
    expect(run.logs[0]).toBe('Waiting for Adobe to publish the CMK app consent URL')
    expect(run.outcome.actions.some(a => a.startsWith('Registered'))).toBe(false)
  })

  it('stops when the consent URL does not appear within wait-timeout-seconds, keeping the registration seen', async () => {
    const run = await runSetupAgainst(
      sim,
      { registration: registrationPending('partial', 1000) },
      { 'wait-timeout-seconds': '20' }
    )
    expect(run.outcome).toMatchObject({
      kind: 'stopped',
      reason:
        "Adobe did not publish the CMK app's consent URL within wait-timeout-seconds (20 s); re-run setup later: it waits for the same registration and does not register again."
    })
    expect(run.outcome.facts.registration).toEqual({
      ok: true,
      value: expect.objectContaining({ applicationId: sim.state.cmkApp.appId })
    })
    expect(run.writes).toEqual([])
  })

  it('stops when Adobe shows no registration at all within the wait, after registering once', async () => {
    const run = await runSetupAgainst(
      sim,
      {
        registration: {
          status: 'absent',
          getsUntilReady: 1,
          pendingAnswer: 'not-found',
          readyAfterGets: 1000
        }
      },
      { 'wait-timeout-seconds': '20' }
    )
    expect(run.outcome.kind).toBe('stopped')
    expect(run.outcome.facts.registration).toEqual({ ok: true, value: null })
    expect(run.writes).toEqual([`POST platform ${REGISTRATION_PATH}`])
    expect(run.outcome.actions).toEqual([])
  })

  it('blocks with the registration failure when Adobe refuses the POST', async () => {
    const run = await runSetupAgainst(
      sim,
      {
        registration: {
          status: 'absent',
          getsUntilReady: 1,
          pendingAnswer: 'not-found',
          readyAfterGets: 1
        }
      },
      {},
      s =>
        s.fault({
          service: 'platform',
          method: 'POST',
          path: REGISTRATION_PATH,
          action: { status: 403, body: { error_code: '403003', message: 'Api Key is invalid' } }
        })
    )
    expect(run.outcome.kind).toBe('blocked')
    expect(run.outcome.facts.registration).toEqual({
      ok: false,
      error: expect.objectContaining({
        call: 'Adobe POST CMK app registration',
        status: 403,
        kind: 'forbidden'
      })
    })
    expect(run.writes).toEqual([`POST platform ${REGISTRATION_PATH}`])
  })
})

describe('runSetup: two setups for the same org at once', () => {
  /** The configuration another run submitted for the same key, as Adobe stores it. */
  const submittedByAnotherRun = (s: Simulator): void => {
    const vaultUri = s.vaultUri()
    const key = s.state.key!
    s.state.configs[CONFIG_NAME] = {
      name: CONFIG_NAME,
      id: 'another-run',
      imsOrgId: s.state.adobe.orgId,
      status: 'NEW',
      upcoming: ['RUNNING', 'COMPLETED'],
      configData: {
        providerType: 'AZURE_KEYVAULT',
        keyVaultUri: vaultUri,
        keyVaultKeyIdentifier: `${vaultUri}keys/${key.name}/${key.versions.at(-1)}`,
        keyName: key.name
      }
    }
  }

  it('a registration answered 409 (another run registered meanwhile) is read back and followed', async () => {
    const run = await runSetupAgainst(
      sim,
      { registration: { ...registrationReady, status: 'absent' }, secondPost: 'conflict' },
      {},
      s => {
        s.state.registration = registrationPending('partial', 2)
      }
    )
    expect(run.outcome.kind).toBe('done')
    expect(run.writes).toEqual([
      `POST platform ${REGISTRATION_PATH}`,
      `POST platform ${CONFIG_PATH}`
    ])
    expect(run.requests.filter(r => r.startsWith('POST platform'))).toHaveLength(2)
    // This run did not register it: it says so instead of claiming the registration.
    expect(run.outcome.actions.some(a => a.startsWith('Registered'))).toBe(false)
    expect(run.logs).toContain(
      'Adobe answered that the CMK app is registered already (another setup run registered it meanwhile); waiting for its consent URL'
    )
  })

  it('reads the configuration again right before submitting, and follows one another run submitted meanwhile', async () => {
    const run = await runSetupAgainst(sim, {}, {}, submittedByAnotherRun)
    expect(run.outcome.kind).toBe('done')
    expect(run.writes).toEqual([])
    expect(run.statuses).toEqual(['RUNNING', 'COMPLETED'])
    expect(run.outcome.actions).toEqual([])
  })

  it('does not submit when the read right before submitting fails, and says why', async () => {
    await expect(
      runSetupAgainst(sim, {}, {}, s =>
        s.fault({
          service: 'platform',
          method: 'GET',
          path: new RegExp(`^${CONFIG_PATH}/`),
          action: { status: 403, body: { error_code: '403003', message: 'Api Key is invalid' } }
        })
      )
    ).rejects.toThrow(
      'the configuration was read again right before submitting, in case another setup run had submitted it meanwhile, and setup does not submit without knowing'
    )
    expect(sim.requests.filter(r => r.method === 'POST' && r.service === 'platform')).toEqual([])
  })

  it('a submission answered 409 (another run submitted just before it) is read back and followed', async () => {
    const run = await runSetupAgainst(sim, { secondPost: 'conflict' }, {}, s =>
      s.fault({
        service: 'platform',
        method: 'POST',
        path: CONFIG_PATH,
        action: { change: () => submittedByAnotherRun(s) }
      })
    )
    expect(run.outcome.kind).toBe('done')
    expect(run.writes).toEqual([`POST platform ${CONFIG_PATH}`])
    expect(sim.requests.find(r => r.method === 'POST')?.status).toBe(409)
    expect(run.statuses.at(-1)).toBe('COMPLETED')
  })
})

describe('runSetup: remediate', () => {
  it('repairs everything in one run, reads again what it changed, then submits', async () => {
    const run = await runSetupAgainst(sim, nothing(), { remediate: 'all' })
    const { cmkApp } = sim.state
    expect(run.outcome.kind).toBe('done')
    expect(run.writes).toEqual([
      expect.stringMatching(/^PATCH arm .*\/vaults\/kv-aep-cmk-prod$/),
      `POST platform ${REGISTRATION_PATH}`,
      'POST graph /v1.0/servicePrincipals',
      expect.stringMatching(/^PUT arm .*\/roleAssignments\/[0-9a-f-]{36}$/),
      `POST platform ${CONFIG_PATH}`
    ])
    const vault = run.outcome.facts.vault
    if (!vault.ok) throw new Error('vault not read')
    const assignmentId = run.writes[3]!.replace(/^PUT arm /, '')
    expect(run.outcome.repairs).toEqual([
      {
        item: 'adobe-ip',
        check: 'vault.adobe-ip',
        result: 'created',
        summary: `Added Adobe's address ${ADOBE_IP} to the IP rules of vault kv-aep-cmk-prod, keeping every other rule and setting (IP rules now: ${sim.state.runnerIp}/32, 198.51.100.0/24, ${ADOBE_IP})`,
        ids: { vaultId: vault.value.id, ipRule: ADOBE_IP }
      },
      {
        item: 'service-principal',
        check: 'app.consented',
        result: 'created',
        summary: `Created the CMK app's service principal in tenant ${sim.state.tenantId} (application id ${cmkApp.appId}, object id ${cmkApp.objectId})`,
        ids: { appId: cmkApp.appId, objectId: cmkApp.objectId }
      },
      {
        item: 'role',
        check: 'app.role',
        result: 'created',
        summary: `Assigned Key Vault Crypto Service Encryption User on vault kv-aep-cmk-prod to the CMK app's service principal ${cmkApp.objectId} (role assignment ${assignmentId})`,
        ids: { roleAssignmentId: assignmentId, principalId: cmkApp.objectId, scope: vault.value.id }
      }
    ])
    expect(run.outcome.actions.slice(0, 4)).toEqual([
      run.outcome.repairs[0]!.result === 'created' ? run.outcome.repairs[0]!.summary : '',
      `Registered the CMK app with Adobe (application id ${cmkApp.appId})`,
      run.outcome.repairs[1]!.result === 'created' ? run.outcome.repairs[1]!.summary : '',
      run.outcome.repairs[2]!.result === 'created' ? run.outcome.repairs[2]!.summary : ''
    ])
    // The facts setup ends with are the ones read after the repairs.
    expect(vault.value.networkAcls?.ipRules).toContain(ADOBE_IP)
    expect(run.outcome.facts.servicePrincipal).toMatchObject({
      ok: true,
      value: { objectId: cmkApp.objectId }
    })
    expect(run.outcome.facts.roleAssignments).toMatchObject({
      ok: true,
      value: [{ id: assignmentId }]
    })
  })

  it('makes only the repairs remediate names', async () => {
    const run = await runSetupAgainst(sim, nothing(), { remediate: 'adobe-ip' })
    expect(run.outcome.repairs.map(r => r.item)).toEqual(['adobe-ip'])
    expect(run.writes.filter(w => !w.includes(REGISTRATION_PATH))).toEqual([
      expect.stringMatching(/^PATCH arm /)
    ])
    expect(run.outcome.kind).toBe('blocked')
  })

  it('repairs nothing whose check passes, and reads nothing again', async () => {
    const run = await runSetupAgainst(sim, {}, { remediate: 'all' })
    expect(run.outcome.repairs).toEqual([])
    expect(run.writes).toEqual([`POST platform ${CONFIG_PATH}`])
    expect(run.requests.filter(r => !r.includes(' platform '))).toEqual([])
  })

  it.each([
    {
      item: 'service-principal' as const,
      state: () => ({ ...nothing(), graphGrants: [] }),
      call: 'Microsoft Graph POST service principal',
      quote: /^Authorization_RequestDenied: Insufficient privileges to complete the operation\.$/,
      permission:
        'the Microsoft Graph application permission Application.ReadWrite.All (with admin consent) or the Entra role Cloud Application Administrator'
    },
    {
      item: 'role' as const,
      state: () => ({ ...nothing(), armWriteActions: [REMEDIATION_WRITE_ACTIONS.vault] }),
      call: 'ARM PUT role assignment',
      quote: new RegExp(
        `does not have authorization to perform action '${REMEDIATION_WRITE_ACTIONS.role}'.* please refresh your credentials\\.$`
      ),
      permission:
        'Microsoft.Authorization/roleAssignments/write on the vault (e.g. the role Role Based Access Control Administrator on the vault)'
    },
    {
      item: 'adobe-ip' as const,
      state: () => ({ ...nothing(), armWriteActions: [REMEDIATION_WRITE_ACTIONS.role] }),
      call: 'ARM update vault firewall',
      quote: new RegExp(
        `does not have authorization to perform action '${REMEDIATION_WRITE_ACTIONS.vault}'.* please refresh your credentials\\.$`
      ),
      permission:
        'Microsoft.KeyVault/vaults/write on the vault (e.g. the role Key Vault Contributor on the vault)'
    }
  ])('$item refused: names the call and the permission, submits nothing', async c => {
    const run = await runSetupAgainst(sim, c.state(), { remediate: 'all' })
    expect(repair(run, c.item)).toMatchObject({
      result: 'refused',
      call: c.call,
      status: 403,
      message: expect.stringMatching(c.quote),
      permission: c.permission
    })
    expect(run.outcome.kind).toBe('blocked')
    expect(run.writes).not.toContain(`POST platform ${CONFIG_PATH}`)
    expect(run.logs).toContain(`remediate ${c.item}: refused by ${c.call} (HTTP 403)`)
  })

  it('gives no role to a principal it could not create', async () => {
    const run = await runSetupAgainst(sim, { ...nothing(), graphGrants: [] }, { remediate: 'all' })
    expect(run.writes.filter(w => w.startsWith('PUT'))).toEqual([])
    expect(repair(run, 'role')).toBeUndefined()
  })

  it('a repair that fails otherwise than by a refusal is reported as failed', async () => {
    const run = await runSetupAgainst(sim, nothing(), { remediate: 'adobe-ip' }, s =>
      s.fault({
        service: 'arm',
        method: 'PATCH',
        action: { status: 400, body: { error: { code: 'BadRequest', message: 'simulated' } } }
      })
    )
    expect(repair(run, 'adobe-ip')).toMatchObject({
      result: 'failed',
      call: 'ARM update vault firewall',
      status: 400,
      message: expect.stringContaining('BadRequest: simulated')
    })
    expect(repair(run, 'adobe-ip')).not.toHaveProperty('permission')
    expect(run.logs).toContain('remediate adobe-ip: failed by ARM update vault firewall (HTTP 400)')
  })

  it('does not make a service principal in a tenant the job does not sign in to', async () => {
    const scenario = { ...nothing(), vault: defaultVault() }
    scenario.vault.properties.tenantId = OTHER_TENANT
    const run = await runSetupAgainst(sim, scenario, { remediate: 'service-principal' })
    expect(repair(run, 'service-principal')).toEqual({
      item: 'service-principal',
      check: 'app.consented',
      result: 'not-possible',
      reason: `the job signs in to tenant ${sim.state.tenantId}, but vault kv-aep-cmk-prod belongs to tenant ${OTHER_TENANT}, where the service principal is needed`
    })
    expect(run.writes.filter(w => w.includes('graph'))).toEqual([])
    expect(run.logs).toContain(
      `remediate service-principal: not possible: ${(repair(run, 'service-principal') as { reason: string }).reason}`
    )
  })

  it('the tenant comparison ignores case', async () => {
    const scenario = { ...nothing(), vault: defaultVault() }
    scenario.vault.properties.tenantId = sim.state.tenantId.toUpperCase()
    const run = await runSetupAgainst(sim, scenario, { remediate: 'service-principal' })
    expect(repair(run, 'service-principal')).toMatchObject({ result: 'created' })
  })

  it('never enables public access: the firewall is not touched while it is Disabled', async () => {
    const scenario = nothing()
    scenario.vault!.properties.publicNetworkAccess = 'Disabled'
    const run = await runSetupAgainst(sim, scenario, { remediate: 'adobe-ip' })
    expect(repair(run, 'adobe-ip')).toEqual({
      item: 'adobe-ip',
      check: 'vault.adobe-ip',
      result: 'not-possible',
      reason:
        'public network access is Disabled on vault kv-aep-cmk-prod, so Azure ignores IP rules, and remediation never enables public access'
    })
    expect(run.writes.filter(w => w.startsWith('PATCH'))).toEqual([])
  })

  it.each([
    [
      'allowed meanwhile',
      (s: Simulator) => {
        s.state.vault!.properties.networkAcls = {
          bypass: 'AzureServices',
          defaultAction: 'Deny',
          ipRules: [{ value: '20.88.123.0/24' }],
          virtualNetworkRules: []
        }
      },
      'vault kv-aep-cmk-prod already allows 20.88.123.53 through IP rule 20.88.123.0/24'
    ],
    [
      'opened meanwhile',
      (s: Simulator) => {
        s.state.vault!.properties.networkAcls = {
          defaultAction: 'Allow',
          ipRules: [],
          virtualNetworkRules: []
        }
      },
      'the firewall of vault kv-aep-cmk-prod no longer denies by default'
    ]
  ])('a firewall %s is left as it is', async (_, meanwhile, summary) => {
    const run = await runSetupAgainst(sim, nothing(), { remediate: 'adobe-ip' }, meanwhile)
    expect(repair(run, 'adobe-ip')).toEqual({
      item: 'adobe-ip',
      check: 'vault.adobe-ip',
      result: 'already-present',
      summary
    })
    expect(run.writes.filter(w => w.startsWith('PATCH'))).toEqual([])
    expect(run.logs).toContain(`remediate adobe-ip: ${summary}`)
  })

  it('a service principal made meanwhile is taken, and given the role', async () => {
    // Registered already: the principal is looked for before setup acts, and appears just after.
    const run = await runSetupAgainst(
      sim,
      { ...nothing(), vault: defaultVault(), registration: registrationReady },
      { remediate: 'all' },
      s => {
        s.state.servicePrincipalPresent = true
      }
    )
    const { cmkApp } = sim.state
    expect(repair(run, 'service-principal')).toEqual({
      item: 'service-principal',
      check: 'app.consented',
      result: 'already-present',
      summary: `the CMK app already has service principal ${cmkApp.objectId} in tenant ${sim.state.tenantId}`
    })
    expect(repair(run, 'role')).toMatchObject({ result: 'created' })
    expect(run.outcome.kind).toBe('done')
  })

  it('after the firewall repair, a vault that cannot be read again is a read error', async () => {
    const run = await runSetupAgainst(sim, nothing(), { remediate: 'adobe-ip' }, s =>
      s.fault({
        service: 'arm',
        method: 'GET',
        // The second GET: the first is the firewall repair's own read.
        path: new NthMatch(/\/vaults\/kv-aep-cmk-prod$/, 2),
        action: {
          status: 403,
          body: { error: { code: 'AuthorizationFailed', message: 'simulated' } }
        }
      })
    )
    expect(repair(run, 'adobe-ip')).toMatchObject({ result: 'created' })
    expect(run.outcome.facts.vault).toEqual({
      ok: false,
      error: expect.objectContaining({ call: 'ARM GET vault', status: 403 })
    })
    expect(run.outcome.kind).toBe('blocked')
  })

  describe('the firewall changed by someone else as it writes (ARM keeps no ETag on a vault)', () => {
    const VAULT_PATCH = /\/vaults\/kv-aep-cmk-prod$/
    const ipRulesOf = (s: Simulator) =>
      (s.state.vault!.properties.networkAcls as { ipRules: Array<{ value: string }> }).ipRules
    /** Another client's write to the firewall that lands right after the repair's own. */
    const rightAfterTheWrite =
      (change: (rules: Array<{ value: string }>) => Array<{ value: string }>) => (s: Simulator) =>
        s.fault({
          service: 'arm',
          method: 'PATCH',
          path: VAULT_PATCH,
          after: 'send',
          action: {
            change: state => {
              const acls = state.vault!.properties.networkAcls as {
                ipRules: Array<{ value: string }>
              }
              acls.ipRules = change(acls.ipRules)
            }
          }
        })

    it('reports a rule removed right after its write and does not bring it back', async () => {
      const run = await runSetupAgainst(
        sim,
        nothing(),
        { remediate: 'adobe-ip' },
        rightAfterTheWrite(rules => rules.filter(r => r.value !== '198.51.100.0/24'))
      )
      expect(repair(run, 'adobe-ip')).toMatchObject({
        result: 'created',
        summary: expect.stringContaining(
          '; the IP rules changed right after this write, by another change, and were left as they are: 198.51.100.0/24 removed'
        )
      })
      expect(ipRulesOf(sim).map(r => r.value)).toEqual([`${sim.state.runnerIp}/32`, ADOBE_IP])
      expect(run.writes.filter(w => w.startsWith('PATCH'))).toHaveLength(1)
    })

    it("fails, naming every change, when another write right after it dropped Adobe's address", async () => {
      // An admin's write computed from a read taken before the repair's: it adds a range and,
      // without knowing, drops Adobe's address again.
      const stale = (s: Simulator) =>
        rightAfterTheWrite(() => [
          { value: `${s.state.runnerIp}/32` },
          { value: '198.51.100.0/24' },
          { value: '203.0.113.7/32' }
        ])(s)
      const run = await runSetupAgainst(sim, nothing(), { remediate: 'adobe-ip' }, stale)
      expect(repair(run, 'adobe-ip')).toEqual({
        item: 'adobe-ip',
        check: 'vault.adobe-ip',
        result: 'failed',
        call: 'ARM GET vault (read back after the firewall write)',
        message: `Adobe's address ${ADOBE_IP} was added to the IP rules of vault kv-aep-cmk-prod, but they changed right after the write, by another change: ${ADOBE_IP} removed, 203.0.113.7/32 added. Setup does not write them again in this run; re-run it to add the address to the rules as they are now.`
      })
      expect(run.writes.filter(w => w.startsWith('PATCH'))).toHaveLength(1)
      expect(run.outcome.kind).toBe('blocked')
    })
  })

  it('waits out a new principal ARM cannot see yet, and says so', async () => {
    const run = await runSetupAgainst(
      sim,
      { ...nothing(), principalNotFoundTimes: 2 },
      { remediate: 'all' }
    )
    const role = repair(run, 'role')
    expect(role).toMatchObject({ result: 'created' })
    expect((role as { summary: string }).summary).toContain(
      ' after 3 attempts (the service did not see the new principal at first) (role assignment '
    )
    expect(run.outcome.kind).toBe('done')
  })

  it('gives up on the role when the principal stays invisible until wait-timeout-seconds', async () => {
    const run = await runSetupAgainst(
      sim,
      { ...nothing(), principalNotFoundTimes: 1000 },
      { remediate: 'all', 'wait-timeout-seconds': '5' }
    )
    expect(repair(run, 'role')).toMatchObject({
      result: 'failed',
      call: 'ARM PUT role assignment',
      status: 400,
      message: expect.stringMatching(
        / \(the service still did not see the principal when wait-timeout-seconds ran out; re-run the job\)$/
      )
    })
    expect(run.outcome.kind).toBe('blocked')
  })

  it('a role refusal carries no note about replication', async () => {
    const run = await runSetupAgainst(
      sim,
      { ...nothing(), armWriteActions: [REMEDIATION_WRITE_ACTIONS.vault] },
      { remediate: 'all' }
    )
    expect((repair(run, 'role') as { message: string }).message).toMatch(
      /please refresh your credentials\.$/
    )
  })
})

describe('runSetup: remediate, each repair once', () => {
  it('a service principal it made is read again before submitting', async () => {
    const run = await runSetupAgainst(
      sim,
      { servicePrincipalPresent: false, graphGrants: ['Application.ReadWrite.All'] },
      { remediate: 'service-principal' }
    )
    expect(repair(run, 'service-principal')).toMatchObject({ result: 'created' })
    expect(run.outcome.kind).toBe('done')
    expect(run.writes).toEqual([
      'POST graph /v1.0/servicePrincipals',
      `POST platform ${CONFIG_PATH}`
    ])
  })

  it('a refused service principal is not asked for again once the app is registered', async () => {
    const run = await runSetupAgainst(
      sim,
      { registration: registrationPending('partial', 2), servicePrincipalPresent: false },
      { remediate: 'service-principal' }
    )
    expect(run.writes).toEqual(['POST graph /v1.0/servicePrincipals'])
    expect(run.outcome.repairs).toHaveLength(1)
  })

  it('a refused role is not asked for again once the app is registered', async () => {
    const run = await runSetupAgainst(
      sim,
      { registration: registrationPending('partial', 2), roleAssignments: [] },
      { remediate: 'role' }
    )
    expect(run.writes.filter(w => w.startsWith('PUT'))).toHaveLength(1)
    expect(run.outcome.repairs).toHaveLength(1)
  })

  it('a role assigned meanwhile (RoleAssignmentExists) is taken as held', async () => {
    const run = await runSetupAgainst(
      sim,
      { roleAssignments: [], armWriteActions: [REMEDIATION_WRITE_ACTIONS.role] },
      { remediate: 'role' },
      s => {
        s.state.roleAssignments = cmkAppVaultRole(s.state)
      }
    )
    const summary = `service principal ${sim.state.cmkApp.objectId} already holds Key Vault Crypto Service Encryption User on vault kv-aep-cmk-prod`
    expect(repair(run, 'role')).toEqual({
      item: 'role',
      check: 'app.role',
      result: 'already-present',
      summary
    })
    expect(run.logs).toContain(`remediate role: ${summary}`)
    expect(run.outcome.kind).toBe('done')
  })

  it('a repair that failed without an answer logs no status', async () => {
    const run = await runSetupAgainst(
      sim,
      { servicePrincipalPresent: false, graphGrants: ['Application.ReadWrite.All'] },
      { remediate: 'service-principal' },
      s => s.fault({ service: 'graph', method: 'POST', action: 'reset' })
    )
    expect(repair(run, 'service-principal')).toMatchObject({ result: 'failed', status: undefined })
    expect(run.logs).toContain(
      'remediate service-principal: failed by Microsoft Graph POST service principal'
    )
  })

  it('without azure-resource-group, reads the vault again in the group it was found in', async () => {
    const run = await runSetupAgainst(sim, nothing(), {
      remediate: 'adobe-ip',
      'azure-resource-group': ''
    })
    const patch = run.requests.findIndex(r => r.startsWith('PATCH arm '))
    expect(run.requests[patch + 1]).toBe(
      `GET arm /subscriptions/${sim.state.subscriptionId}/resourceGroups/${sim.state.resourceGroup}/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod`
    )
  })
})

describe('runSetup: remediate on a Managed HSM', () => {
  const hsmInputs = () => ({ remediate: 'all', 'key-vault-name': 'mhsm-aep-cmk-prod' })

  it("assigns the local role at /keys/<key> and opens the HSM's firewall", async () => {
    const run = await runSetupAgainst(sim, nothingSetUpOnHsm(true), hsmInputs())
    expect(run.outcome.kind).toBe('done')
    const role = repair(run, 'role')
    const { cmkApp } = sim.state
    expect(role).toMatchObject({
      result: 'created',
      summary: expect.stringContaining(
        `Assigned Managed HSM Crypto Service Encryption User at /keys/aep-cmk-key in the local RBAC of Managed HSM mhsm-aep-cmk-prod to the CMK app's service principal ${cmkApp.objectId} (role assignment https://`
      ),
      ids: {
        roleAssignmentId: expect.stringMatching(
          /^https:\/\/.+\/keys\/aep-cmk-key\/providers\/Microsoft\.Authorization\/roleAssignments\/[0-9a-f-]{36}$/
        ),
        principalId: cmkApp.objectId,
        scope: expect.stringMatching(/\/managedHSMs\/mhsm-aep-cmk-prod$/)
      }
    })
    expect(repair(run, 'adobe-ip')).toMatchObject({ result: 'created' })
    expect(run.writes.filter(w => w.startsWith('PUT managedhsm /keys/aep-cmk-key/'))).toHaveLength(
      1
    )
  })

  it('a refused local role names the local data action to grant', async () => {
    const run = await runSetupAgainst(sim, nothingSetUpOnHsm(false), hsmInputs())
    expect(repair(run, 'role')).toMatchObject({
      result: 'refused',
      call: 'Managed HSM PUT local role assignment',
      status: 403,
      permission:
        "the Managed HSM local data action Microsoft.KeyVault/managedHsm/roleAssignments/write/action at /keys/<key> or above (e.g. the HSM's local role Managed HSM Policy Administrator)"
    })
  })

  it('a refused HSM firewall names the HSM write permission', async () => {
    const run = await runSetupAgainst(
      sim,
      { ...nothingSetUpOnHsm(true), armWriteActions: [] },
      hsmInputs()
    )
    expect(repair(run, 'adobe-ip')).toMatchObject({
      result: 'refused',
      permission:
        'Microsoft.KeyVault/managedHSMs/write on the Managed HSM (e.g. the role Managed HSM Contributor on it)'
    })
  })
})

describe('runSetup: without remediate', () => {
  it('repairs nothing and submits nothing while app checks fail after registering', async () => {
    const run = await runSetupAgainst(sim, { ...nothing(), vault: defaultVault() })
    expect(run.outcome.repairs).toEqual([])
    expect(run.writes).toEqual([`POST platform ${REGISTRATION_PATH}`])
    expect(run.outcome.kind).toBe('blocked')
  })

  it('a vault it could not read stops every write, repairs included', async () => {
    const run = await runSetupAgainst(
      sim,
      { vault: null, servicePrincipalPresent: false, graphGrants: ['Application.ReadWrite.All'] },
      { remediate: 'all' }
    )
    expect(run.outcome.repairs).toEqual([])
    expect(run.outcome.kind).toBe('blocked')
    expect(run.writes).toEqual([])
  })
})
