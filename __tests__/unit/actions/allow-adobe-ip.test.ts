import type { KeyVaultManagementClient, Vault, VaultPatchParameters } from '@azure/arm-keyvault'
import { allowAdobeIp } from '../../../src/actions/allow-adobe-ip.js'
import { ServiceError } from '../../../src/clients/http/service-error.js'

const VAULT_ID =
  '/subscriptions/6f1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-prod'

/** A stand-in for vaults.get/update over one stored vault; records every update. */
function fakeClient(properties: Record<string, unknown> | undefined) {
  const updates: Array<{ rg: string; name: string; parameters: VaultPatchParameters }> = []
  const gets: string[] = []
  const client = {
    vaults: {
      get: async (rg: string, name: string) => {
        gets.push(`${rg}/${name}`)
        return { id: VAULT_ID, properties } as unknown as Vault
      },
      update: async (rg: string, name: string, parameters: VaultPatchParameters) => {
        updates.push({ rg, name, parameters })
        return { id: VAULT_ID, properties: { ...properties, ...parameters.properties } }
      }
    }
  } as unknown as KeyVaultManagementClient
  return { client, updates, gets }
}

const signal = new AbortController().signal

describe('allowAdobeIp', () => {
  it('writes networkAcls back with every rule and setting as read, plus Adobe address', async () => {
    const acls = {
      bypass: 'None',
      defaultAction: 'Deny',
      ipRules: [{ value: '198.51.100.0/24' }, { value: '203.0.113.7/32' }],
      virtualNetworkRules: [
        {
          id: '/subscriptions/s/resourceGroups/n/providers/Microsoft.Network/virtualNetworks/v/subnets/a',
          ignoreMissingVnetServiceEndpoint: true
        }
      ]
    }
    const { client, updates, gets } = fakeClient({
      publicNetworkAccess: 'Enabled',
      networkAcls: acls
    })
    const outcome = await allowAdobeIp(client, { id: VAULT_ID, kind: 'vault' }, signal)
    expect(gets).toEqual(['rg-kv/kv-prod'])
    expect(updates).toEqual([
      {
        rg: 'rg-kv',
        name: 'kv-prod',
        parameters: {
          properties: {
            networkAcls: { ...acls, ipRules: [...acls.ipRules, { value: '20.88.123.53' }] }
          }
        }
      }
    ])
    expect(outcome).toEqual({
      kind: 'added',
      ipRules: ['198.51.100.0/24', '203.0.113.7/32', '20.88.123.53'],
      sent: ['198.51.100.0/24', '203.0.113.7/32', '20.88.123.53']
    })
  })

  it.each([
    [
      'a rule already allows the address',
      { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.88.0.0/16' }] } },
      { kind: 'already-allowed', rule: '20.88.0.0/16' }
    ],
    [
      'public network access is Disabled',
      { publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Deny', ipRules: [] } },
      { kind: 'public-access-disabled' }
    ],
    [
      'the firewall allows by default',
      { networkAcls: { defaultAction: 'Allow' } },
      { kind: 'not-needed' }
    ],
    ['there is no firewall', {}, { kind: 'not-needed' }],
    [
      'the firewall names no default action',
      { networkAcls: { ipRules: [] } },
      { kind: 'not-needed' }
    ],
    ['the vault answers without properties', undefined, { kind: 'not-needed' }]
  ])('writes nothing when %s', async (_, properties, expected) => {
    const { client, updates } = fakeClient(properties)
    expect(await allowAdobeIp(client, { id: VAULT_ID, kind: 'vault' }, signal)).toEqual(expected)
    expect(updates).toEqual([])
  })
})

describe('allowAdobeIp: edges of what ARM answers', () => {
  it('adds the address to a deny-by-default firewall that has no IP rules yet', async () => {
    const { client, updates } = fakeClient({ networkAcls: { defaultAction: 'deny' } })
    const outcome = await allowAdobeIp(client, { id: VAULT_ID, kind: 'vault' }, signal)
    expect(updates[0]?.parameters).toEqual({
      properties: { networkAcls: { defaultAction: 'deny', ipRules: [{ value: '20.88.123.53' }] } }
    })
    expect(outcome).toEqual({ kind: 'added', ipRules: ['20.88.123.53'], sent: ['20.88.123.53'] })
  })

  it('reports the write as done when the PATCH answer carries no properties', async () => {
    const client = {
      vaults: {
        get: async () => ({ properties: { networkAcls: { defaultAction: 'Deny', ipRules: [] } } }),
        update: async () => ({})
      }
    } as unknown as KeyVaultManagementClient
    const outcome = await allowAdobeIp(client, { id: VAULT_ID, kind: 'vault' }, signal)
    expect(outcome).toStrictEqual({ kind: 'added', ipRules: [], sent: ['20.88.123.53'] })
  })

  it('reports the write as done when the PATCH answer has properties but no firewall', async () => {
    const client = {
      vaults: {
        get: async () => ({ properties: { networkAcls: { defaultAction: 'Deny', ipRules: [] } } }),
        update: async () => ({ properties: {} })
      }
    } as unknown as KeyVaultManagementClient
    const outcome = await allowAdobeIp(client, { id: VAULT_ID, kind: 'vault' }, signal)
    expect(outcome).toStrictEqual({ kind: 'added', ipRules: [], sent: ['20.88.123.53'] })
  })

  it("passes the run's abort signal to the read and the write", async () => {
    const seen: unknown[] = []
    const client = {
      vaults: {
        get: async (_rg: string, _name: string, options: unknown) => {
          seen.push(options)
          return { properties: { networkAcls: { defaultAction: 'Deny', ipRules: [] } } }
        },
        update: async (_rg: string, _name: string, _p: unknown, options: unknown) => {
          seen.push(options)
          return {}
        }
      }
    } as unknown as KeyVaultManagementClient
    await allowAdobeIp(client, { id: VAULT_ID, kind: 'vault' }, signal)
    expect(seen).toEqual([{ abortSignal: signal }, { abortSignal: signal }])
  })

  it('refuses an id that names no vault, naming the call, before any request', async () => {
    const { client, gets } = fakeClient({})
    const error = await allowAdobeIp(
      client,
      {
        id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa',
        kind: 'vault'
      },
      signal
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).message).toBe(
      'ARM update vault firewall failed: not a vault id: /subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa'
    )
    expect(gets).toEqual([])
  })
})

describe('allowAdobeIp on a Managed HSM', () => {
  const HSM_ID =
    '/subscriptions/6f1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/mhsm-prod'

  it('updates the HSM (not a vault) with every rule kept and the address added', async () => {
    const acls = {
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: [{ value: '198.51.100.0/24' }],
      serviceTags: [{ tag: 'AzureCloud.eastus' }],
      virtualNetworkRules: []
    }
    const updates: unknown[] = []
    const client = {
      vaults: {
        get: async () => {
          throw new Error('a Managed HSM is not read as a vault')
        }
      },
      managedHsms: {
        get: async (rg: string, name: string) => ({
          id: `${rg}/${name}`,
          properties: { publicNetworkAccess: 'Enabled', networkAcls: acls }
        }),
        update: async (rg: string, name: string, parameters: { properties: unknown }) => {
          updates.push({ rg, name, parameters })
          return { properties: parameters.properties }
        }
      }
    } as unknown as KeyVaultManagementClient
    const outcome = await allowAdobeIp(client, { id: HSM_ID, kind: 'managed-hsm' }, signal)
    expect(updates).toEqual([
      {
        rg: 'rg-hsm',
        name: 'mhsm-prod',
        parameters: {
          properties: {
            networkAcls: { ...acls, ipRules: [...acls.ipRules, { value: '20.88.123.53' }] }
          }
        }
      }
    ])
    expect(outcome).toEqual({
      kind: 'added',
      ipRules: ['198.51.100.0/24', '20.88.123.53'],
      sent: ['198.51.100.0/24', '20.88.123.53']
    })
  })
})
