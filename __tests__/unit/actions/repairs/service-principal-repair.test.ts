import type { AccessToken } from '@azure/core-auth'
import { servicePrincipalRepair } from '../../../../src/actions/repairs/service-principal-repair.js'
import type { RepairRun } from '../../../../src/actions/repairs/repair-step.js'
import type { Services } from '../../../../src/clients/services.js'
import type { ReadTarget } from '../../../../src/facts/read-target.js'
import { silentLog } from '../../../../src/model/log.js'
import type { VaultFacts } from '../../../../src/model/facts.js'

const VAULT_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const APP_ID = '8a1e6d1c-3f7b-4c5e-9a2d-0b4f6e8c1d35'
const vault: VaultFacts = {
  kind: 'vault',
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-a',
  name: 'kv-a',
  tenantId: VAULT_TENANT,
  vaultUri: 'https://kv-a.vault.azure.net/'
}
const target = { registration: { applicationId: APP_ID }, appId: APP_ID, vault }

const jwt = (claims: Record<string, unknown>): string =>
  ['{"alg":"none"}', JSON.stringify(claims)]
    .map(part => Buffer.from(part).toString('base64url'))
    .join('.') + '.sig'

/** A run whose credential hands out `token` and whose Graph must never be reached. */
function runWith(token: string): { run: RepairRun; scopes: string[] } {
  const scopes: string[] = []
  const credential = {
    getToken: async (scope: string): Promise<AccessToken> => {
      scopes.push(scope)
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 }
    }
  }
  const services = {
    credential,
    endpoints: { arm: 'https://arm.invalid', graph: 'https://graph.invalid' },
    signal: new AbortController().signal
  } as unknown as Services
  const wait = () => ({ firstIntervalMs: 1, timeoutMs: 0, signal: services.signal })
  const read = { vault: { name: 'kv-a', type: 'vault' }, keyName: 'key-a' } as ReadTarget
  return { run: { services, target: read, log: silentLog, wait }, scopes }
}

describe('service-principal repair: the tenant it writes into', () => {
  it("writes nothing when the Graph token was issued in another tenant than the vault's", async () => {
    const other = '0d3f9a1e-2b4c-4e6f-8a9b-1c2d3e4f5a6b'
    const { run, scopes } = runWith(jwt({ tid: other }))
    const result = await servicePrincipalRepair.write(target, run)
    expect(result).toEqual({ kind: 'other-tenant', signedIn: other })
    expect(scopes).toEqual(['https://graph.invalid/.default'])
    expect(servicePrincipalRepair.readBack(result, target, run)).toBeUndefined()
  })

  it('writes nothing when the token does not say its tenant, and says why', async () => {
    const { run } = runWith('an-opaque-token')
    const result = await servicePrincipalRepair.write(target, run)
    expect(result).toEqual({ kind: 'tenant-unknown' })
    expect(servicePrincipalRepair.say(result, target)).toEqual({
      item: 'service-principal',
      check: 'app.consented',
      result: 'not-possible',
      reason: `the Microsoft Graph token of the job does not say which tenant it signs in to (no tid claim), so it cannot be compared with tenant ${VAULT_TENANT} of vault kv-a, where the service principal is needed`
    })
    expect(servicePrincipalRepair.readBack(result, target, run)).toBeUndefined()
  })

  it('compares tenants without regard to case', async () => {
    const { run } = runWith(jwt({ tid: VAULT_TENANT.toUpperCase() }))
    // Past the comparison it asks Graph, which does not exist here.
    await expect(servicePrincipalRepair.write(target, run)).rejects.toThrow()
  })
})
