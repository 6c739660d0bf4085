/*
 * The simulator refuses what the real services refuse, as they answer it: Key Vault's firewall,
 * access policies and tenant, the api-versions ARM and Key Vault know, the key identifiers
 * Platform takes, and what Adobe checks before it completes a configuration. The action's tests
 * rely on these refusals, so they are pinned here against the simulator alone.
 */
import {
  CONFIG_PATH,
  defaultKey,
  makeScenario,
  simFetch,
  type SimRequestInit,
  type SimResponse,
  type Simulator
} from '../../test/simulator/index.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

const call = (url: string, init?: SimRequestInit): Promise<SimResponse> =>
  simFetch(sim.caCert, url, init)

async function entraToken(resource: string): Promise<string> {
  const { tenantId, azure } = sim.state
  const res = await call(`${sim.urls.authorityHost}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: azure.clientId,
      client_secret: azure.clientSecret,
      scope: `${resource}/.default`
    }).toString()
  })
  expect(res.status).toBe(200)
  return res.json<{ access_token: string }>().access_token
}

const VAULT_RESOURCE = 'https://vault.localhost'
const OTHER_TENANT = '11111111-2222-3333-4444-555555555555'

function keyUrl(apiVersion = '2025-07-01'): string {
  return `${sim.vaultUri()}keys/${sim.state.key!.name}/?api-version=${apiVersion}`
}

async function readKey(apiVersion?: string): Promise<SimResponse> {
  const token = await entraToken(VAULT_RESOURCE)
  return call(keyUrl(apiVersion), { headers: { authorization: `Bearer ${token}` } })
}

function accessPolicy(objectId: string, keys: string[]): Record<string, unknown> {
  return { tenantId: sim.state.tenantId, objectId, permissions: { keys } }
}

describe('Key Vault refuses the runner like the real service', () => {
  it('answers 403 ForbiddenByConnection when public network access is Disabled, whatever the rules', async () => {
    Object.assign(sim.state.vault!.properties, {
      publicNetworkAccess: 'Disabled',
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: 'Allow',
        ipRules: [{ value: sim.state.runnerIp }]
      }
    })
    const res = await readKey()
    expect(res.status).toBe(403)
    const body = res.json<{ error: { code: string; message: string; innererror: unknown } }>()
    expect(body.error.code).toBe('Forbidden')
    expect(body.error.innererror).toEqual({ code: 'ForbiddenByConnection' })
    expect(body.error.message).toMatch(
      /^Public network access is disabled and request is not from a trusted service nor via an approved private link\.\r\nCaller: appid=/
    )
  })

  it.each([
    ['no IP rule', 403, [] as string[]],
    [
      "only Adobe's address (bypass AzureServices does not cover the runner)",
      403,
      ['20.88.123.53']
    ],
    ['a /24 without the runner', 403, ['198.51.100.0/24']],
    ['the runner as a bare address', 200, ['203.0.113.10']],
    ['a /32 of the runner', 200, ['203.0.113.10/32']],
    ['a /16 containing the runner', 200, ['203.0.0.0/16']]
  ])('a Deny firewall with %s answers %d', async (_label, status, rules) => {
    sim.state.vault!.properties.networkAcls = {
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: rules.map(value => ({ value })),
      virtualNetworkRules: []
    }
    expect(sim.state.runnerIp).toBe('203.0.113.10')
    const res = await readKey()
    expect(res.status).toBe(status)
    if (status === 403) {
      expect(res.json()).toEqual({
        error: {
          code: 'Forbidden',
          message: expect.stringMatching(
            /^Client address is not authorized and caller is not a trusted service\.\r\nClient address: 203\.0\.113\.10\r\nCaller: appid=.*\r\nVault: kv-aep-cmk-prod;location=eastus$/
          ),
          innererror: { code: 'ForbiddenByFirewall' }
        }
      })
    }
  })

  it.each([
    ['no access policy', 403, () => []],
    [
      'a policy for the CMK app only',
      403,
      () => [accessPolicy(sim.state.cmkApp.objectId, ['get'])]
    ],
    ['a policy without get', 403, () => [accessPolicy(sim.state.azure.objectId, ['list'])]],
    ['keys Get (any case)', 200, () => [accessPolicy(sim.state.azure.objectId, ['Get'])]],
    ['keys all', 200, () => [accessPolicy(sim.state.azure.objectId, ['all'])]]
  ])('an access-policy vault with %s answers %d', async (_label, status, policies) => {
    Object.assign(sim.state.vault!.properties, {
      enableRbacAuthorization: false,
      accessPolicies: policies()
    })
    const res = await readKey()
    expect(res.status).toBe(status)
    if (status === 403) {
      expect(res.json()).toMatchObject({
        error: {
          code: 'Forbidden',
          message: expect.stringContaining(
            `oid=${sim.state.azure.objectId};iss=https://sts.localhost/${sim.state.tenantId}/' does not have keys get permission on key vault 'kv-aep-cmk-prod;location=eastus'`
          ),
          innererror: { code: 'AccessDenied' }
        }
      })
    }
  })

  it('keyVaultForbidden still overrides an access policy that would allow the read', async () => {
    Object.assign(sim.state.vault!.properties, {
      enableRbacAuthorization: false,
      accessPolicies: [accessPolicy(sim.state.azure.objectId, ['get'])]
    })
    sim.state.keyVaultForbidden = true
    const res = await readKey()
    expect(res.status).toBe(403)
    expect(res.json()).toMatchObject({ error: { innererror: { code: 'AccessDenied' } } })
  })

  it("challenges for the vault's own tenant and refuses a token of another tenant", async () => {
    sim.state.vault!.properties.tenantId = OTHER_TENANT
    const challenge = await call(keyUrl())
    expect(challenge.status).toBe(401)
    expect(challenge.headers['www-authenticate']).toBe(
      `Bearer authorization="${sim.urls.authorityHost}/${OTHER_TENANT}", resource="${VAULT_RESOURCE}"`
    )
    const res = await readKey()
    expect(res.status).toBe(401)
    expect(res.json()).toMatchObject({
      error: { code: 'Unauthorized', message: expect.stringContaining(OTHER_TENANT) }
    })
  })

  it.each([
    ['2025-07-01', 200],
    ['7.6', 200],
    ['7.4', 200],
    ['7.9', 400],
    ['banana', 400],
    ['2026-02-01', 400]
  ])('takes api-version %s with %d', async (apiVersion, status) => {
    const res = await readKey(apiVersion)
    expect(res.status).toBe(status)
    if (status === 400) {
      expect(res.json()).toEqual({
        error: {
          code: 'BadParameter',
          message: `The specified version (${apiVersion}) is not recognized. Consider using the latest supported version (2025-07-01).`
        }
      })
    }
  })
})

describe('ARM takes only the api-versions each provider knows', () => {
  function vaultPath(): string {
    const { subscriptionId, resourceGroup, vault } = sim.state
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault!.name}`
  }

  it.each([
    ['the vault', '2026-02-01', 200, () => vaultPath()],
    ['the vault', '2023-07-01', 200, () => vaultPath()],
    ['the vault', '2022-04-01', 400, () => vaultPath()],
    ['the vault', '1999-01-01', 400, () => vaultPath()],
    ['the vault', 'banana', 400, () => vaultPath()],
    [
      'the vaults of the subscription',
      '2015-11-01',
      200,
      () => `/subscriptions/${sim.state.subscriptionId}/resources`
    ],
    [
      'role assignments',
      '2022-04-01',
      200,
      () => `${vaultPath()}/providers/Microsoft.Authorization/roleAssignments`
    ],
    [
      'role assignments',
      '2026-02-01',
      400,
      () => `${vaultPath()}/providers/Microsoft.Authorization/roleAssignments`
    ],
    [
      'a role definition',
      '2022-04-01',
      200,
      () =>
        `/subscriptions/${sim.state.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`
    ]
  ])('%s with api-version %s answers %d', async (_label, apiVersion, status, path) => {
    const token = await entraToken(sim.urls.arm)
    const res = await call(`${sim.urls.arm}${path()}?api-version=${apiVersion}`, {
      headers: { authorization: `Bearer ${token}` }
    })
    expect(res.status).toBe(status)
    if (status === 400) {
      expect(res.json()).toMatchObject({
        error: {
          code: 'InvalidApiVersionParameter',
          message: expect.stringContaining(`The api-version '${apiVersion}' is invalid.`)
        }
      })
    }
  })
})

describe('Platform checks the key identifier, and Adobe what it can use', () => {
  function headers(): Record<string, string> {
    return {
      authorization: `Bearer ${sim.state.adobe.accessToken}`,
      'x-api-key': 'acp_provisioning',
      'x-gw-ims-org-id': sim.state.adobe.orgId,
      'content-type': 'application/json'
    }
  }

  function latestKid(vaultUri = sim.vaultUri()): string {
    const key = sim.state.key!
    return `${vaultUri}keys/${key.name}/${key.versions.at(-1)}`
  }

  function submit(name: string, configData: Record<string, unknown>): Promise<SimResponse> {
    return call(`${sim.urls.platform}${CONFIG_PATH}`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({
        name,
        type: 'BYOK_CONFIG',
        imsOrgId: sim.state.adobe.orgId,
        configData: { providerType: 'AZURE_KEYVAULT', ...configData }
      })
    })
  }

  /** Submits the latest key and reads the configuration until the sequence ends. */
  async function finalStatus(name: string): Promise<string> {
    const posted = await submit(name, { keyVaultKeyIdentifier: latestKid() })
    expect(posted.status).toBe(200)
    let status = ''
    for (let i = 0; i < sim.state.configStatusSequence.length; i++) {
      const res = await call(`${sim.urls.platform}${CONFIG_PATH}/${name}?configType=BYOK_CONFIG`, {
        headers: headers()
      })
      status = res.json<{ status: string }>().status
    }
    return status
  }

  it.each([
    ['a host that is not a vault', () => `https://kv-aep-cmk-prod.evil.example/keys/aep-cmk-key`],
    ['a vault that does not exist', () => latestKid(sim.vaultUri('kv-nobody'))],
    ['the vault on another port', () => latestKid(sim.vaultUri().replace(`:${sim.port}/`, ':1/'))]
  ])('refuses a keyVaultKeyIdentifier on %s with 400', async (_label, kid) => {
    const res = await submit('bad-host', { keyVaultKeyIdentifier: kid() })
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ status: 400, title: 'Bad Request' })
    expect(sim.counters.configSubmissions).toBe(0)
  })

  it('accepts the vault host in any case, without a port and with its own', async () => {
    const upper = latestKid().replace('kv-aep-cmk-prod', 'KV-AEP-CMK-PROD')
    expect((await submit('upper', { keyVaultKeyIdentifier: upper })).status).toBe(200)
    sim.state.otherVaults = [{ ...makeScenario().vault!, name: 'kv-second' }]
    const second = `https://kv-second.vault.localhost/keys/aep-cmk-key`
    expect((await submit('second', { keyVaultKeyIdentifier: second })).status).toBe(200)
    expect(sim.counters.configSubmissions).toBe(2)
  })

  it('refuses a legacy keyName that is not the key in keyVaultUri', async () => {
    const res = await submit('mismatch', { keyVaultUri: latestKid(), keyName: 'other-key' })
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({
      detail: 'keyName other-key does not match the key aep-cmk-key in keyVaultUri.'
    })
    const same = await submit('same', { keyVaultUri: latestKid(), keyName: 'AEP-CMK-KEY' })
    expect(same.status).toBe(200)
  })

  const now = () => Math.floor(Date.now() / 1000)
  it.each([
    ['the key lacks wrapKey', () => (sim.state.key = { ...defaultKey(), ops: ['unwrapKey'] })],
    ['the key lacks unwrapKey', () => (sim.state.key = { ...defaultKey(), ops: ['wrapKey'] })],
    ['the key has expired', () => (sim.state.key = { ...defaultKey(), exp: now() - 60 })],
    ['the key is not active yet', () => (sim.state.key = { ...defaultKey(), nbf: now() + 3600 })],
    ['the key is EC', () => (sim.state.key = { ...defaultKey(), kty: 'EC-HSM', crv: 'P-256' })],
    [
      'public access is Disabled without the trusted-services bypass',
      () =>
        Object.assign(sim.state.vault!.properties, {
          publicNetworkAccess: 'Disabled',
          networkAcls: { bypass: 'None', defaultAction: 'Allow', ipRules: [] }
        })
    ],
    [
      'a Deny firewall keeps 20.88.123.53 out without the bypass',
      () =>
        (sim.state.vault!.properties.networkAcls = {
          bypass: 'None',
          defaultAction: 'Deny',
          ipRules: [{ value: '20.88.124.0/24' }]
        })
    ],
    [
      'a Deny firewall with the trusted-services bypass but without 20.88.123.53 (Adobe is not a trusted service)',
      () =>
        (sim.state.vault!.properties.networkAcls = {
          bypass: 'AzureServices',
          defaultAction: 'Deny',
          ipRules: []
        })
    ],
    [
      'the access-policy vault has no policy for the CMK app (its role does not count)',
      () => (sim.state.vault!.properties.enableRbacAuthorization = false)
    ],
    [
      "the CMK app's access policy lacks unwrapKey",
      () =>
        Object.assign(sim.state.vault!.properties, {
          enableRbacAuthorization: false,
          accessPolicies: [accessPolicy(sim.state.cmkApp.objectId, ['get', 'wrapKey'])]
        })
    ]
  ])('Adobe ends the configuration FAILED when %s', async (_label, breakIt) => {
    breakIt()
    expect(await finalStatus('broken')).toBe('FAILED')
  })

  it.each([
    ['the defaults', () => undefined],
    [
      "a Deny firewall with an IP rule containing Adobe's address",
      () =>
        (sim.state.vault!.properties.networkAcls = {
          bypass: 'None',
          defaultAction: 'Deny',
          ipRules: [{ value: '20.88.120.0/21' }]
        })
    ],
    [
      'an access-policy vault whose CMK app policy allows get, wrapKey and unwrapKey',
      () =>
        Object.assign(sim.state.vault!.properties, {
          enableRbacAuthorization: false,
          accessPolicies: [accessPolicy(sim.state.cmkApp.objectId, ['Get', 'WrapKey', 'UnwrapKey'])]
        })
    ]
  ])('Adobe completes the configuration with %s', async (_label, setUp) => {
    setUp()
    expect(await finalStatus('fine')).toBe('COMPLETED')
  })
})
