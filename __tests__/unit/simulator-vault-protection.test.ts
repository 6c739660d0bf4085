import { simFetch } from '../../test/simulator/client.js'
import {
  defaultVault,
  startSimulator,
  vaultResourceId,
  type Simulator
} from '../../test/simulator/index.js'

let sim: Simulator
let auth: Record<string, string>

beforeAll(async () => {
  sim = await startSimulator()
  const { state } = sim
  const token = await simFetch(
    sim.caCert,
    `${sim.urls.authorityHost}/${state.tenantId}/oauth2/v2.0/token`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: state.azure.clientId,
        client_secret: state.azure.clientSecret,
        scope: `${sim.urls.arm}/.default`
      }).toString()
    }
  )
  auth = { authorization: `Bearer ${token.json<{ access_token: string }>().access_token}` }
})

afterAll(async () => {
  await sim.close()
})

const get = (path: string) => simFetch(sim.caCert, `${sim.urls.arm}${path}`, { headers: auth })
const vaultId = () => vaultResourceId(sim.state, sim.state.vault!)
const sub = () => `/subscriptions/${sim.state.subscriptionId}`

/** ManagementLocks_ListAtResourceLevel's path, as @azure/arm-locks builds it. */
function locksPath(vault: string, apiVersion = '2020-05-01'): string {
  return `${sub()}/resourcegroups/${sim.state.resourceGroup}/providers/Microsoft.KeyVault//vaults/${vault}/providers/Microsoft.Authorization/locks?api-version=${apiVersion}`
}

describe('simulator: diagnostic settings', () => {
  const path = (apiVersion = '2021-05-01-preview') =>
    `${vaultId()}/providers/Microsoft.Insights/diagnosticSettings?api-version=${apiVersion}`

  it("lists the vault's settings in one page, as ARM does", async () => {
    const res = await get(path())
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({
      value: [
        expect.objectContaining({
          id: `${vaultId()}/providers/microsoft.insights/diagnosticSettings/audit-to-security-workspace`,
          type: 'Microsoft.Insights/diagnosticSettings',
          properties: expect.objectContaining({
            logs: expect.arrayContaining([
              expect.objectContaining({ categoryGroup: 'audit', enabled: true })
            ])
          })
        })
      ]
    })
  })

  it("refuses another provider's api-version, a missing vault and a denied read", async () => {
    expect((await get(path('2026-02-01'))).json()).toMatchObject({
      error: { code: 'InvalidApiVersionParameter' }
    })
    const missing = await get(
      `${sub()}/resourceGroups/${sim.state.resourceGroup}/providers/Microsoft.KeyVault/vaults/kv-nope/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview`
    )
    expect(missing.status).toBe(404)
    sim.state.armDeniedActions = ['Microsoft.Insights/diagnosticSettings/read']
    const denied = await get(path())
    sim.state.armDeniedActions = []
    expect(denied.status).toBe(403)
    expect(denied.json()).toMatchObject({ error: { code: 'AuthorizationFailed' } })
  })
})

describe('simulator: management locks at resource level', () => {
  afterEach(() => {
    sim.state.locks = []
    sim.state.otherVaults = []
  })

  it('lists locks on the vault, below it, its resource group and subscription, never a sibling', async () => {
    const sibling = defaultVault(`${sim.state.vault!.name}2`)
    sim.state.otherVaults = [sibling]
    const lock = (scope: string, name: string) => ({ scope, name, level: 'CanNotDelete' as const })
    sim.state.locks = [
      lock(vaultId(), 'on-vault'),
      lock(`${vaultId()}/keys/aep-cmk-key`, 'below-vault'),
      lock(`${sub()}/resourceGroups/${sim.state.resourceGroup}`, 'on-group'),
      lock(sub(), 'on-subscription'),
      lock(vaultResourceId(sim.state, sibling), 'on-sibling'),
      lock(`${sub()}/resourceGroups/rg-elsewhere`, 'on-other-group')
    ]
    const res = await get(locksPath(sim.state.vault!.name))
    expect(res.status).toBe(200)
    const value = res.json<{ value: Array<{ name: string; id: string }> }>().value
    expect(value.map(l => l.name)).toEqual([
      'on-vault',
      'below-vault',
      'on-group',
      'on-subscription'
    ])
    expect(value[2]).toEqual({
      properties: { level: 'CanNotDelete' },
      id: `${sub()}/resourceGroups/${sim.state.resourceGroup}/providers/Microsoft.Authorization/locks/on-group`,
      type: 'Microsoft.Authorization/locks',
      name: 'on-group'
    })
  })

  it('takes the api-versions of locks, not of role assignments, and needs locks/read', async () => {
    expect((await get(locksPath(sim.state.vault!.name, '2022-04-01'))).status).toBe(400)
    sim.state.armDeniedActions = ['Microsoft.Authorization/locks/read']
    const denied = await get(locksPath(sim.state.vault!.name))
    sim.state.armDeniedActions = []
    expect(denied.status).toBe(403)
  })
})
