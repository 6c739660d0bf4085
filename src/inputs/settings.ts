import type { TargetMode, VaultTypeInput, Repair, PayloadFormat } from '../model/choices.js'
import type { Tuning } from './tuning.js'

/** How the job signs in to Azure; each method carries exactly the ids it needs. */
export type AzureIdentity =
  | { auth: 'oidc'; tenantId: string; clientId: string }
  | { auth: 'secret'; tenantId: string; clientId: string; clientSecret: string }
  | { auth: 'cli'; tenantId?: string | undefined }
  | { auth: 'managed-identity'; tenantId?: string | undefined; clientId?: string | undefined }

export type AdobeCredential =
  | { kind: 'client-credentials'; clientId: string; clientSecret: string; scopes: string[] }
  | { kind: 'access-token'; accessToken: string }

/** Service base URLs. Defaults are the public clouds; overridable for sovereign clouds and the simulator. */
export interface Endpoints {
  arm: string
  authorityHost: string
  graph: string
  ims: string
  platform: string
}

/** The settings of a run about one org, vault and key: setup, validate or check. */
export interface Settings {
  mode: TargetMode
  keyVaultName: string
  /** Which kind of vault key-vault-name names; auto: a Key Vault of that name, else a Managed HSM. */
  keyVaultType: VaultTypeInput
  keyName: string
  subscriptionId: string
  resourceGroup?: string | undefined
  azure: AzureIdentity
  adobeOrgId: string
  adobe: AdobeCredential
  adobeRegion: string
  configName: string
  payloadFormat: PayloadFormat
  cmkAppObjectId?: string | undefined
  minKeySize: number
  minKeyValidityDays: number
  requireHsm: boolean
  /** Repairs setup may make; always empty outside setup. */
  remediate: ReadonlySet<Repair>
  /** Where to write a SARIF file, when asked. */
  sarifFile?: string | undefined
  /** Set when open-issue is on: the token for the GitHub issues API. */
  trackingIssue?: { githubToken: string } | undefined
  strict: boolean
  waitTimeoutSeconds: number
  pollIntervalSeconds: number
  reportFile?: string | undefined
  endpoints: Endpoints
  /** Knobs read from the environment, not inputs (test waits, per-try timeout). */
  tuning: Tuning
  /** Things about the inputs worth a warning that do not stop the run. */
  notices: string[]
}

/**
 * The settings of `mode: summarize`: which JSON reports to read, and where they may be. It signs
 * in nowhere, so none of the inputs about a vault, a key or a credential apply.
 */
export interface SummarizeSettings {
  mode: 'summarize'
  /** Glob patterns, relative to the workspace (absolute ones made relative), in the order given. */
  reports: string[]
  /** The directory every report must be inside: GITHUB_WORKSPACE, else the working directory. */
  workspace: string
  sarifFile?: string | undefined
  /** Things about the inputs worth a warning that do not stop the run. */
  notices: string[]
}

/** What valid inputs give: one variant per kind of run, told apart by `mode`. */
export type ActionSettings = Settings | SummarizeSettings
