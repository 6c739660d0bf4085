/*
 * End-to-end: every check's failing case, with the simulator serving the broken state, through
 * the bundled action. Each test asserts the exit code, `result`, the exact `failed-checks` and the
 * annotation on stdout (`::error title=<id>::` or `::warning title=<id>::`).
 */
import {
  BUILTIN_ROLE,
  CONFIG_PATH,
  CONFIG_SEQUENCES,
  defaultKey,
  defaultVault,
  vaultResourceId,
  type RoleDefinitionState,
  type Simulator
} from '../../test/simulator/index.js'
import { defaultInputs, runAction, writesOf, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

const DAY = 86_400
const ADOBE_IP = '20.88.123.53'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

const nowSeconds = () => Math.floor(Date.now() / 1000)

function run(inputs: Record<string, string | undefined> = {}): Promise<ActionRun> {
  return runAction(
    sim,
    { ...defaultInputs(sim), mode: 'validate', ...inputs },
    { withReport: true }
  )
}

function failedChecks(r: ActionRun): string[] {
  const value = r.outputs['failed-checks'] ?? ''
  return value === '' ? [] : value.split(',')
}

/** The annotation line for a check: `::error title=<id>::message` or `::warning title=<id>::message`. */
function annotation(r: ActionRun, kind: 'error' | 'warning', id: string): string | undefined {
  return r.stdout.split('\n').find(line => line.startsWith(`::${kind} title=${id}::`))
}

function finding(
  r: ActionRun,
  id: string
): { outcome: string; detail: string; fix: string | null; evidence?: Record<string, unknown> } {
  const findings = (r.report?.findings ?? []) as Array<{
    id: string
    outcome: string
    detail: string
    fix: string | null
    evidence?: Record<string, unknown>
  }>
  const found = findings.find(f => f.id === id)
  if (!found) throw new Error(`no finding ${id} in the report`)
  return found
}

/** The run failed exactly because of `ids`, each annotated as an error. */
function expectFailedBy(r: ActionRun, ids: string[]): void {
  expect(r.exitCode).not.toBe(0)
  expect(r.outputs.result).toBe('fail')
  expect(failedChecks(r)).toEqual(ids)
  for (const id of ids) expect(annotation(r, 'error', id)).toBeDefined()
}

/** The run passed (not strict) with `id` as a warning annotation. */
function expectWarnedBy(r: ActionRun, id: string): void {
  expect(r.exitCode).toBe(0)
  expect(r.outputs.result).toBe('pass')
  expect(failedChecks(r)).toEqual([])
  expect(annotation(r, 'warning', id)).toBeDefined()
  expect(annotation(r, 'error', id)).toBeUndefined()
}

function setVaultProperties(properties: Record<string, unknown>): void {
  const vault = defaultVault()
  vault.properties = { ...vault.properties, ...properties }
  sim.state.vault = vault
}

describe('vault checks', () => {
  it('vault.found fails when ARM answers 404 for the vault', async () => {
    sim.state.vault = null
    const r = await run()
    expectFailedBy(r, ['vault.found'])
    expect(annotation(r, 'error', 'vault.found')).toMatch(/404/)
    expect(annotation(r, 'error', 'vault.found')).toContain('key-vault-name (kv-aep-cmk-prod)')
    expect(
      sim.requests.some(
        q => q.service === 'arm' && q.status === 404 && q.path.endsWith('/vaults/kv-aep-cmk-prod')
      )
    ).toBe(true)
  })

  it('vault.found fails when no vault of that name is in the subscription (no resource group)', async () => {
    sim.state.vault = null
    sim.state.otherVaults = [{ ...defaultVault('kv-someone-else'), resourceGroup: 'rg-other' }]
    const r = await run({ 'azure-resource-group': '' })
    expectFailedBy(r, ['vault.found'])
    expect(annotation(r, 'error', 'vault.found')).toContain(
      `subscription ${sim.state.subscriptionId}`
    )
    // Looked up by listing the subscription, not by a resource-group GET.
    expect(sim.requests.some(q => q.service === 'arm' && /\/resourceGroups\//i.test(q.path))).toBe(
      false
    )
  })

  it('vault.found passes when the vault is found by name in another resource group of the subscription', async () => {
    sim.state.vault = { ...defaultVault(), resourceGroup: 'rg-elsewhere' }
    sim.state.roleAssignments = [
      {
        principalId: sim.state.cmkApp.objectId,
        roleDefinitionGuid: BUILTIN_ROLE.keyVaultCryptoServiceEncryptionUser,
        scope: vaultResourceId(sim.state, sim.state.vault)
      }
    ]
    const r = await run({ 'azure-resource-group': '' })
    expect(r.exitCode).toBe(0)
    expect(failedChecks(r)).toEqual([])
    expect(finding(r, 'vault.found').detail).toContain('/resourceGroups/rg-elsewhere/')
  })

  it('vault.soft-delete fails when soft delete is disabled', async () => {
    setVaultProperties({ enableSoftDelete: false })
    const r = await run()
    expectFailedBy(r, ['vault.soft-delete'])
    expect(annotation(r, 'error', 'vault.soft-delete')).toContain('--enable-soft-delete true')
  })

  it.each([
    ['false', false],
    ['absent', undefined]
  ])('vault.purge-protection fails when enablePurgeProtection is %s', async (_label, value) => {
    const vault = defaultVault()
    if (value === undefined) delete vault.properties.enablePurgeProtection
    else vault.properties.enablePurgeProtection = value
    sim.state.vault = vault
    const r = await run()
    expectFailedBy(r, ['vault.purge-protection'])
    expect(annotation(r, 'error', 'vault.purge-protection')).toContain(
      '--enable-purge-protection true'
    )
  })

  /** An access policy entry (what `az keyvault set-policy` writes) for `objectId`. */
  function accessPolicy(objectId: string, keys: string[]): Record<string, unknown> {
    return { tenantId: sim.state.tenantId, objectId, permissions: { keys } }
  }

  it.each([
    ['false', false],
    ['absent', undefined]
  ])('vault.rbac fails when enableRbacAuthorization is %s', async (_label, value) => {
    const vault = defaultVault()
    if (value === undefined) delete vault.properties.enableRbacAuthorization
    else vault.properties.enableRbacAuthorization = value
    // The action's identity may read keys through an access policy, so only vault.rbac fails.
    vault.properties.accessPolicies = [accessPolicy(sim.state.azure.objectId, ['Get', 'List'])]
    sim.state.vault = vault
    const r = await run()
    expectFailedBy(r, ['vault.rbac'])
    expect(annotation(r, 'error', 'vault.rbac')).toContain('--enable-rbac-authorization true')
    expect(finding(r, 'key.found').outcome).toBe('pass')
    // app.role cannot be decided for an access-policy vault: skipped, not a second failure.
    expect(finding(r, 'app.role')).toMatchObject({ outcome: 'skipped' })
    expect(annotation(r, 'warning', 'app.role')).toBeUndefined()
  })

  it('on an access-policy vault without any policy for the action, key.found still passes: the key is read through ARM', async () => {
    setVaultProperties({
      enableRbacAuthorization: false,
      accessPolicies: [accessPolicy(sim.state.cmkApp.objectId, ['get', 'wrapKey', 'unwrapKey'])]
    })
    const r = await run()
    expectFailedBy(r, ['vault.rbac'])
    expect(finding(r, 'key.found').outcome).toBe('pass')
    expect(sim.requests.some(q => q.service === 'keyvault')).toBe(false)
  })

  it('vault.network fails when public access is Disabled and trusted services may not bypass (the runner is refused too)', async () => {
    setVaultProperties({
      publicNetworkAccess: 'Disabled',
      networkAcls: {
        bypass: 'None',
        defaultAction: 'Allow',
        ipRules: [{ value: sim.state.runnerIp }],
        virtualNetworkRules: []
      }
    })
    const r = await run()
    // Disabled overrides every IP rule, but the key is read through ARM, which it does not touch.
    expectFailedBy(r, ['vault.network', 'vault.adobe-ip'])
    expect(annotation(r, 'error', 'vault.network')).toContain('public network access is Disabled')
    expect(annotation(r, 'error', 'vault.network')).toContain('--bypass AzureServices')
    expect(annotation(r, 'error', 'vault.adobe-ip')).toContain('Public network access is Disabled')
    expect(finding(r, 'key.found').outcome).toBe('pass')
  })

  it('vault.network fails when the firewall defaults to Deny with bypass None', async () => {
    setVaultProperties({
      networkAcls: {
        bypass: 'None',
        defaultAction: 'Deny',
        ipRules: [{ value: sim.state.runnerIp }, { value: ADOBE_IP }],
        virtualNetworkRules: []
      }
    })
    const r = await run()
    expectFailedBy(r, ['vault.network'])
    expect(annotation(r, 'error', 'vault.network')).toContain('the firewall defaults to Deny')
    expect(annotation(r, 'error', 'vault.network')).toContain('--bypass AzureServices')
    expect(finding(r, 'key.found').outcome).toBe('pass')
  })

  it('vault.adobe-ip fails when the Deny firewall does not allow 20.88.123.53, the trusted-services bypass notwithstanding', async () => {
    setVaultProperties({
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: 'Deny',
        ipRules: [{ value: '198.51.100.7/32' }, { value: `${sim.state.runnerIp}/32` }],
        virtualNetworkRules: []
      }
    })
    const r = await run()
    expectFailedBy(r, ['vault.adobe-ip'])
    expect(annotation(r, 'error', 'vault.adobe-ip')).toContain(
      `\`az keyvault network-rule add --name kv-aep-cmk-prod --ip-address ${ADOBE_IP} --subscription ${sim.state.subscriptionId}\``
    )
    expect(finding(r, 'vault.network').outcome).toBe('pass')
  })

  it('vault.adobe-ip passes when an IP rule range contains 20.88.123.53', async () => {
    setVaultProperties({
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: 'Deny',
        ipRules: [
          { value: '198.51.100.0/24' },
          { value: '20.88.120.0/21' },
          { value: sim.state.runnerIp }
        ],
        virtualNetworkRules: []
      }
    })
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(failedChecks(r)).toEqual([])
    expect(r.stdout).not.toContain('title=vault.adobe-ip')
    expect(finding(r, 'vault.adobe-ip')).toMatchObject({ outcome: 'pass' })
    expect(finding(r, 'vault.adobe-ip').detail).toContain('20.88.120.0/21')
  })
})

describe('key checks', () => {
  it('key.found fails when the vault has no such key', async () => {
    sim.state.key = null
    const r = await run()
    expectFailedBy(r, ['key.found'])
    expect(annotation(r, 'error', 'key.found')).toContain('does not exist')
    expect(annotation(r, 'error', 'key.found')).toContain(
      'az keyvault key create --vault-name kv-aep-cmk-prod --name aep-cmk-key --kty RSA --size 3072 --ops wrapKey unwrapKey'
    )
    expect(r.outputs['key-identifier']).toBe('')
  })

  it('key.enabled fails for a disabled key', async () => {
    sim.state.key = { ...defaultKey(), enabled: false }
    const r = await run()
    expectFailedBy(r, ['key.enabled'])
    expect(annotation(r, 'error', 'key.enabled')).toContain(
      'az keyvault key set-attributes --vault-name kv-aep-cmk-prod --name aep-cmk-key --enabled true'
    )
  })

  it('key.type fails for an EC key (key.size is then skipped)', async () => {
    sim.state.key = { ...defaultKey(), kty: 'EC', crv: 'P-256' }
    const r = await run()
    expectFailedBy(r, ['key.type'])
    expect(annotation(r, 'warning', 'key.size')).toBeUndefined()
    expect(annotation(r, 'error', 'key.type')).toContain('It blocked 1 check')
    expect(annotation(r, 'error', 'key.type')).toContain('type EC')
    expect(annotation(r, 'error', 'key.type')).toContain('RSA or RSA-HSM')
  })

  it('key.size fails for a 2048-bit key below min-key-size 3072', async () => {
    sim.state.key = { ...defaultKey(), kty: 'RSA', size: 2048 }
    const r = await run()
    expectFailedBy(r, ['key.size'])
    expect(annotation(r, 'error', 'key.size')).toContain('2048-bit')
    expect(annotation(r, 'error', 'key.size')).toContain('min-key-size 3072')
    expect(annotation(r, 'error', 'key.size')).toContain('--kty RSA --size 3072')
  })

  it('key.operations fails when unwrapKey is missing', async () => {
    sim.state.key = { ...defaultKey(), ops: ['encrypt', 'wrapKey'] }
    const r = await run()
    expectFailedBy(r, ['key.operations'])
    expect(annotation(r, 'error', 'key.operations')).toContain('does not permit unwrapKey')
    expect(annotation(r, 'error', 'key.operations')).toContain('--ops encrypt wrapKey unwrapKey')
  })

  it('key.active fails when the activation date is in the future', async () => {
    const nbf = nowSeconds() + 2 * DAY
    sim.state.key = { ...defaultKey(), nbf }
    const r = await run()
    expectFailedBy(r, ['key.active'])
    expect(annotation(r, 'error', 'key.active')).toContain(new Date(nbf * 1000).toISOString())
    expect(annotation(r, 'error', 'key.active')).toContain('not active yet')
  })

  it('key.active fails when the key has expired (key.expiry fails with it)', async () => {
    const exp = nowSeconds() - DAY
    sim.state.key = { ...defaultKey(), exp }
    const r = await run()
    expectFailedBy(r, ['key.active', 'key.expiry'])
    expect(annotation(r, 'error', 'key.active')).toContain(
      `expired on ${new Date(exp * 1000).toISOString()}`
    )
    expect(annotation(r, 'error', 'key.active')).toContain('--expires ')
  })

  it('key.expiry fails when the key expires in 10 days (default min-key-validity-days 30)', async () => {
    sim.state.key = { ...defaultKey(), exp: nowSeconds() + 10 * DAY + 3600 }
    const r = await run()
    expectFailedBy(r, ['key.expiry'])
    expect(annotation(r, 'error', 'key.expiry')).toContain('10 days from now')
    expect(annotation(r, 'error', 'key.expiry')).toContain('min-key-validity-days 30')
  })
})

describe('app checks', () => {
  it('app.registered is a warning in validate when the registration is absent', async () => {
    sim.state.registration = { ...sim.state.registration, status: 'absent' }
    const r = await run()
    expectWarnedBy(r, 'app.registered')
    expect(finding(r, 'app.registered').outcome).toBe('warn')
    // consent and role cannot be decided yet: warnings, not failures
    expect(annotation(r, 'warning', 'app.consented')).toBeDefined()
    expect(annotation(r, 'warning', 'app.role')).toBeDefined()
    expect(writesOf(sim)).toEqual([])
  })

  it('app.consented fails without a service principal, with the consent URL in the fix', async () => {
    sim.state.servicePrincipalPresent = false
    const { tenantId, cmkApp } = sim.state
    const consentUrl = `${sim.urls.authorityHost}/${tenantId}/oauth2/authorize?response_type=code&client_id=${cmkApp.appId}&redirect_uri=https://experience.adobe.com&scope=user.read`
    const r = await run()
    expectFailedBy(r, ['app.consented'])
    expect(r.outputs['consent-url']).toBe(consentUrl)
    expect(finding(r, 'app.consented').fix).toContain(consentUrl)
    expect(annotation(r, 'error', 'app.consented')).toContain(consentUrl)
    expect(finding(r, 'app.role')).toMatchObject({ outcome: 'skipped' })
  })

  it('app.consented warns naming Application.Read.All when Graph answers 403', async () => {
    sim.state.graph403 = true
    const r = await run()
    expectWarnedBy(r, 'app.consented')
    expect(annotation(r, 'warning', 'app.consented')).toContain('Application.Read.All')
    expect(annotation(r, 'warning', 'app.consented')).toContain('cmk-app-object-id')
    expect(sim.requests.some(q => q.service === 'graph' && q.status === 403)).toBe(true)
  })

  it('with cmk-app-object-id no Graph request is made and the role is still checked', async () => {
    sim.state.graph403 = true
    const r = await run({ 'cmk-app-object-id': sim.state.cmkApp.objectId })
    expect(r.exitCode).toBe(0)
    expect(failedChecks(r)).toEqual([])
    expect(sim.requests.filter(q => q.service === 'graph')).toEqual([])
    expect(finding(r, 'app.consented').outcome).toBe('pass')
    expect(finding(r, 'app.role').outcome).toBe('pass')
  })

  it('app.role fails without a role assignment, with an exact az role assignment create command', async () => {
    sim.state.roleAssignments = []
    const r = await run()
    expectFailedBy(r, ['app.role'])
    const vaultId = vaultResourceId(sim.state, sim.state.vault!)
    const command = `az role assignment create --role "Key Vault Crypto Service Encryption User" --assignee-object-id ${sim.state.cmkApp.objectId} --assignee-principal-type ServicePrincipal --scope ${vaultId}`
    expect(finding(r, 'app.role').fix).toContain(`\`${command}\``)
    expect(annotation(r, 'error', 'app.role')).toContain(command)
  })

  /** The role definitions the run read from ARM: a built-in role's is known without one. */
  const definitionReads = () =>
    sim.requests
      .filter(q => q.service === 'arm' && /\/roleDefinitions\//i.test(q.path))
      .map(q => q.path.split('/').pop())

  function customRole(
    guid: string,
    dataActions: string[],
    notDataActions: string[] = []
  ): RoleDefinitionState {
    return {
      guid,
      roleName: `CMK custom ${guid.slice(0, 4)}`,
      type: 'CustomRole',
      description: 'test role',
      assignableScopes: [`/subscriptions/${sim.state.subscriptionId}`],
      permissions: [{ actions: [], notActions: [], dataActions, notDataActions }]
    }
  }

  it('app.role passes with a custom role granting Microsoft.KeyVault/vaults/keys/*', async () => {
    const guid = '0b3c5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d'
    sim.state.customRoles = [customRole(guid, ['Microsoft.KeyVault/vaults/keys/*'])]
    sim.state.roleAssignments = [
      {
        principalId: sim.state.cmkApp.objectId,
        roleDefinitionGuid: guid,
        scope: vaultResourceId(sim.state, sim.state.vault!)
      }
    ]
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(failedChecks(r)).toEqual([])
    expect(r.stdout).not.toContain('title=app.role')
    expect(finding(r, 'app.role').outcome).toBe('pass')
    expect(finding(r, 'app.role').detail).toContain('CMK custom 0b3c')
    expect(definitionReads()).toEqual([guid])
  })

  it('app.role fails with a custom role whose notDataActions exclude unwrap', async () => {
    const guid = '1c4d6f8b-2e3a-4b7c-9d0e-1f2a3b4c5d6e'
    sim.state.customRoles = [
      customRole(
        guid,
        ['Microsoft.KeyVault/vaults/keys/*'],
        ['Microsoft.KeyVault/vaults/keys/unwrap/action']
      )
    ]
    sim.state.roleAssignments = [
      {
        principalId: sim.state.cmkApp.objectId,
        roleDefinitionGuid: guid,
        scope: vaultResourceId(sim.state, sim.state.vault!)
      }
    ]
    const r = await run()
    expectFailedBy(r, ['app.role'])
    expect(annotation(r, 'error', 'app.role')).toContain(
      'Microsoft.KeyVault/vaults/keys/unwrap/action'
    )
  })

  it('app.role passes with the role inherited from the resource group', async () => {
    const { subscriptionId, resourceGroup, cmkApp } = sim.state
    sim.state.roleAssignments = [
      {
        principalId: cmkApp.objectId,
        roleDefinitionGuid: BUILTIN_ROLE.keyVaultCryptoServiceEncryptionUser,
        scope: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`
      }
    ]
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(failedChecks(r)).toEqual([])
    expect(finding(r, 'app.role').outcome).toBe('pass')
    expect(finding(r, 'app.role').detail).toContain(`/resourceGroups/${resourceGroup}`)
    expect(finding(r, 'app.role').detail).toContain('Key Vault Crypto Service Encryption User')
    expect(definitionReads()).toEqual([])
  })
})

describe('config checks', () => {
  it('config.status fails when the configuration ends FAILED', async () => {
    sim.state.configStatusSequence = [...CONFIG_SEQUENCES.failed]
    const r = await run({ mode: 'setup' })
    expectFailedBy(r, ['config.status'])
    expect(r.outputs.status).toBe('FAILED')
    expect(annotation(r, 'error', 'config.status')).toContain('ended FAILED')
    expect(sim.counters.configSubmissions).toBe(1)
    expect(sim.counters.registrationRequests).toBe(0)
  })

  it('config.status fails with a timed-out message when the configuration never finishes', async () => {
    sim.state.configStatusSequence = [...CONFIG_SEQUENCES.neverFinishes]
    const r = await run({ mode: 'setup', 'wait-timeout-seconds': '3' })
    expectFailedBy(r, ['config.status'])
    expect(r.outputs.status).toBe('RUNNING')
    const line = annotation(r, 'error', 'config.status')
    expect(line).toContain('still RUNNING after 3 s')
    expect(line).toContain('wait-timeout-seconds')
  })

  it('config.status fails in check mode when there is no configuration', async () => {
    const r = await run({ mode: 'check' })
    expectFailedBy(r, ['config.status'])
    expect(r.outputs.status).toBe('NOT_CONFIGURED')
    expect(annotation(r, 'error', 'config.status')).toContain('There is no configuration named')
    expect(annotation(r, 'error', 'config.status')).toContain('mode: setup')
    expect(writesOf(sim)).toEqual([])
  })

  it('config.key fails when the COMPLETED configuration points at another vault', async () => {
    const name = 'cmk-kv-aep-cmk-prod-aep-cmk-key'
    const otherVault = sim.vaultUri('kv-old-vault')
    sim.state.configs[name] = {
      name,
      id: '0d7f3a2b-9c1e-4f5a-8b6d-2e4c6a8b0d1f',
      imsOrgId: sim.state.adobe.orgId,
      status: 'COMPLETED',
      upcoming: [],
      configData: {
        providerType: 'AZURE_KEYVAULT',
        keyVaultUri: otherVault,
        keyVaultKeyIdentifier: `${otherVault}keys/aep-cmk-key/0123456789abcdef0123456789abcdef`,
        keyName: 'aep-cmk-key'
      }
    }
    const r = await run({ mode: 'setup' })
    expectFailedBy(r, ['config.key'])
    expect(r.outputs.status).toBe('COMPLETED')
    expect(annotation(r, 'error', 'config.key')).toContain('kv-old-vault.vault.localhost')
    expect(writesOf(sim)).toEqual([])
    expect(
      sim.requests.some(q => q.service === 'platform' && q.path.startsWith(`${CONFIG_PATH}/`))
    ).toBe(true)
  })
})

const OTHER_TENANT = '11111111-2222-3333-4444-555555555555'

describe('reads the services refuse', () => {
  it("reads the key through ARM when the vault names another tenant: the data plane's challenge is never met", async () => {
    sim.state.vault!.properties.tenantId = OTHER_TENANT
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(finding(r, 'key.found').outcome).toBe('pass')
    expect(sim.requests.filter(q => q.service === 'keyvault')).toEqual([])
    expect(writesOf(sim)).toEqual([])
  })

  it('reads with the api-versions the services know: every ARM and Key Vault answer is a 2xx or the challenge', async () => {
    sim.state.armKeyRotationPolicy = 'omitted'
    const r = await run()
    expect(r.exitCode).toBe(0)
    const azure = sim.requests.filter(q => q.service === 'arm' || q.service === 'keyvault')
    expect(azure.filter(q => q.status >= 400 && q.status !== 401)).toEqual([])
    expect(new Set(azure.map(q => `${q.service} ${q.query['api-version']}`))).toEqual(
      new Set([
        'arm 2026-02-01',
        'arm 2022-04-01',
        'arm 2020-05-01',
        'arm 2021-05-01-preview',
        'keyvault 2025-07-01'
      ])
    )
  })
})
