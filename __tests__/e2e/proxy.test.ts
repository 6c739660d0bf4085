import { startConnectProxy, type ConnectProxy } from '../../test/simulator/connect-proxy.js'
import {
  CONFIG_SEQUENCES,
  startSimulator,
  type SimCounters,
  type Simulator
} from '../../test/simulator/index.js'
import { defaultInputs, runAction, type ActionRun } from './harness.js'

/**
 * HTTPS_PROXY: every call the action makes (Adobe IMS and Platform through node-fetch and its
 * agent, ARM, Key Vault and Entra through the Azure SDKs, Graph, and the GitHub ID-token
 * request through @actions/core) goes through a CONNECT proxy, and NO_PROXY exempts hosts.
 */

let sim: Simulator
let proxy: ConnectProxy

beforeAll(async () => {
  // ARM omits the rotation policy, so the data plane (Key Vault's host and token) is in play too.
  sim = await startSimulator({
    configStatusSequence: [...CONFIG_SEQUENCES.immediate],
    armKeyRotationPolicy: 'omitted'
  })
  proxy = await startConnectProxy()
})

afterAll(async () => {
  await proxy?.close()
  await sim?.close()
})

beforeEach(() => {
  sim.clearRequests()
  sim.clearFaults()
  sim.state.configs = {}
  // The counters live as long as the simulator: start every test from zero.
  for (const name of Object.keys(sim.counters) as Array<keyof SimCounters>) sim.counters[name] = 0
  proxy.clearRecords()
})

/** What one run asked the simulator for, on top of the defaults for a setup run. */
const counted = (overrides: Partial<SimCounters> = {}): SimCounters => ({
  configSubmissions: 1,
  registrationRequests: 0,
  entraTokens: 3,
  imsTokens: 1,
  idTokens: 0,
  ...overrides
})

/** The simulator's environment sets NO_PROXY for loopback names; a proxied run empties it. */
function proxied(noProxy = ''): Record<string, string> {
  return {
    HTTPS_PROXY: proxy.url,
    https_proxy: proxy.url,
    NO_PROXY: noProxy,
    no_proxy: noProxy
  }
}

const hostsSeenBySim = (): string[] =>
  [...new Set(sim.requests.map(r => r.host.toLowerCase()))].sort()
const tunnelled = (): string[] => [...new Set(proxy.connects.map(t => t.toLowerCase()))].sort()
const hostnames = (targets: string[]): string[] =>
  [...new Set(targets.map(t => t.replace(/:\d+$/, '')))].sort()

function expectPassed(run: ActionRun): void {
  expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(run.outputs.result).toBe('pass')
  expect(run.outputs.status).toBe('COMPLETED')
}

describe('HTTPS_PROXY', () => {
  it('setup with a client secret tunnels every service host through the proxy', async () => {
    const run = await runAction(sim, defaultInputs(sim), { env: proxied() })
    expectPassed(run)
    // One IMS token, one Entra token per resource (ARM, Graph, Key Vault), one submission.
    expect(sim.counters).toEqual(counted())
    const vaultHost = new URL(sim.vaultUri()).hostname
    expect(hostnames(proxy.connects)).toEqual(
      [
        'graph.localhost',
        'ims.localhost',
        vaultHost,
        'login.localhost',
        'management.localhost',
        'platform.localhost'
      ].sort()
    )
    // Every host the simulator was reached at came through a tunnel, port included.
    expect(hostsSeenBySim().filter(h => !tunnelled().includes(h))).toEqual([])
    expect(proxy.refused).toEqual([])
  })

  it('an OIDC run also tunnels the GitHub ID-token request', async () => {
    const inputs: Record<string, string | undefined> = {
      ...defaultInputs(sim),
      'azure-auth': 'oidc',
      'azure-client-secret': undefined
    }
    const run = await runAction(sim, inputs, { env: proxied() })
    expectPassed(run)
    expect(sim.requests.some(r => r.service === 'github')).toBe(true)
    // One GitHub ID token, reused as the client assertion of all three Entra tokens.
    expect(sim.counters).toEqual(counted({ idTokens: 1 }))
    expect(hostnames(proxy.connects)).toContain('github.localhost')
    expect(hostsSeenBySim().filter(h => !tunnelled().includes(h))).toEqual([])
  })

  it('a ready Adobe token: the Platform calls still go through the proxy', async () => {
    const inputs: Record<string, string | undefined> = {
      ...defaultInputs(sim),
      'adobe-client-id': undefined,
      'adobe-client-secret': undefined,
      'adobe-access-token': sim.state.adobe.accessToken
    }
    const run = await runAction(sim, inputs, { env: proxied() })
    expectPassed(run)
    expect(sim.counters).toEqual(counted({ imsTokens: 0 }))
    expect(hostnames(proxy.connects)).toContain('platform.localhost')
    expect(hostnames(proxy.connects)).not.toContain('ims.localhost')
    expect(hostsSeenBySim().filter(h => !tunnelled().includes(h))).toEqual([])
  })

  it('NO_PROXY covering the hosts: no CONNECT at all, and the run passes', async () => {
    const run = await runAction(sim, defaultInputs(sim), {
      env: proxied('localhost,.localhost,127.0.0.1')
    })
    expectPassed(run)
    expect(sim.requests.length).toBeGreaterThan(0)
    expect(sim.counters).toEqual(counted())
    expect(proxy.connects).toEqual([])
  })

  it('NO_PROXY naming some hosts: only the others are tunnelled', async () => {
    const run = await runAction(sim, defaultInputs(sim), {
      env: proxied('ims.localhost,platform.localhost')
    })
    expectPassed(run)
    expect(sim.counters).toEqual(counted())
    const through = hostnames(proxy.connects)
    expect(through).not.toContain('ims.localhost')
    expect(through).not.toContain('platform.localhost')
    expect(through).toEqual(expect.arrayContaining(['management.localhost', 'login.localhost']))
  })

  it('a proxy that refuses the tunnel fails the run with a clear message, no stack trace', async () => {
    // Nothing listens on the proxy URL's port once this one is closed.
    const dead = await startConnectProxy()
    const url = dead.url
    await dead.close()
    const run = await runAction(sim, defaultInputs(sim), {
      env: { ...proxied(), HTTPS_PROXY: url, https_proxy: url }
    })
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs.result).toBe('fail')
    // The Adobe calls say what they could not reach (the proxy's address).
    const port = new URL(url).port
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error title=adobe\\.sign-in::Could not get an Adobe IMS token\\. Adobe IMS token request failed: .*ECONNREFUSED 127\\.0\\.0\\.1:${port}`,
        'm'
      )
    )
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m)
    expect(sim.requests).toEqual([])
    expect(sim.counters).toEqual(counted({ configSubmissions: 0, entraTokens: 0, imsTokens: 0 }))
  })
})
