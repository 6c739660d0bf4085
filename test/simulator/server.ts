import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { simulatorCertificates } from './certificates.js'
import type {
  Answer,
  Handler,
  ServiceName,
  SimContext,
  SimCounters,
  SimRequest,
  SimUrls
} from './context.js'
import { takeFault, type FaultAction, type FaultRule } from './faults.js'
import type { RecordedRequest } from './recording.js'
import { makeScenario, type Scenario } from './scenario.js'
import { arm } from './services/arm.js'
import { entra } from './services/entra.js'
import { githubApi } from './services/github-api.js'
import { githubOidc } from './services/github-oidc.js'
import { graph } from './services/graph.js'
import { ims } from './services/ims.js'
import { keyVault } from './services/key-vault.js'
import { managedHsm } from './services/managed-hsm.js'
import { platform } from './services/platform.js'
import { TokenMinter } from './tokens.js'

/** Absolute path of the `--require` preload that resolves *.localhost to 127.0.0.1. */
export const LOOPBACK_DNS_PRELOAD = fileURLToPath(new URL('./loopback-dns.cjs', import.meta.url))

/** Audience of Key Vault tokens; the challenge names it and the SDK checks the vault host ends with it. */
const VAULT_RESOURCE = 'https://vault.localhost'
/** Audience of Managed HSM tokens, as https://managedhsm.azure.net is for the real service. */
const MANAGED_HSM_RESOURCE = 'https://managedhsm.localhost'

const HANDLERS: Record<ServiceName, Handler> = {
  arm,
  entra,
  graph,
  ims,
  platform,
  github: githubOidc,
  'github-api': githubApi,
  keyvault: keyVault,
  managedhsm: managedHsm
}

const HOSTS: Record<string, ServiceName> = {
  'management.localhost': 'arm',
  'login.localhost': 'entra',
  'graph.localhost': 'graph',
  'ims.localhost': 'ims',
  'platform.localhost': 'platform',
  'github.localhost': 'github',
  'api.github.localhost': 'github-api'
}

function serviceFor(hostname: string): ServiceName | undefined {
  if (hostname.endsWith('.vault.localhost')) return 'keyvault'
  if (hostname.endsWith('.managedhsm.localhost')) return 'managedhsm'
  return HOSTS[hostname]
}

export interface Simulator {
  port: number
  /** PEM file of the CA that signed the simulator's certificate. */
  caFile: string
  /** The CA certificate (PEM), for in-process clients. */
  caCert: string
  urls: SimUrls
  /** The simulated world; mutate it to change what the services answer. */
  state: Scenario
  requests: RecordedRequest[]
  counters: SimCounters
  fault(rule: FaultRule): void
  clearFaults(): void
  clearRequests(): void
  /** `https://<name>.vault.localhost:<port>/` */
  vaultUri(name?: string): string
  /**
   * Environment for a child process running the action against the simulator: the CA, the
   * DNS preload, every AEP_CMK_*_ENDPOINT, the Actions ID-token request URL and token.
   */
  childEnv(): Record<string, string>
  /** Every secret or token the simulator issued or knows, for leak sweeps. */
  secrets(): string[]
  close(): Promise<void>
}

export async function startSimulator(scenario: Partial<Scenario> = {}): Promise<Simulator> {
  const certificates = await simulatorCertificates()
  const state = makeScenario(scenario)
  const tokens = new TokenMinter()
  const requests: RecordedRequest[] = []
  const faults: FaultRule[] = []
  const counters: SimCounters = {
    configSubmissions: 0,
    registrationRequests: 0,
    entraTokens: 0,
    imsTokens: 0,
    idTokens: 0
  }

  const server = createServer({ key: certificates.key, cert: certificates.cert })
  // Ends the delays of pending faults when the simulator closes, so no timer outlives it.
  const closing = new AbortController()
  // Filled in once listening; handlers only run after that.
  const ctx: SimContext = {
    state,
    port: 0,
    urls: {
      arm: '',
      authorityHost: '',
      graph: '',
      ims: '',
      platform: '',
      github: '',
      githubApi: ''
    },
    tokens,
    counters,
    vaultUri: name => `https://${name}.vault.localhost:${ctx.port}/`,
    vaultResource: VAULT_RESOURCE,
    managedHsmUri: name => `https://${name}.managedhsm.localhost:${ctx.port}/`,
    managedHsmResource: MANAGED_HSM_RESOURCE
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, ctx, faults, requests, closing.signal).catch(error => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'SimulatorError', message: String(error) } }))
      } else {
        res.destroy()
      }
    })
  })

  const port = await listen(server)
  ctx.port = port
  const url = (host: string) => `https://${host}:${port}`
  Object.assign(ctx.urls, {
    arm: url('management.localhost'),
    authorityHost: url('login.localhost'),
    graph: url('graph.localhost'),
    ims: url('ims.localhost'),
    platform: url('platform.localhost'),
    github: url('github.localhost'),
    githubApi: url('api.github.localhost')
  })

  return {
    port,
    caFile: certificates.caFile,
    caCert: certificates.caCert,
    urls: ctx.urls,
    get state() {
      return ctx.state
    },
    set state(next: Scenario) {
      ctx.state = next
    },
    requests,
    counters,
    fault: rule => void faults.push(rule),
    clearFaults: () => void faults.splice(0),
    clearRequests: () => void requests.splice(0),
    vaultUri: name => ctx.vaultUri(name ?? ctx.state.vault?.name ?? 'missing'),
    childEnv: () => ({
      NODE_EXTRA_CA_CERTS: certificates.caFile,
      NODE_OPTIONS: `--require ${quoteForNodeOptions(LOOPBACK_DNS_PRELOAD)}`,
      AEP_CMK_ARM_ENDPOINT: ctx.urls.arm,
      AEP_CMK_AUTHORITY_HOST: ctx.urls.authorityHost,
      AEP_CMK_GRAPH_ENDPOINT: ctx.urls.graph,
      AEP_CMK_IMS_ENDPOINT: ctx.urls.ims,
      AEP_CMK_PLATFORM_ENDPOINT: ctx.urls.platform,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${ctx.urls.github}/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: ctx.state.github.requestToken,
      // A proxy configured on the machine must not swallow the loopback hosts.
      NO_PROXY: 'localhost,.localhost,127.0.0.1',
      no_proxy: 'localhost,.localhost,127.0.0.1'
    }),
    secrets: () =>
      [
        ctx.state.azure.clientSecret,
        ctx.state.github.requestToken,
        ctx.state.githubApi.token,
        ctx.state.adobe.clientSecret,
        ctx.state.adobe.accessToken,
        ...tokens.issued
      ].filter(s => s.length > 0),
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort()
        server.close(error => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}

/** A simulator of its own for one test body, closed afterwards whatever the body did. */
export async function withSimulator<T>(
  scenario: Partial<Scenario>,
  body: (sim: Simulator) => Promise<T>
): Promise<T> {
  const sim = await startSimulator(scenario)
  try {
    return await body(sim)
  } finally {
    await sim.close()
  }
}

function quoteForNodeOptions(path: string): string {
  return /\s/.test(path) ? `"${path.replace(/(["\\])/g, '\\$1')}"` : path
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** `service` is only a placeholder for unknown hosts, which no handler sees. */
function toSimRequest(req: IncomingMessage, body: string, service: ServiceName): SimRequest {
  const host = req.headers.host ?? ''
  // Concatenated, not resolved: ARM SDKs send `//subscriptions/...`, which URL() would read as a host.
  const url = new URL(`https://simulator.invalid${req.url ?? '/'}`)
  let path = url.pathname.replace(/\/{2,}/g, '/')
  try {
    path = decodeURIComponent(path)
  } catch {
    // keep the raw path when it is not valid percent-encoding
  }
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return {
    service,
    method: (req.method ?? 'GET').toUpperCase(),
    host,
    hostname: host.replace(/:\d+$/, '').toLowerCase(),
    path,
    query: Object.fromEntries(url.searchParams),
    headers,
    body
  }
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: SimContext,
  faults: FaultRule[],
  requests: RecordedRequest[],
  closing: AbortSignal
): Promise<void> {
  const at = Date.now()
  const body = await readBody(req)
  const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
  const service = serviceFor(hostname)
  const simReq = toSimRequest(req, body, service ?? 'platform')
  const record: RecordedRequest = {
    service: service ?? 'unknown',
    method: simReq.method,
    host: simReq.host,
    path: simReq.path,
    query: simReq.query,
    headers: simReq.headers,
    body,
    status: 0,
    at
  }
  requests.push(record)

  if (!service) {
    await send(res, record, ctx, { status: 421, json: { error: `Unknown host ${simReq.host}` } })
    return
  }
  const fault = takeFault(faults, simReq)
  if (fault && isChange(fault.action)) {
    if (fault.after !== 'send') fault.action.change(ctx.state)
    const answer = await HANDLERS[service](simReq, ctx)
    if (fault.after === 'send') fault.action.change(ctx.state)
    await send(res, record, ctx, answer)
    return
  }
  if (fault && fault.after !== 'send' && !isDelay(fault.action)) {
    await send(res, record, ctx, faultAnswer(fault.action, simReq))
    return
  }
  if (fault && fault.after !== 'send' && isDelay(fault.action))
    await sleep(fault.action.delayMs, undefined, { signal: closing })

  const answer = await HANDLERS[service](simReq, ctx)
  if (fault && fault.after === 'send') {
    if (isDelay(fault.action)) {
      await sleep(fault.action.delayMs, undefined, { signal: closing })
    } else {
      await send(res, record, ctx, faultAnswer(fault.action, simReq))
      return
    }
  }
  await send(res, record, ctx, answer)
}

function isDelay(action: FaultAction): action is { delayMs: number } {
  return typeof action === 'object' && 'delayMs' in action
}

function isChange(action: FaultAction): action is Extract<FaultAction, { change: unknown }> {
  return typeof action === 'object' && 'change' in action
}

function faultAnswer(action: Exclude<FaultAction, { delayMs: number }>, req: SimRequest): Answer {
  if (isChange(action)) throw new Error('a change is applied by handle(), not answered')
  if (action === 'reset') return { status: 0, reset: true }
  if (action === 'endless') return { status: 200, endless: true }
  if (action === 'malformed') {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      text: '{"value": [{"id": '
    }
  }
  const { status } = action
  const headers = typeof action.headers === 'function' ? action.headers(req) : action.headers
  const body = typeof action.body === 'function' ? action.body(req) : action.body
  if (body === undefined || typeof body === 'string') {
    return { status, ...(headers ? { headers } : {}), text: body ?? '' }
  }
  return { status, ...(headers ? { headers } : {}), json: body }
}

async function send(
  res: ServerResponse,
  record: RecordedRequest,
  ctx: SimContext,
  answer: Answer
): Promise<void> {
  if (ctx.state.latencyMs > 0) await sleep(ctx.state.latencyMs)
  record.answeredAt = Date.now()
  if (answer.reset) {
    record.status = 0
    res.socket?.destroy()
    return
  }
  if (answer.endless) {
    record.status = answer.status
    await sendEndless(res, record)
    return
  }
  const headers: Record<string, string> = { ...(answer.headers ?? {}) }
  let payload = answer.text ?? ''
  if (answer.json !== undefined) {
    payload = JSON.stringify(answer.json)
    if (!Object.keys(headers).some(h => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json; charset=utf-8'
    }
  }
  headers['content-length'] = String(Buffer.byteLength(payload))
  record.status = answer.status
  res.writeHead(answer.status, headers)
  res.end(payload)
}

/**
 * A JSON array that never closes, written as fast as the client reads it (backpressure kept),
 * until the client hangs up; counts what was written in record.bytesSent.
 */
function sendEndless(res: ServerResponse, record: RecordedRequest): Promise<void> {
  const chunk = Buffer.from('{"id":"endless","name":"endless"},'.repeat(2048))
  record.bytesSent = 0
  return new Promise(resolve => {
    res.once('close', () => resolve())
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.write('{"value":[')
    const pump = (): void => {
      while (!res.destroyed && !res.writableEnded) {
        record.bytesSent = (record.bytesSent ?? 0) + chunk.length
        if (!res.write(chunk)) {
          res.once('drain', pump)
          return
        }
      }
    }
    pump()
  })
}
