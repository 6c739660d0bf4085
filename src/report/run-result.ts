import type { RepairOutcome } from '../model/repair-outcome.js'
import type { PublishedStatus } from '../checks/config-checks.js'
import type { CheckId, Finding } from '../model/finding.js'
import type { Mode, VaultType } from '../model/choices.js'
import type { ConsentLink } from '../facts/consent-url.js'

/** Everything the report renders: the outcome of one run of the action. */
export interface RunResult {
  mode: Mode
  /** The mode input as given, when bad input refused it (mode then holds the default). */
  refusedMode?: string | undefined
  result: 'pass' | 'fail'
  status: PublishedStatus
  /** The status as Adobe sent it, when its docs do not list it (status is then UNKNOWN). */
  statusAsSent?: string | undefined
  /** The configuration name the status was read by (output config-name). */
  configName: string
  /** The `name` in Adobe's answers, an internal one of Adobe's; undefined when none was seen. */
  adobeConfigName?: string | undefined
  keyIdentifier?: string | undefined
  /** What key-vault-name turned out to be, once the vault was found. */
  vaultType?: VaultType | undefined
  applicationId?: string | undefined
  /** Adobe's consent URL, judged against Entra's sign-in host: only an `entra` link is followed. */
  consentLink?: ConsentLink | undefined
  findings: Finding[]
  failedChecks: CheckId[]
  /** error that stopped the run before/while checking (input error, unexpected failure) */
  error?: string | undefined
  /** human lines of what was written, e.g. "Registered the CMK app" */
  actions: string[]
  /** What remediation tried, with the ids of what it created; absent when it did not run. */
  repairs?: RepairOutcome[] | undefined
  /** already secret-free settings summary */
  settings: Record<string, unknown>
  /** secret-free facts summary */
  facts?: Record<string, unknown> | undefined
  /** ms per phase */
  timings: Record<string, number>
  startedAt: string
  finishedAt: string
}
