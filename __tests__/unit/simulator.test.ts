import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { simFetch, type SimRequestInit } from '../../test/simulator/client.js'
import {
  adobeInternalConfigName,
  CONFIG_PATH,
  CONFIG_SEQUENCES,
  defaultVault,
  HSM_ROLE,
  managedHsmScenario,
  REGISTRATION_PATH,
  useSimulatorInProcess,
  type Simulator
} from '../../test/simulator/index.js'
import type { ProbeInput } from '../../test/simulator/sdk-probe.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

const execFileAsync = promisify(execFile)

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: false })

const call = (url: string, init?: SimRequestInit) => simFetch(sim.caCert, url, init)

async function entraToken(resource: string): Promise<string> {
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
  expect(res.status).toBe(200)
  return res.json<{ access_token: string }>().access_token
}

async function imsToken(): Promise<string> {
  const { adobe } = sim.state
  const res = await call(`${sim.urls.ims}/ims/token/v3`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: adobe.clientId,
      client_secret: adobe.clientSecret,
      scope: adobe.scopes.join(',')
    }).toString()
  })
  expect(res.json()).toMatchObject({ token_type: 'bearer', expires_in: 86399 })
  return res.json<{ access_token: string }>().access_token
}

async function platformHeaders(): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await imsToken()}`,
    'x-api-key': 'acp_provisioning',
    'x-gw-ims-org-id': sim.state.adobe.orgId
  }
}

function vaultPath(): string {
  const { state } = sim
  return `/subscriptions/${state.subscriptionId}/resourceGroups/${state.resourceGroup}/providers/Microsoft.KeyVault/vaults/${state.vault?.name}`
}

describe('simulator: Azure', () => {
  it('makes ARM demand a token for its own audience and an api-version', async () => {
    const url = `${sim.urls.arm}${vaultPath()}?api-version=2026-02-01`
    const anonymous = await call(url)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers['www-authenticate']).toContain('Bearer authorization_uri=')
    expect(anonymous.json()).toMatchObject({ error: { code: 'AuthenticationFailed' } })

    const graphToken = await entraToken(sim.urls.graph)
    const wrongAudience = await call(url, { headers: { authorization: `Bearer ${graphToken}` } })
    expect(wrongAudience.json()).toMatchObject({
      error: { code: 'InvalidAuthenticationTokenAudience' }
    })

    const armToken = await entraToken(`${sim.urls.arm}/`)
    const auth = { authorization: `Bearer ${armToken}` }
    const noVersion = await call(`${sim.urls.arm}${vaultPath()}`, { headers: auth })
    expect(noVersion.status).toBe(400)

    const vault = await call(url, { headers: auth })
    expect(vault.status).toBe(200)
    expect(vault.json()).toMatchObject({
      type: 'Microsoft.KeyVault/vaults',
      properties: { vaultUri: sim.vaultUri(), enablePurgeProtection: true }
    })
  })

  it('refuses atScope() with principalId eq, as ARM does, and accepts it with assignedTo()', async () => {
    const auth = { authorization: `Bearer ${await entraToken(sim.urls.arm)}` }
    const list = (filter: string) =>
      call(
        `${sim.urls.arm}${vaultPath()}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=${encodeURIComponent(filter)}`,
        { headers: auth }
      )
    const id = sim.state.cmkApp.objectId
    const refused = await list(`atScope() and principalId eq '${id}'`)
    expect(refused.status).toBe(400)
    expect(refused.json()).toMatchObject({ error: { code: 'UnsupportedQuery' } })
    expect((await list(`atScope() and assignedTo('${id}')`)).status).toBe(200)
  })

  it('lets tests remove vault properties and deny ARM actions', async () => {
    const auth = { authorization: `Bearer ${await entraToken(sim.urls.arm)}` }
    const url = `${sim.urls.arm}${vaultPath()}?api-version=2026-02-01`
    const properties = sim.state.vault?.properties ?? {}
    delete properties.enablePurgeProtection
    const body = (await call(url, { headers: auth })).json<{ properties: object }>()
    expect(body.properties).not.toHaveProperty('enablePurgeProtection')

    sim.state.armDeniedActions = ['Microsoft.KeyVault/vaults/read']
    const denied = await call(url, { headers: auth })
    sim.state.armDeniedActions = []
    properties.enablePurgeProtection = true
    expect(denied.status).toBe(403)
    expect(denied.json()).toMatchObject({ error: { code: 'AuthorizationFailed' } })
  })

  it('filters role assignments by principal, as arm-authorization asks for them', async () => {
    const auth = { authorization: `Bearer ${await entraToken(sim.urls.arm)}` }
    const filter = encodeURIComponent(`principalId eq '${sim.state.cmkApp.objectId}'`)
    const res = await call(
      `${sim.urls.arm}/${vaultPath()}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=${filter}`,
      { headers: auth }
    )
    const { value } = res.json<{ value: Array<{ properties: { roleDefinitionId: string } }> }>()
    expect(value).toHaveLength(1)
    const definition = await call(
      `${sim.urls.arm}/${value[0]?.properties.roleDefinitionId}?api-version=2022-04-01`,
      { headers: auth }
    )
    expect(definition.json()).toMatchObject({
      properties: {
        roleName: 'Key Vault Crypto Service Encryption User',
        permissions: [
          { dataActions: expect.arrayContaining(['Microsoft.KeyVault/vaults/keys/wrap/action']) }
        ]
      }
    })

    const other = encodeURIComponent("principalId eq '00000000-0000-0000-0000-000000000001'")
    const none = await call(
      `${sim.urls.arm}${vaultPath()}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=${other}`,
      { headers: auth }
    )
    expect(none.json()).toEqual({ value: [] })
  })

  it('answers Key Vault with the bearer challenge, then serves the key', async () => {
    const url = `${sim.vaultUri()}keys/${sim.state.key?.name}/?api-version=7.6`
    const challenge = await call(url)
    expect(challenge.status).toBe(401)
    expect(challenge.headers['www-authenticate']).toBe(
      `Bearer authorization="${sim.urls.authorityHost}/${sim.state.tenantId}", resource="https://vault.localhost"`
    )

    const armToken = await entraToken(sim.urls.arm)
    const wrong = await call(url, { headers: { authorization: `Bearer ${armToken}` } })
    expect(wrong.status).toBe(401)

    const auth = { authorization: `Bearer ${await entraToken('https://vault.localhost')}` }
    const res = await call(url, { headers: auth })
    const bundle = res.json<{
      key: { kid: string; n: string; kty: string }
      attributes: { exp: number }
    }>()
    expect(bundle.key.kty).toBe('RSA-HSM')
    expect(Buffer.from(bundle.key.n, 'base64url').length * 8).toBe(3072)
    expect(bundle.key.kid).toMatch(/\/keys\/aep-cmk-key\/[0-9a-f]{32}$/)
    expect(bundle.attributes.exp).toBeGreaterThan(Date.now() / 1000)

    sim.state.keyVaultForbidden = true
    const forbidden = await call(url, { headers: auth })
    sim.state.keyVaultForbidden = false
    expect(forbidden.status).toBe(403)
    expect(forbidden.json()).toMatchObject({ error: { innererror: { code: 'ForbiddenByRbac' } } })
  })

  it('exchanges a GitHub ID token for an Entra token only while it is valid', async () => {
    const { state } = sim
    const idToken = async () => {
      const res = await call(
        `${sim.urls.github}/idtoken?api-version=2.0&audience=${encodeURIComponent('api://AzureADTokenExchange')}`,
        { headers: { authorization: `Bearer ${state.github.requestToken}` } }
      )
      return res.json<{ value: string }>().value
    }
    const exchange = async (assertion: string) =>
      call(`${sim.urls.authorityHost}/${state.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: state.azure.clientId,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
          scope: `${sim.urls.arm}/.default`
        }).toString()
      })

    const unauthorized = await call(`${sim.urls.github}/idtoken?api-version=2.0&audience=x`)
    expect(unauthorized.status).toBe(401)

    expect((await exchange(await idToken())).status).toBe(200)

    state.idTokenLifetimeSeconds = -1
    const expired = await exchange(await idToken())
    state.idTokenLifetimeSeconds = 300
    expect(expired.json()).toMatchObject({ error: 'invalid_client', error_codes: [700024] })
  })

  it('refuses a wrong client secret like Entra does', async () => {
    const res = await call(`${sim.urls.authorityHost}/${sim.state.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${sim.state.azure.clientId}&client_secret=nope&scope=${encodeURIComponent(`${sim.urls.arm}/.default`)}`
    })
    expect(res.status).toBe(401)
    expect(res.json<{ error_description: string }>().error_description).toMatch(/^AADSTS7000215:/)
  })

  describe('Entra reads a token request from a form body only', () => {
    const fields = () => ({
      grant_type: 'client_credentials',
      client_id: sim.state.azure.clientId,
      client_secret: sim.state.azure.clientSecret,
      scope: `${sim.urls.arm}/.default`
    })
    const tokenRequest = (headers: Record<string, string>, body: string) =>
      call(`${sim.urls.authorityHost}/${sim.state.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        headers,
        body
      })
    const refusal = (res: Awaited<ReturnType<typeof tokenRequest>>) => {
      const body = res.json<{ error: string; error_description: string; error_codes: number[] }>()
      return {
        status: res.status,
        error: body.error,
        error_codes: body.error_codes,
        message: body.error_description.split('\r\n')[0]
      }
    }
    const noGrantType = {
      status: 400,
      error: 'invalid_request',
      error_codes: [900144],
      message: "AADSTS900144: The request body must contain the following parameter: 'grant_type'."
    }

    it('accepts the form with a charset parameter on its content type', async () => {
      const res = await tokenRequest(
        { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        new URLSearchParams(fields()).toString()
      )
      expect(res.status).toBe(200)
    })

    it.each([
      ['a JSON body', { 'content-type': 'application/json' }, () => JSON.stringify(fields())],
      ['a form without its content type', {}, () => new URLSearchParams(fields()).toString()],
      [
        'a form sent as text/plain',
        { 'content-type': 'text/plain' },
        () => new URLSearchParams(fields()).toString()
      ]
    ])('refuses %s as missing grant_type', async (_label, headers, body) => {
      expect(refusal(await tokenRequest(headers, body()))).toEqual(noGrantType)
    })

    it('refuses an empty client_secret as no client credential at all', async () => {
      const res = await tokenRequest(
        { 'content-type': 'application/x-www-form-urlencoded' },
        new URLSearchParams({ ...fields(), client_secret: '' }).toString()
      )
      expect(refusal(res)).toEqual({
        status: 401,
        error: 'invalid_client',
        error_codes: [7000218],
        message:
          "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
      })
    })
  })

  it('serves the service principal from Graph unless absent or forbidden', async () => {
    const auth = { authorization: `Bearer ${await entraToken(sim.urls.graph)}` }
    const url = `${sim.urls.graph}/v1.0/servicePrincipals(appId='${sim.state.cmkApp.appId}')`
    expect((await call(url, { headers: auth })).json()).toMatchObject({
      id: sim.state.cmkApp.objectId
    })

    sim.state.servicePrincipalPresent = false
    const absent = await call(url, { headers: auth })
    sim.state.servicePrincipalPresent = true
    expect(absent.json()).toMatchObject({ error: { code: 'Request_ResourceNotFound' } })

    sim.state.graph403 = true
    const forbidden = await call(url, { headers: auth })
    sim.state.graph403 = false
    expect(forbidden.status).toBe(403)
  })

  it('lists the service principal’s groups, nested ones too, paged, with ids only without a group permission', async () => {
    const auth = { authorization: `Bearer ${await entraToken(sim.urls.graph)}` }
    const sp = sim.state.cmkApp.objectId
    const saved = { groups: sim.state.groups, grants: sim.state.graphGrants }
    sim.state.groups = { 'g-outer': ['g-inner'], 'g-inner': [sp], 'g-else': ['someone'] }
    try {
      const url = `${sim.urls.graph}/v1.0/servicePrincipals/${sp}/transitiveMemberOf?$select=id&$top=1`
      const first = (await call(url, { headers: auth })).json<{
        value: Array<Record<string, unknown>>
        '@odata.nextLink'?: string
      }>()
      expect(first.value).toEqual([
        {
          '@odata.type': '#microsoft.graph.group',
          id: 'g-inner',
          displayName: null,
          securityEnabled: null
        }
      ])
      const second = (await call(first['@odata.nextLink']!, { headers: auth })).json<{
        value: Array<{ id: string }>
        '@odata.nextLink'?: string
      }>()
      expect(second.value.map(g => g.id)).toEqual(['g-outer'])
      expect(second['@odata.nextLink']).toBeUndefined()

      sim.state.graphGrants = ['GroupMember.Read.All']
      const named = (await call(url, { headers: auth })).json<{
        value: Array<{ displayName: string }>
      }>()
      expect(named.value[0]!.displayName).toEqual(expect.any(String))

      sim.state.graph403 = true
      const refused = await call(url, { headers: auth })
      sim.state.graph403 = false
      expect(refused.status).toBe(403)
      const missing = await call(
        `${sim.urls.graph}/v1.0/servicePrincipals/nobody/transitiveMemberOf`,
        {
          headers: auth
        }
      )
      expect(missing.status).toBe(404)
    } finally {
      sim.state.groups = saved.groups
      sim.state.graphGrants = saved.grants
    }
  })
})

describe('simulator: Managed HSM local RBAC', () => {
  const OTHER_KEY = {
    roleDefinitionGuid: HSM_ROLE.cryptoServiceEncryptionUser,
    scope: '/keys/other-key' as const
  }

  async function list(
    path: string,
    filter?: string
  ): Promise<{ status: number; scopes: string[] }> {
    const hsm = sim.state.managedHsm!
    const query = new URLSearchParams({
      'api-version': '7.5',
      ...(filter ? { $filter: filter } : {})
    })
    const url = `https://${hsm.name}.managedhsm.localhost:${sim.port}${path}/providers/Microsoft.Authorization/roleAssignments?${query.toString()}`
    const res = await call(url, {
      headers: { authorization: `Bearer ${await entraToken('https://managedhsm.localhost')}` }
    })
    const body = res.json<{ value?: Array<{ properties: { scope: string } }> }>()
    return { status: res.status, scopes: (body.value ?? []).map(a => a.properties.scope).sort() }
  }

  it('lists a scope and every scope below it, as Az.KeyVault documents for /; atScope() lists at and above', async () => {
    const saved = sim.state
    sim.state = managedHsmScenario()
    try {
      sim.state.managedHsm!.localRoleAssignments.push({
        principalId: sim.state.cmkApp.objectId,
        ...OTHER_KEY
      })
      expect((await list('')).scopes).toEqual(['/', '/keys/aep-cmk-key', '/keys/other-key'])
      expect((await list('/keys')).scopes).toEqual(['/keys/aep-cmk-key', '/keys/other-key'])
      expect((await list('/keys/aep-cmk-key')).scopes).toEqual(['/keys/aep-cmk-key'])
      expect((await list('/keys/aep-cmk-key', 'atScope()')).scopes).toEqual([
        '/',
        '/keys/aep-cmk-key'
      ])
    } finally {
      sim.state = saved
    }
  })

  it('authorises a caller through a group it is in, directly or nested', async () => {
    const saved = sim.state
    sim.state = managedHsmScenario()
    try {
      const hsm = sim.state.managedHsm!
      const me = sim.state.azure.objectId
      hsm.localRoleAssignments = hsm.localRoleAssignments.filter(a => a.principalId !== me)
      expect((await list('')).status).toBe(403)
      hsm.localRoleAssignments.push({
        principalId: 'g-outer',
        roleDefinitionGuid: HSM_ROLE.cryptoAuditor,
        scope: '/'
      })
      sim.state.groups = { 'g-outer': ['g-inner'], 'g-inner': [me] }
      expect((await list('')).status).toBe(200)
    } finally {
      sim.state = saved
    }
  })
})

describe('simulator: Adobe', () => {
  afterEach(() => {
    sim.state.configs = {}
    sim.state.configStatusSequence = [...CONFIG_SEQUENCES.normal]
    sim.state.configResponseShape = 'current'
    sim.clearFaults()
  })

  const submit = async (name: string, headers: Record<string, string>) =>
    call(`${sim.urls.platform}${CONFIG_PATH}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        type: 'BYOK_CONFIG',
        imsOrgId: sim.state.adobe.orgId,
        configData: {
          providerType: 'AZURE_KEYVAULT',
          keyVaultKeyIdentifier: `${sim.vaultUri()}keys/${sim.state.key?.name}/${sim.state.key?.versions.at(-1)}`
        }
      })
    })
  const status = async (name: string, headers: Record<string, string>) =>
    (
      await call(`${sim.urls.platform}${CONFIG_PATH}/${name}?configType=BYOK_CONFIG`, { headers })
    ).json<{ status: string }>().status

  it('enforces the gateway headers and JSON bodies', async () => {
    const headers = await platformHeaders()
    const url = `${sim.urls.platform}${REGISTRATION_PATH}`
    expect((await call(url, { headers: { ...headers, 'x-api-key': '' } })).json()).toEqual({
      error_code: '403000',
      message: 'Api Key is required'
    })
    expect(
      (await call(url, { headers: { ...headers, authorization: 'Bearer forged' } })).status
    ).toBe(401)
    const noOrg = { ...headers }
    delete noOrg['x-gw-ims-org-id']
    expect((await call(url, { headers: noOrg })).json()).toMatchObject({ error_code: '400003' })
    const textBody = await call(`${sim.urls.platform}${CONFIG_PATH}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: '{}'
    })
    expect(textBody.status).toBe(415)
    expect((await call(url, { headers })).json()).toMatchObject({
      applicationId: sim.state.cmkApp.appId,
      applicationRedirectUrl: expect.stringContaining('/common/oauth2/authorize')
    })
  })

  it('registers the app after a POST and the configured number of GETs', async () => {
    const headers = await platformHeaders()
    const url = `${sim.urls.platform}${REGISTRATION_PATH}`
    sim.state.registration = {
      status: 'absent',
      getsUntilReady: 0,
      pendingAnswer: 'not-found',
      readyAfterGets: 2
    }
    expect((await call(url, { headers })).status).toBe(404)
    const job = await call(url, { method: 'POST', headers })
    expect(job.json()).toMatchObject({ jobType: 'CustomerPolicyJob', status: 'CREATED' })
    expect((await call(url, { headers })).status).toBe(404)
    expect((await call(url, { headers })).json()).toHaveProperty('applicationRedirectUrl')
  })

  it('moves a submitted configuration through its status sequence, one step per GET', async () => {
    const headers = await platformHeaders()
    const before = sim.counters.configSubmissions
    const created = await submit('cmk-a', headers)
    expect(created.json()).toMatchObject({
      status: 'CREATED',
      config: { name: adobeInternalConfigName(sim.state.adobe.orgId), status: 'NEW' }
    })
    expect(sim.counters.configSubmissions).toBe(before + 1)
    const seen = [
      await status('cmk-a', headers),
      await status('cmk-a', headers),
      await status('cmk-a', headers)
    ]
    expect(seen).toEqual(['RUNNING', 'UPDATE_EXISTING_RESOURCES', 'COMPLETED'])
    expect(await status('cmk-a', headers)).toBe('COMPLETED')
    const wrongCase = await call(
      `${sim.urls.platform}${CONFIG_PATH}/CMK-A?configType=BYOK_CONFIG`,
      { headers }
    )
    expect(wrongCase.status).toBe(404)
  })

  it('fails the configuration when the CMK app lost its role', async () => {
    const headers = await platformHeaders()
    const roles = sim.state.roleAssignments
    sim.state.roleAssignments = []
    sim.state.configStatusSequence = [...CONFIG_SEQUENCES.immediate]
    await submit('cmk-b', headers)
    const result = await status('cmk-b', headers)
    sim.state.roleAssignments = roles
    expect(result).toBe('FAILED')
  })

  it("answers with Adobe's internal name, finds the configuration by the submitted name, and takes the legacy knob", async () => {
    const headers = await platformHeaders()
    sim.state.configResponseShape = 'legacy'
    const res = await submit('cmk-c', headers)
    const internal = adobeInternalConfigName(sim.state.adobe.orgId)
    expect(internal).toMatch(/^acp.+aepcmkmultitenantapp$/)
    expect(res.json()).toMatchObject({
      jobType: 'CustomerPolicyJob',
      jobData: { config: { name: internal } }
    })
    expect(Object.keys(sim.state.configs)).toEqual(['cmk-c'])
    const bySubmitted = await call(
      `${sim.urls.platform}${CONFIG_PATH}/cmk-c?configType=BYOK_CONFIG`,
      { headers }
    )
    expect(bySubmitted.status).toBe(200)
    expect(bySubmitted.json()).toMatchObject({ name: internal })
    const byInternal = await call(
      `${sim.urls.platform}${CONFIG_PATH}/${internal}?configType=BYOK_CONFIG`,
      { headers }
    )
    expect(byInternal.status).toBe(404)
    sim.state.configLookupBy = 'internal'
    const other = await call(
      `${sim.urls.platform}${CONFIG_PATH}/${internal}?configType=BYOK_CONFIG`,
      { headers }
    )
    sim.state.configLookupBy = 'submitted'
    expect(other.status).toBe(200)
  })
})

describe('simulator: faults, recording, secrets', () => {
  afterEach(() => sim.clearFaults())

  it('stores a configuration but answers 502 with after: send', async () => {
    const headers = { ...(await platformHeaders()), 'content-type': 'application/json' }
    sim.fault({
      service: 'platform',
      method: 'POST',
      path: CONFIG_PATH,
      times: 1,
      after: 'send',
      action: { status: 502, body: 'Bad Gateway' }
    })
    const body = JSON.stringify({
      name: 'cmk-d',
      type: 'BYOK_CONFIG',
      imsOrgId: sim.state.adobe.orgId,
      configData: {
        providerType: 'AZURE_KEYVAULT',
        keyVaultUri: `${sim.vaultUri()}keys/k/1`,
        keyName: 'k'
      }
    })
    const first = await call(`${sim.urls.platform}${CONFIG_PATH}`, {
      method: 'POST',
      headers,
      body
    })
    expect(first.status).toBe(502)
    expect(sim.state.configs['cmk-d']?.configData.keyName).toBe('k')
    const second = await call(`${sim.urls.platform}${CONFIG_PATH}`, {
      method: 'POST',
      headers,
      body
    })
    expect(second.status).toBe(200)
    sim.state.configs = {}
  })

  it('drops the connection, sends malformed JSON, or returns raw answers', async () => {
    sim.fault({ service: 'ims', times: 1, action: 'reset' })
    sim.fault({ service: 'ims', times: 1, action: 'malformed' })
    sim.fault({
      service: 'ims',
      path: /token/,
      times: 1,
      action: { status: 429, headers: { 'Retry-After': '2' }, body: { error: 'throttled' } }
    })
    const url = `${sim.urls.ims}/ims/token/v3`
    await expect(call(url, { method: 'POST' })).rejects.toThrow()
    const malformed = await call(url, { method: 'POST' })
    expect(() => malformed.json()).toThrow()
    const throttled = await call(url, { method: 'POST' })
    expect(throttled.status).toBe(429)
    expect(throttled.headers['retry-after']).toBe('2')
    expect((await call(url, { method: 'POST' })).status).toBe(400)
  })

  it('reads an IMS token request from a form body or the query string, nothing else', async () => {
    const { adobe } = sim.state
    const fields = {
      grant_type: 'client_credentials',
      client_id: adobe.clientId,
      client_secret: adobe.clientSecret,
      scope: adobe.scopes.join(',')
    }
    const url = `${sim.urls.ims}/ims/token/v3`
    const asJson = await call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields)
    })
    expect(asJson.status).toBe(400)
    expect(asJson.json()).toEqual({
      error: 'invalid_request',
      error_description: 'The request body must be application/x-www-form-urlencoded.'
    })
    const formWithoutType = await call(url, {
      method: 'POST',
      body: new URLSearchParams(fields).toString()
    })
    expect(formWithoutType.status).toBe(400)
    expect(formWithoutType.json()).toMatchObject({ error: 'invalid_request' })

    const inQuery = await call(`${url}?${new URLSearchParams(fields).toString()}`, {
      method: 'POST'
    })
    expect(inQuery.status).toBe(200)
    expect(inQuery.json()).toMatchObject({ token_type: 'bearer', expires_in: 86399 })
  })

  it('records requests with lower-cased headers and lists every issued secret', async () => {
    sim.clearRequests()
    const token = await imsToken()
    expect(sim.requests).toHaveLength(1)
    expect(sim.requests[0]).toMatchObject({
      service: 'ims',
      method: 'POST',
      path: '/ims/token/v3',
      status: 200,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }
    })
    expect(sim.secrets()).toEqual(
      expect.arrayContaining([token, sim.state.adobe.clientSecret, sim.state.azure.clientSecret])
    )
  })

  it('gives a child process the CA, the DNS preload and the endpoints', async () => {
    const env = sim.childEnv()
    const script = `
      const dns = require('node:dns')
      dns.lookup('x.vault.localhost', { all: true }, (e, all) => {
        fetch(process.env.AEP_CMK_IMS_ENDPOINT + '/ims/token/v3', { method: 'POST' })
          .then(r => console.log(JSON.stringify({ all, status: r.status })))
      })`
    const { stdout } = await execFileAsync(process.execPath, ['-e', script], {
      env: { PATH: process.env.PATH ?? '', ...env }
    })
    expect(JSON.parse(stdout)).toEqual({ all: [{ address: '127.0.0.1', family: 4 }], status: 400 })
    expect(env.ACTIONS_ID_TOKEN_REQUEST_URL).toBe(`${sim.urls.github}/idtoken?api-version=2.0`)
  })
})

describe('simulator: real Azure SDKs', () => {
  it.each(['secret', 'oidc'] as const)(
    'serves identity, ARM and Key Vault SDKs (%s)',
    async auth => {
      const { state } = sim
      state.vaultListPageSize = 1
      state.otherVaults = [{ ...defaultVault('kv-other'), resourceGroup: 'rg-other' }]
      const input: ProbeInput = {
        auth,
        tenantId: state.tenantId,
        clientId: state.azure.clientId,
        clientSecret: state.azure.clientSecret,
        subscriptionId: state.subscriptionId,
        resourceGroup: state.resourceGroup,
        vaultName: state.vault?.name ?? '',
        keyName: state.key?.name ?? '',
        principalId: state.cmkApp.objectId
      }
      const probe = fileURLToPath(new URL('../../test/simulator/sdk-probe.ts', import.meta.url))
      sim.clearRequests()
      const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', probe], {
        env: { ...process.env, ...sim.childEnv(), SIM_PROBE: JSON.stringify(input) }
      })
      state.otherVaults = []
      state.vaultListPageSize = 100
      const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')
      expect(summary).toEqual({
        vaultUri: sim.vaultUri(),
        purgeProtection: true,
        listed: ['kv-other', state.vault?.name],
        roleNames: ['Key Vault Crypto Service Encryption User'],
        keyId: expect.stringMatching(
          /^https:\/\/kv-aep-cmk-prod\.vault\.localhost:\d+\/keys\/aep-cmk-key\//
        ),
        keyType: 'RSA-HSM',
        keyBits: 3072,
        keyOps: ['wrapKey', 'unwrapKey'],
        missingKeyStatus: 404
      })
      // One form-encoded token request per resource (ARM, then Key Vault after its challenge),
      // each answered 200 and carrying the credential the probe was given.
      const tokenRequests = sim.requests
        .filter(r => r.service === 'entra' && r.method === 'POST')
        .map(r => {
          const form = new URLSearchParams(r.body)
          return {
            status: r.status,
            contentType: r.headers['content-type'],
            scope: form.get('scope'),
            credential: form.has('client_assertion')
              ? 'client_assertion'
              : form.has('client_secret')
                ? 'client_secret'
                : 'none'
          }
        })
      const credential = auth === 'secret' ? 'client_secret' : 'client_assertion'
      const form = expect.stringMatching(/^application\/x-www-form-urlencoded\b/)
      expect(tokenRequests).toEqual([
        { status: 200, contentType: form, scope: `${sim.urls.arm}/.default`, credential },
        // The resource the simulator's Key Vault challenge names.
        { status: 200, contentType: form, scope: 'https://vault.localhost/.default', credential }
      ])
    }
  )
})

describe('simulator: in-process use', () => {
  it('lets global fetch reach the simulator until undone', async () => {
    const undo = useSimulatorInProcess(sim)
    let status: number
    try {
      expect(process.env.AEP_CMK_PLATFORM_ENDPOINT).toBe(sim.urls.platform)
      status = (await fetch(`${process.env.AEP_CMK_PLATFORM_ENDPOINT}${REGISTRATION_PATH}`)).status
    } finally {
      undo()
    }
    expect(status).toBe(403)
    await expect(fetch(`${sim.urls.github}/idtoken`)).rejects.toThrow()
  })
})
