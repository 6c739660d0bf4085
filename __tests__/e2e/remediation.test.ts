import { delimiter, resolve } from 'node:path'
import {
  CONFIG_PATH,
  HSM_ROLE,
  nothingSetUp as nothingSetUpFor,
  nothingSetUpOnHsm,
  REGISTRATION_PATH,
  REMEDIATION_WRITE_ACTIONS,
  startSimulator,
  type Scenario,
  type Simulator
} from '../../test/simulator/index.js'
import {
  defaultInputs,
  leakedSecrets,
  resetSimulator,
  runAction,
  writesOf,
  type ActionRun
} from './harness.js'

const ROLE_WRITE = REMEDIATION_WRITE_ACTIONS.role
const VAULT_WRITE = REMEDIATION_WRITE_ACTIONS.vault
const ADOBE_IP = '20.88.123.53'

const nothingSetUp = (sim: Simulator): Partial<Scenario> => nothingSetUpFor(sim.state.runnerIp)

function inputs(sim: Simulator, extra: Record<string, string> = {}): Record<string, string> {
  return { ...defaultInputs(sim), remediate: 'all', ...extra }
}

const ROLE_PUT =
  /^PUT arm \/subscriptions\/.+\/providers\/Microsoft\.KeyVault\/vaults\/kv-aep-cmk-prod\/providers\/Microsoft\.Authorization\/roleAssignments\/[0-9a-f-]{36}$/
const VAULT_PATCH = `PATCH arm /subscriptions/6f1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6/resourceGroups/rg-aep-cmk/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod`

describe('remediate: all sets up a tenant where nothing exists, in one run', () => {
  let sim: Simulator
  let first: ActionRun

  beforeAll(async () => {
    sim = await startSimulator()
    resetSimulator(sim, nothingSetUp(sim))
    first = await runAction(sim, inputs(sim), { withReport: true })
  })
  afterAll(() => sim.close())

  it('passes with the configuration COMPLETED', () => {
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({
      result: 'pass',
      status: 'COMPLETED',
      'failed-checks': ''
    })
  })

  it('writes exactly once of each kind: firewall, registration, service principal, role, configuration', () => {
    const writes = writesOf(sim)
    expect(writes).toHaveLength(5)
    expect(writes[0]).toBe(VAULT_PATCH)
    expect(writes[1]).toBe(`POST platform ${REGISTRATION_PATH}`)
    expect(writes[2]).toBe('POST graph /v1.0/servicePrincipals')
    expect(writes[3]).toMatch(ROLE_PUT)
    expect(writes[4]).toBe(`POST platform ${CONFIG_PATH}`)
    expect(sim.requests.filter(r => r.method !== 'GET' && r.status >= 400)).toEqual([])
  })

  it('adds Adobe address and keeps every firewall rule and setting', () => {
    expect(sim.state.vault!.properties.networkAcls).toEqual({
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: [
        { value: `${sim.state.runnerIp}/32` },
        { value: '198.51.100.0/24' },
        { value: ADOBE_IP }
      ],
      virtualNetworkRules: []
    })
    expect(sim.state.vault!.properties).toMatchObject({
      publicNetworkAccess: 'Enabled',
      enablePurgeProtection: true,
      enableRbacAuthorization: true
    })
  })

  it('assigns Key Vault Crypto Service Encryption User on the vault to the new principal', () => {
    const put = sim.requests.find(r => r.method === 'PUT')!
    expect(JSON.parse(put.body)).toEqual({
      properties: {
        roleDefinitionId: `/subscriptions/${sim.state.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
        principalId: sim.state.cmkApp.objectId,
        principalType: 'ServicePrincipal'
      }
    })
    const sp = sim.requests.find(r => r.method === 'POST' && r.service === 'graph')!
    expect(JSON.parse(sp.body)).toEqual({ appId: sim.state.cmkApp.appId })
  })

  it('reads again after repairing and before submitting', () => {
    const submittedAt = sim.requests.find(r => r.method === 'POST' && r.path === CONFIG_PATH)!.at
    const putAt = sim.requests.find(r => r.method === 'PUT')!.at
    const patchAt = sim.requests.find(r => r.method === 'PATCH')!.at
    const between = (after: number, test: (path: string) => boolean) =>
      sim.requests.some(
        r => r.method === 'GET' && r.at > after && r.at < submittedAt && test(r.path)
      )
    expect(between(putAt, p => p.endsWith('/roleAssignments'))).toBe(true)
    expect(between(putAt, p => p.startsWith('/v1.0/servicePrincipals(appId='))).toBe(true)
    expect(between(patchAt, p => p.endsWith('/vaults/kv-aep-cmk-prod'))).toBe(true)
  })

  it('lists every repair with its ids in the summary and the JSON report', () => {
    const { cmkApp } = sim.state
    const put = sim.requests.find(r => r.method === 'PUT')!
    const assignmentId = put.path
    expect(first.report!.repairs).toEqual([
      expect.objectContaining({
        item: 'adobe-ip',
        check: 'vault.adobe-ip',
        result: 'created',
        ids: expect.objectContaining({ ipRule: ADOBE_IP })
      }),
      expect.objectContaining({
        item: 'service-principal',
        check: 'app.consented',
        result: 'created',
        ids: { appId: cmkApp.appId, objectId: cmkApp.objectId }
      }),
      expect.objectContaining({
        item: 'role',
        check: 'app.role',
        result: 'created',
        ids: expect.objectContaining({ roleAssignmentId: assignmentId })
      })
    ])
    const actions = first.report!.actions as string[]
    expect(actions).toHaveLength(5)
    expect(actions.join('\n')).toContain(`object id ${cmkApp.objectId}`)
    expect(actions.join('\n')).toContain(assignmentId)
    expect(first.summary).toContain(`Added Adobe&#39;s address ${ADOBE_IP}`.replace('&#39;', "'"))
    expect(first.summary).toContain(assignmentId)
    expect(leakedSecrets(sim, first.everything.replace(/^::add-mask::.*$/gm, ''))).toEqual([])
  })

  it('writes nothing on a second run and still passes', async () => {
    sim.clearRequests()
    const second = await runAction(sim, inputs(sim), { withReport: true })
    expect(second.exitCode).toBe(0)
    expect(second.outputs.status).toBe('COMPLETED')
    expect(writesOf(sim)).toEqual([])
    expect(second.report!.repairs).toEqual([])
    expect(sim.state.roleAssignments).toHaveLength(1)
  })
})

describe('remediate: repairs the identity may not make', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator()
  })
  afterAll(() => sim.close())

  const cases: Array<{
    item: string
    check: string
    state: (sim: Simulator) => Partial<Scenario>
    write: RegExp
    quote: string
    permission: string
    extra?: Record<string, string>
  }> = [
    {
      item: 'service-principal',
      check: 'app.consented',
      state: sim => ({ ...nothingSetUp(sim), graphGrants: ['Application.Read.All'] }),
      write: /^POST graph \/v1\.0\/servicePrincipals$/,
      quote: 'Authorization_RequestDenied: Insufficient privileges to complete the operation.',
      permission: 'Application.ReadWrite.All'
    },
    {
      item: 'role',
      check: 'app.role',
      state: sim => ({ ...nothingSetUp(sim), armWriteActions: [VAULT_WRITE] }),
      write: ROLE_PUT,
      quote: `does not have authorization to perform action '${ROLE_WRITE}'`,
      permission: `${ROLE_WRITE} on the vault`
    },
    {
      item: 'adobe-ip',
      check: 'vault.adobe-ip',
      state: sim => ({ ...nothingSetUp(sim), armWriteActions: [ROLE_WRITE] }),
      write: new RegExp(`^${VAULT_PATCH}$`),
      quote: `does not have authorization to perform action '${VAULT_WRITE}'`,
      permission: `${VAULT_WRITE} on the vault`
    }
  ]

  it.each(cases)(
    '$item: fails $check quoting the service and naming the permission; submits nothing',
    async ({ item, check, state, write, quote, permission, extra }) => {
      resetSimulator(sim, state(sim))
      const run = await runAction(sim, inputs(sim, extra), { withReport: true })
      expect(run.exitCode).toBe(1)
      expect(run.outputs['failed-checks']!.split(',')).toContain(check)
      const refused = writesOf(sim).filter(w => write.test(w))
      expect(refused).toHaveLength(1)
      expect(writesOf(sim)).not.toContain(`POST platform ${CONFIG_PATH}`)
      expect(sim.counters.configSubmissions).toBe(0)
      const findings = run.report!.findings as Array<{ id: string; detail: string; fix: string }>
      const finding = findings.find(f => f.id === check)!
      expect(finding.detail).toContain(`remediate: ${item} was refused`)
      expect(finding.detail).toContain(quote)
      expect(finding.fix).toContain(permission)
      expect(finding.fix).toMatch(/or fix it by hand: \S/)
      expect(run.report!.repairs).toContainEqual(
        expect.objectContaining({ item, result: 'refused', status: 403 })
      )
      expect(run.stdout).toContain(permission)
    }
  )

  it('does not give a role to a principal it could not create', async () => {
    resetSimulator(sim, { ...nothingSetUp(sim), graphGrants: [] })
    await runAction(sim, inputs(sim))
    expect(writesOf(sim).filter(w => w.startsWith('PUT'))).toEqual([])
  })
})

describe('remediate: an answer that names another principal', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator()
  })
  afterAll(() => sim.close())

  it('refuses a created principal of another app and grants it nothing', async () => {
    resetSimulator(sim, nothingSetUp(sim))
    const foreign = {
      id: '0badf00d-0000-4000-8000-000000000001',
      appId: '0badf00d-0000-4000-8000-0000000000aa'
    }
    sim.fault({
      service: 'graph',
      method: 'POST',
      path: '/v1.0/servicePrincipals',
      action: { status: 201, body: foreign }
    })
    const run = await runAction(sim, inputs(sim), { withReport: true })
    expect(run.exitCode).toBe(1)
    expect(run.outputs['failed-checks']!.split(',')).toContain('app.consented')
    expect(writesOf(sim).filter(w => w.startsWith('PUT'))).toEqual([])
    expect(JSON.stringify(sim.requests.map(r => r.body))).not.toContain(foreign.id)
    expect(sim.counters.configSubmissions).toBe(0)
    const findings = run.report!.findings as Array<{ id: string; detail: string }>
    expect(findings.find(f => f.id === 'app.consented')!.detail).toContain(
      `the answer names application ${foreign.appId}, not the CMK app`
    )
  })

  it("grants the role to the principal read back by the CMK app's appId, not the one the answer named", async () => {
    resetSimulator(sim, nothingSetUp(sim))
    sim.fault({
      service: 'graph',
      method: 'POST',
      path: '/v1.0/servicePrincipals',
      action: {
        status: 201,
        body: { id: '0badf00d-0000-4000-8000-000000000002', appId: sim.state.cmkApp.appId }
      }
    })
    // The faked answer stores nothing: the principal appears as the consent link would make it.
    sim.state.servicePrincipalPresent = true
    const run = await runAction(sim, inputs(sim))
    expect(run.exitCode).toBe(0)
    const puts = sim.requests.filter(r => r.method === 'PUT')
    expect(puts).toHaveLength(1)
    expect(JSON.parse(puts[0]!.body)).toMatchObject({
      properties: { principalId: sim.state.cmkApp.objectId }
    })
  })
})

describe('remediate: signed in through the Azure CLI, without azure-tenant-id', () => {
  const OTHER_TENANT = '0d3f9a1e-2b4c-4e6f-8a9b-1c2d3e4f5a6b'
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator()
  })
  afterAll(() => sim.close())

  /** An `az` signed in (like azure/login does) to the simulator's tenant. */
  const signedInAz = () => ({
    PATH: `${resolve('test/fake-az')}${delimiter}${process.env.PATH ?? ''}`,
    FAKE_AZ_CLIENT_ID: sim.state.azure.clientId,
    FAKE_AZ_CLIENT_SECRET: sim.state.azure.clientSecret,
    FAKE_AZ_TENANT_ID: sim.state.tenantId
  })
  const cliInputs = () => ({
    ...inputs(sim),
    'azure-auth': 'cli',
    'azure-tenant-id': undefined,
    'azure-client-id': undefined,
    'azure-client-secret': undefined
  })
  const repairOf = (run: ActionRun) =>
    (run.report!.repairs as Array<Record<string, unknown>>).find(
      r => r.item === 'service-principal'
    )

  it('makes no service principal when the vault belongs to another tenant than the one it signs in to', async () => {
    const scenario = nothingSetUp(sim)
    scenario.vault!.properties.tenantId = OTHER_TENANT
    resetSimulator(sim, scenario)
    const run = await runAction(sim, cliInputs(), { env: signedInAz(), withReport: true })
    expect(writesOf(sim).filter(w => w.includes(' graph '))).toEqual([])
    expect(repairOf(run)).toEqual({
      item: 'service-principal',
      check: 'app.consented',
      result: 'not-possible',
      reason: `the job signs in to tenant ${sim.state.tenantId}, but vault kv-aep-cmk-prod belongs to tenant ${OTHER_TENANT}, where the service principal is needed`
    })
    expect(run.outputs['failed-checks']!.split(',')).toContain('app.consented')
  })

  it("makes it when the token it signs in with was issued in the vault's tenant", async () => {
    resetSimulator(sim, nothingSetUp(sim))
    const run = await runAction(sim, cliInputs(), { env: signedInAz(), withReport: true })
    expect(repairOf(run)).toMatchObject({
      result: 'created',
      summary: expect.stringContaining(`in tenant ${sim.state.tenantId} (`)
    })
    expect(writesOf(sim)).toContain('POST graph /v1.0/servicePrincipals')
  })
})

describe('remediate: a new principal ARM cannot see yet', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator()
  })
  afterAll(() => sim.close())

  it('retries the role assignment after PrincipalNotFound twice, then completes', async () => {
    resetSimulator(sim, { ...nothingSetUp(sim), principalNotFoundTimes: 2 })
    const run = await runAction(sim, inputs(sim), { withReport: true })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')
    const puts = sim.requests.filter(r => r.method === 'PUT')
    expect(puts.map(r => r.status)).toEqual([400, 400, 201])
    expect(new Set(puts.map(r => r.path)).size).toBe(1)
    expect(sim.counters.configSubmissions).toBe(1)
    expect(run.report!.actions as string[]).toContainEqual(
      expect.stringContaining('after 3 attempts')
    )
  })
})

describe('remediate outside setup', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator()
  })
  afterAll(() => sim.close())

  it.each(['validate', 'check'])(
    '%s with remediate: all writes nothing and says so',
    async mode => {
      resetSimulator(sim, nothingSetUp(sim))
      const run = await runAction(sim, inputs(sim, { mode }))
      expect(writesOf(sim)).toEqual([])
      expect(run.stdout).toContain(`remediate: ignored in mode ${mode}`)
    }
  )
})

describe('remediate: all on a Managed HSM (local role at /keys/<key>)', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator()
  })
  afterAll(() => sim.close())

  const hsmInputs = () => ({ ...inputs(sim), 'key-vault-name': sim.state.managedHsm!.name })
  const LOCAL_ROLE_PUT =
    /^PUT managedhsm \/keys\/aep-cmk-key\/providers\/Microsoft\.Authorization\/roleAssignments\/[0-9a-f-]{36}$/

  it('without the preview IP firewall, adobe-ip is not possible, naming the support ticket, never a permission', async () => {
    const scenario = nothingSetUpOnHsm(true)
    scenario.managedHsm!.ipFirewallPreview = false
    resetSimulator(sim, scenario)
    const run = await runAction(sim, hsmInputs(), { withReport: true })
    expect(run.exitCode).toBe(1)
    const repair = (run.report!.repairs as Array<Record<string, unknown>>).find(
      r => r.item === 'adobe-ip'
    )
    expect(repair).toMatchObject({ result: 'not-possible', check: 'vault.adobe-ip' })
    expect(String(repair!.reason)).toMatch(/support ticket/)
    expect(String(repair!.reason)).toMatch(/at most 10 ranges/)
    expect(JSON.stringify(repair)).not.toMatch(/permission/i)
    expect(run.outputs['failed-checks']!.split(',')).toContain('vault.adobe-ip')
    expect(sim.counters.configSubmissions).toBe(0)
  })

  it('sets it up in one run with one write of each kind, then a second run writes nothing', async () => {
    resetSimulator(sim, nothingSetUpOnHsm(true))
    const first = await runAction(sim, hsmInputs(), { withReport: true })
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({ status: 'COMPLETED', 'vault-type': 'managed-hsm' })
    const writes = writesOf(sim)
    expect(writes).toHaveLength(5)
    expect(writes[0]).toMatch(
      /^PATCH arm \/subscriptions\/.+\/providers\/Microsoft\.KeyVault\/managedHSMs\/mhsm-aep-cmk-prod$/
    )
    expect(writes[1]).toBe(`POST platform ${REGISTRATION_PATH}`)
    expect(writes[2]).toBe('POST graph /v1.0/servicePrincipals')
    expect(writes[3]).toMatch(LOCAL_ROLE_PUT)
    expect(writes[4]).toBe(`POST platform ${CONFIG_PATH}`)
    const put = sim.requests.find(r => r.method === 'PUT')!
    expect(JSON.parse(put.body)).toEqual({
      properties: {
        roleDefinitionId: `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/${HSM_ROLE.cryptoServiceEncryptionUser}`,
        principalId: sim.state.cmkApp.objectId
      }
    })
    expect(sim.state.managedHsm!.properties.networkAcls).toMatchObject({
      ipRules: [{ value: `${sim.state.runnerIp}/32` }, { value: ADOBE_IP }]
    })
    expect(first.report!.repairs).toContainEqual(
      expect.objectContaining({
        item: 'role',
        result: 'created',
        ids: expect.objectContaining({
          roleAssignmentId: expect.stringContaining(
            '/keys/aep-cmk-key/providers/Microsoft.Authorization/roleAssignments/'
          )
        })
      })
    )

    sim.clearRequests()
    const second = await runAction(sim, hsmInputs())
    expect(second.exitCode).toBe(0)
    expect(writesOf(sim)).toEqual([])
  })

  it('without a local role that may assign roles, fails app.role naming it and submits nothing', async () => {
    resetSimulator(sim, nothingSetUpOnHsm(false))
    const run = await runAction(sim, hsmInputs(), { withReport: true })
    expect(run.exitCode).toBe(1)
    expect(writesOf(sim).filter(w => LOCAL_ROLE_PUT.test(w))).toHaveLength(1)
    expect(sim.counters.configSubmissions).toBe(0)
    const findings = run.report!.findings as Array<{ id: string; detail: string; fix: string }>
    const role = findings.find(f => f.id === 'app.role')!
    expect(role.detail).toContain(
      'remediate: role was refused: Managed HSM PUT local role assignment answered HTTP 403'
    )
    expect(role.detail).toContain('Microsoft.KeyVault/managedHsm/roleAssignments/write/action')
    expect(role.fix).toContain('Managed HSM Policy Administrator')
  })
})
