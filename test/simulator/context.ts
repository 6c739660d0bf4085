import type { Scenario } from './scenario.js'
import type { TokenMinter } from './tokens.js'

export const SERVICES = [
  'arm',
  'entra',
  'graph',
  'ims',
  'platform',
  'github',
  'github-api',
  'keyvault',
  'managedhsm'
] as const
export type ServiceName = (typeof SERVICES)[number]

/** A request as the service handlers see it. */
export interface SimRequest {
  service: ServiceName
  method: string
  /** Host header, with port. */
  host: string
  hostname: string
  /** Decoded path with repeated slashes collapsed. */
  path: string
  query: Record<string, string>
  /** Lower-cased names. */
  headers: Record<string, string>
  body: string
}

/** What a handler answers; `json` is serialised with content-type application/json. */
export interface Answer {
  status: number
  headers?: Record<string, string> | undefined
  json?: unknown
  text?: string | undefined
  /** Destroy the socket instead of answering, like a host that does not exist. */
  reset?: boolean | undefined
  /** Stream a JSON body that never ends, until the client hangs up. */
  endless?: boolean | undefined
}

export interface SimUrls {
  arm: string
  authorityHost: string
  graph: string
  ims: string
  platform: string
  /** The Actions ID-token endpoint's host, also GITHUB_SERVER_URL (issue links). */
  github: string
  /** GitHub's REST API (GITHUB_API_URL). */
  githubApi: string
}

export interface SimCounters {
  /** Accepted POSTs of a configuration. */
  configSubmissions: number
  /** POSTs to the app registration. */
  registrationRequests: number
  /** Tokens issued, by service. */
  entraTokens: number
  imsTokens: number
  idTokens: number
}

/** Shared by every handler: the mutable world plus what the server knows about itself. */
export interface SimContext {
  state: Scenario
  port: number
  urls: SimUrls
  tokens: TokenMinter
  counters: SimCounters
  /** `https://<name>.vault.localhost:<port>/` */
  vaultUri(name: string): string
  /** Audience (resource) of Key Vault access tokens, as named in the challenge. */
  vaultResource: string
  /** `https://<name>.managedhsm.localhost:<port>/` */
  managedHsmUri(name: string): string
  /** Audience of Managed HSM access tokens (the real one is https://managedhsm.azure.net). */
  managedHsmResource: string
}

export type Handler = (req: SimRequest, ctx: SimContext) => Answer | Promise<Answer>

export function json(status: number, body: unknown, headers?: Record<string, string>): Answer {
  return { status, json: body, ...(headers ? { headers } : {}) }
}

/** Resource ids are case-insensitive in ARM. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\/+$/, '') === b.toLowerCase().replace(/\/+$/, '')
}
