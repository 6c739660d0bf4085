import { simFetch, type SimRequestInit } from '../../test/simulator/client.js'
import {
  BUILTIN_ROLE,
  managedHsmResourceId,
  managedHsmScenario,
  startSimulator,
  type Simulator
} from '../../test/simulator/index.js'
import { resetSimulator } from '../../test/run-action.js'

let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator()
})
afterAll(() => sim.close())
beforeEach(() => resetSimulator(sim))

const call = (url: string, init?: SimRequestInit) => simFetch(sim.caCert, url, init)

async function bearer(resource: string): Promise<Record<string, string>> {
  const { state } = sim
  const res = await call(`${sim.urls.authorityHost}/${state.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: state.azure.clientId,
      client_secret: state.azure.clientSecret,
      scope: `${resource}/.default`
    }).toString()
  })
  return {
    authorization: `Bearer ${res.json<{ access_token: string }>().access_token}`,
    'content-type': 'application/json'
  }
}

function vaultId(): string {
  const { state } = sim
  return `/subscriptions/${state.subscriptionId}/resourceGroups/${state.resourceGroup}/providers/Microsoft.KeyVault/vaults/${state.vault?.name}`
}

describe('simulator: Graph creates a service principal only with a permission that allows it', () => {
  const create = async () =>
    call(`${sim.urls.graph}/v1.0/servicePrincipals`, {
      method: 'POST',
      headers: await bearer(sim.urls.graph),
      body: JSON.stringify({ appId: sim.state.cmkApp.appId })
    })

  it('refuses an identity with read permissions only, like Graph', async () => {
    sim.state.servicePrincipalPresent = false
    sim.state.graphGrants = ['Application.Read.All']
    const res = await create()
    expect(res.status).toBe(403)
    expect(res.json()).toMatchObject({
      error: {
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.'
      }
    })
    expect(sim.state.servicePrincipalPresent).toBe(false)
  })

  it.each(['Application.ReadWrite.All', 'Cloud Application Administrator'])(
    'creates it with %s, then answers 409 for the same app',
    async grant => {
      sim.state.servicePrincipalPresent = false
      sim.state.graphGrants = [grant]
      const created = await create()
      expect(created.status).toBe(201)
      expect(created.json()).toMatchObject({
        id: sim.state.cmkApp.objectId,
        appId: sim.state.cmkApp.appId
      })
      expect(sim.state.servicePrincipalPresent).toBe(true)
      const again = await create()
      expect(again.status).toBe(409)
      expect(again.json()).toMatchObject({
        error: { code: 'Request_MultipleObjectsWithSameKeyValue' }
      })
    }
  )
})

describe('simulator: ARM role assignment writes', () => {
  const put = async (name: string, principalId = sim.state.cmkApp.objectId) =>
    call(
      `${sim.urls.arm}${vaultId()}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`,
      {
        method: 'PUT',
        headers: await bearer(sim.urls.arm),
        body: JSON.stringify({
          properties: {
            roleDefinitionId: `/subscriptions/${sim.state.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${BUILTIN_ROLE.keyVaultCryptoServiceEncryptionUser}`,
            principalId,
            principalType: 'ServicePrincipal'
          }
        })
      }
    )
  const name = '6a3e2f0c-1b4d-5e7f-8a9b-0c1d2e3f4a5b'

  it('refuses without roleAssignments/write, naming the action', async () => {
    sim.state.roleAssignments = []
    const res = await put(name)
    expect(res.status).toBe(403)
    expect(res.json()).toMatchObject({
      error: {
        code: 'AuthorizationFailed',
        message: expect.stringContaining(
          "perform action 'Microsoft.Authorization/roleAssignments/write'"
        )
      }
    })
    expect(sim.state.roleAssignments).toEqual([])
  })

  it('answers PrincipalNotFound the given number of times, then creates; a repeat is RoleAssignmentExists', async () => {
    sim.state.roleAssignments = []
    sim.state.armWriteActions = ['Microsoft.Authorization/roleAssignments/write']
    sim.state.principalNotFoundTimes = 2
    const answers = [await put(name), await put(name), await put(name), await put(name)]
    expect(answers.map(a => a.status)).toEqual([400, 400, 201, 409])
    expect(answers[0]!.json()).toMatchObject({
      error: {
        code: 'PrincipalNotFound',
        message: expect.stringContaining('replication delay')
      }
    })
    expect(answers[3]!.json()).toMatchObject({ error: { code: 'RoleAssignmentExists' } })
    expect(sim.state.roleAssignments).toEqual([
      expect.objectContaining({ principalId: sim.state.cmkApp.objectId, name, scope: vaultId() })
    ])
  })

  it('answers PrincipalNotFound for a principal the directory does not have', async () => {
    sim.state.armWriteActions = ['Microsoft.Authorization/roleAssignments/write']
    sim.state.servicePrincipalPresent = false
    sim.state.roleAssignments = []
    expect((await put(name)).status).toBe(400)
  })
})

describe('simulator: ARM vault update', () => {
  const patch = async (body: unknown) =>
    call(`${sim.urls.arm}${vaultId()}?api-version=2026-02-01`, {
      method: 'PATCH',
      headers: await bearer(sim.urls.arm),
      body: JSON.stringify(body)
    })
  const acls = {
    bypass: 'AzureServices',
    defaultAction: 'Deny',
    ipRules: [{ value: '198.51.100.0/24' }, { value: '20.88.123.53' }],
    virtualNetworkRules: []
  }

  it('refuses without vaults/write', async () => {
    const res = await patch({ properties: { networkAcls: acls } })
    expect(res.status).toBe(403)
    expect(res.json()).toMatchObject({
      error: {
        code: 'AuthorizationFailed',
        message: expect.stringContaining("'Microsoft.KeyVault/vaults/write'")
      }
    })
  })

  it('replaces the properties it is sent and keeps the others', async () => {
    sim.state.armWriteActions = ['Microsoft.KeyVault/vaults/write']
    const res = await patch({ properties: { networkAcls: acls } })
    expect(res.status).toBe(200)
    expect(res.json()).toMatchObject({
      properties: { networkAcls: acls, enablePurgeProtection: true }
    })
    expect(sim.state.vault?.properties.networkAcls).toEqual(acls)
  })
})

describe('simulator: ARM Managed HSM update', () => {
  it('needs managedHSMs/write, then replaces networkAcls and answers Succeeded', async () => {
    resetSimulator(sim, managedHsmScenario())
    const hsmId = managedHsmResourceId(sim.state, sim.state.managedHsm!)
    const acls = { bypass: 'None', defaultAction: 'Deny', ipRules: [{ value: '20.88.123.53' }] }
    const patch = async () =>
      call(`${sim.urls.arm}${hsmId}?api-version=2026-02-01`, {
        method: 'PATCH',
        headers: await bearer(sim.urls.arm),
        body: JSON.stringify({ properties: { networkAcls: acls } })
      })
    const refused = await patch()
    expect(refused.status).toBe(403)
    expect(refused.json()).toMatchObject({
      error: {
        code: 'AuthorizationFailed',
        message: expect.stringContaining("'Microsoft.KeyVault/managedHSMs/write'")
      }
    })
    sim.state.armWriteActions = ['Microsoft.KeyVault/managedHSMs/write']
    const done = await patch()
    expect(done.status).toBe(200)
    expect(done.json()).toMatchObject({
      properties: { networkAcls: acls, provisioningState: 'Succeeded' }
    })
    expect(sim.state.managedHsm!.properties.networkAcls).toEqual(acls)
  })
})
