import type { TokenCredential } from '@azure/core-auth'
import { createServicePrincipal } from '../../../src/actions/create-service-principal.js'
import { ServiceError } from '../../../src/clients/http/service-error.js'
import { resetSimulator } from '../../../test/run-action.js'
import { testHttp } from '../../../test/fake-host.js'
import {
  simFetch,
  startSimulator,
  useSimulatorInProcess,
  type Simulator
} from '../../../test/simulator/index.js'

let sim: Simulator
let undo: () => void
let credential: TokenCredential
const tokenRequests: Array<{ scopes: string | string[]; abortSignal: unknown }> = []
const signal = new AbortController().signal
const wait = { firstIntervalMs: 1, timeoutMs: 50, signal }
const http = testHttp({ signal })

beforeAll(async () => {
  sim = await startSimulator()
  undo = useSimulatorInProcess(sim)
  const { state } = sim
  const res = await simFetch(
    sim.caCert,
    `${sim.urls.authorityHost}/${state.tenantId}/oauth2/v2.0/token`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: state.azure.clientId,
        client_secret: state.azure.clientSecret,
        scope: `${sim.urls.graph}/.default`
      }).toString()
    }
  )
  const token = res.json<{ access_token: string }>().access_token
  credential = {
    getToken: async (scopes, options) => {
      tokenRequests.push({ scopes, abortSignal: options?.abortSignal })
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 }
    }
  }
})
afterAll(async () => {
  undo()
  await sim.close()
})

describe('createServicePrincipal', () => {
  it('creates it with the app id and returns the new object id', async () => {
    resetSimulator(sim, {
      servicePrincipalPresent: false,
      graphGrants: ['Application.ReadWrite.All']
    })
    const made = await createServicePrincipal(
      credential,
      sim.urls.graph,
      sim.state.cmkApp.appId,
      http,
      wait
    )
    expect(made).toEqual({ kind: 'created', objectId: sim.state.cmkApp.objectId })
    expect(tokenRequests.at(-1)).toEqual({
      scopes: `${sim.urls.graph}/.default`,
      abortSignal: signal
    })
    const post = sim.requests.filter(r => r.method === 'POST' && r.service === 'graph')
    expect(post.map(r => JSON.parse(r.body) as unknown)).toEqual([
      { appId: sim.state.cmkApp.appId }
    ])
  })

  it('reads back a service principal that exists already (409) instead of failing', async () => {
    resetSimulator(sim, {
      servicePrincipalPresent: true,
      graphGrants: ['Application.ReadWrite.All']
    })
    const made = await createServicePrincipal(
      credential,
      sim.urls.graph,
      sim.state.cmkApp.appId,
      http,
      wait
    )
    expect(made).toEqual({ kind: 'already-present', objectId: sim.state.cmkApp.objectId })
    expect(sim.requests.map(r => `${r.method} ${r.status}`)).toEqual(['POST 409', 'GET 200'])
  })

  it('throws the refusal, once, naming the call and quoting Graph', async () => {
    resetSimulator(sim, { servicePrincipalPresent: false, graphGrants: [] })
    const error = await createServicePrincipal(
      credential,
      sim.urls.graph,
      sim.state.cmkApp.appId,
      http,
      wait
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).status).toBe(403)
    expect((error as ServiceError).message).toBe(
      'Microsoft Graph POST service principal failed with HTTP 403: Authorization_RequestDenied: Insufficient privileges to complete the operation.'
    )
    expect(sim.requests).toHaveLength(1)
  })

  it('fails naming the call when Graph answers without an id', async () => {
    resetSimulator(sim, {
      servicePrincipalPresent: false,
      graphGrants: ['Application.ReadWrite.All']
    })
    sim.fault({
      service: 'graph',
      method: 'POST',
      path: '/v1.0/servicePrincipals',
      action: { status: 201, body: { appId: sim.state.cmkApp.appId } }
    })
    await expect(
      createServicePrincipal(credential, sim.urls.graph, sim.state.cmkApp.appId, http, wait)
    ).rejects.toThrow(
      'Microsoft Graph POST service principal failed with HTTP 201: the answer has no id'
    )
  })

  it('throws the 409 when no service principal can be read back after it', async () => {
    resetSimulator(sim, {
      servicePrincipalPresent: false,
      graphGrants: ['Application.ReadWrite.All']
    })
    sim.fault({
      service: 'graph',
      method: 'POST',
      path: '/v1.0/servicePrincipals',
      action: {
        status: 409,
        body: {
          error: {
            code: 'Request_MultipleObjectsWithSameKeyValue',
            message: 'Another object with the same value for property appId already exists.'
          }
        }
      }
    })
    const error = await createServicePrincipal(
      credential,
      sim.urls.graph,
      sim.state.cmkApp.appId,
      http,
      wait
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).status).toBe(409)
  })

  it('fails before any request when the credential gives no token', async () => {
    resetSimulator(sim)
    const none: TokenCredential = { getToken: async () => null }
    await expect(
      createServicePrincipal(none, sim.urls.graph, sim.state.cmkApp.appId, http, wait)
    ).rejects.toThrow('Microsoft Graph token request failed: no token returned')
    expect(sim.requests).toEqual([])
  })

  it('refuses a created principal whose appId is not the CMK app', async () => {
    resetSimulator(sim, {
      servicePrincipalPresent: false,
      graphGrants: ['Application.ReadWrite.All']
    })
    const foreign = '99999999-9999-4999-8999-999999999999'
    sim.fault({
      service: 'graph',
      method: 'POST',
      path: '/v1.0/servicePrincipals',
      action: { status: 201, body: { id: 'foreign-object-id', appId: foreign } }
    })
    await expect(
      createServicePrincipal(credential, sim.urls.graph, sim.state.cmkApp.appId, http, wait)
    ).rejects.toThrow(
      `the answer names application ${foreign}, not the CMK app ${sim.state.cmkApp.appId}: refused, nothing is granted to it`
    )
  })

  it("returns the principal read back by the CMK app's appId, not the id the create answer named", async () => {
    resetSimulator(sim, {
      servicePrincipalPresent: false,
      graphGrants: ['Application.ReadWrite.All']
    })
    sim.fault({
      service: 'graph',
      method: 'POST',
      path: '/v1.0/servicePrincipals',
      action: { status: 201, body: { id: 'foreign-object-id', appId: sim.state.cmkApp.appId } }
    })
    // The fault answers the POST without creating anything: the CMK app's principal exists already.
    sim.state.servicePrincipalPresent = true
    const made = await createServicePrincipal(
      credential,
      sim.urls.graph,
      sim.state.cmkApp.appId,
      http,
      wait
    )
    expect(made).toEqual({ kind: 'created', objectId: sim.state.cmkApp.objectId })
    expect(sim.requests.map(r => `${r.method} ${r.status}`)).toEqual(['POST 201', 'GET 200'])
  })

  it('fails naming the read-back when the new principal never becomes visible', async () => {
    resetSimulator(sim, {
      servicePrincipalPresent: false,
      graphGrants: ['Application.ReadWrite.All']
    })
    sim.fault({
      service: 'graph',
      method: 'POST',
      path: '/v1.0/servicePrincipals',
      action: { status: 201, body: { id: 'x', appId: sim.state.cmkApp.appId } }
    })
    await expect(
      createServicePrincipal(credential, sim.urls.graph, sim.state.cmkApp.appId, http, wait)
    ).rejects.toThrow('could not be read back by its application id within the wait')
    expect(sim.requests.filter(r => r.method === 'GET').length).toBeGreaterThan(1)
  })
})
