import type { Facts, KeyFacts, VaultFacts } from '../model/facts.js'
import type { Repair, VaultType } from '../model/choices.js'
import type { CheckId, Finding } from '../model/finding.js'
import type { CheckContext } from './check-context.js'
import type { KeyCheckContext } from './key-checks.js'

/** What code scanning shows for a check: its rule in the SARIF file. */
export interface CheckRule {
  /** One line, shown next to each alert. */
  short: string
  /** What the check guards and why it matters to Adobe. */
  full: string
  /** The fix in general terms; each result's message carries the fix for this vault and key. */
  help: string
  /**
   * Code scanning's `security-severity` (critical >= 9, high 7-8.9, medium 4-6.9). Our choice, as
   * no standard scores these: what makes Adobe treat the key as revoked (and purge data per its
   * SLA) is critical, what loses the key's safety nets or blocks setup is high, what cannot be
   * judged (sign-in) or is hygiene is medium.
   */
  securitySeverity: number
}

/**
 * A check's fix in the forms a team may keep its vault in. The contract wants all three where
 * the change has one, so that a vault kept in code is fixed there instead of drifting from it.
 * `terraform` and `bicep` are code, shown as code blocks: a fragment of the resource that makes the
 * change, with `<vault>`, `<key>` and `<hsm>` where the run's names go, and a comment inside that
 * says what to watch (e.g. an argument that forces replacement). Each module says in a comment
 * beside each form which provider or template reference it came from.
 */
export interface FixForms {
  /** The fix in words with its exact `az` command(s), Markdown (docs/checks.md). */
  az: string
  /** HCL for Terraform's `azurerm` provider; absent where Terraform has no form for it. */
  terraform?: string
  /** Bicep; absent where Bicep has no form for it. */
  bicep?: string
  /**
   * A Managed HSM's forms where they differ from a Key Vault's (other resources, other
   * arguments). When present, a form absent from it has no Managed HSM equivalent.
   */
  managedHsm?: CodeForms
}

/** The two code forms of a fix, for one kind of vault. */
export interface CodeForms {
  terraform?: string | undefined
  bicep?: string | undefined
}

/** The check's section of docs/checks.md, Markdown; the fix comes from FixForms. */
export interface CheckDocs {
  /** What the check reads. */
  checks: string
  why: string
  failsWhen: string
  /** Only for checks that can warn. */
  warnsWhen?: string
}

/**
 * How a check is decided, always without I/O. The evaluator runs it only once every check the
 * definition `needs` passed, so a 'vault' check never sees a missing vault, nor a 'key' check a
 * missing key.
 */
export type Evaluation =
  /** From all the facts, before any action. */
  | { over: 'facts'; evaluate: (facts: Facts, ctx: CheckContext) => Finding }
  /** From the vault's settings: needs vault.found. */
  | { over: 'vault'; evaluate: (vault: VaultFacts, ctx: CheckContext, facts: Facts) => Finding }
  /** From the key's latest version: needs key.found. */
  | { over: 'key'; evaluate: (key: KeyFacts, ctx: KeyCheckContext) => Finding }
  /** At the end of the run, from what setup observed: main decides it (config.status). */
  | { over: 'run-end' }

/**
 * What Adobe's monitoring makes of this check's failure once CMK is in force, in the words of
 * Adobe's CMK alert resolution reference: `key-access-disabled` (a disabled, expired or deleted
 * key, wrapKey/unwrapKey removed, the CMK app's role or the app removed) is treated "as a
 * purposeful removal", and Adobe "will purge all data associated with your organization, based on
 * your SLA"; `key-access-failure` (a blocked address) "is treated as a recoverable error. Data is
 * not purged under SLA in this case."
 */
export type AdobeAlert = 'key-access-disabled' | 'key-access-failure'

/** The repair `remediate` may make when the check fails; the writer itself is in src/actions. */
export interface RepairDefinition {
  /** The `remediate` item that allows it. */
  item: Repair
  /** What the job's identity needs for it on each kind of vault, as the fix names it. */
  permission: Readonly<Record<VaultType, string>>
}

/** Everything about one check, in one place: src/checks/check-catalog.ts lists them all. */
export interface CheckDefinition<Id extends CheckId = CheckId> {
  id: Id
  /**
   * The checks that must pass before this one is evaluated, in the order they are asked: the
   * first that did not pass is the one this check is skipped for.
   */
  needs: readonly CheckId[]
  evaluation: Evaluation
  rule: CheckRule
  /** The one thing to do when it fails first, short enough for the summary's verdict line. */
  nextStep: string
  docs: CheckDocs
  fix: FixForms
  /** Set when the check's failure means Adobe cannot use the key (a read the action could not make aside). */
  adobeAlert?: AdobeAlert
  repair?: RepairDefinition
}
