import {
  CONFIG_STATUSES,
  type AdobeConfig,
  type AdobeStatus,
  type ConfigStatus,
  type Read,
  type ReadError,
  type VaultFacts
} from '../model/facts.js'
import type { Mode } from '../model/choices.js'
import type { CheckId, Finding } from '../model/finding.js'
import { skipped } from './skipped.js'
import { describeReadError, readErrorEvidence } from './read-error.js'

/** The vault and key an Adobe configuration points at, as far as it says. */
export interface ConfiguredKey {
  /** Lower-cased host, with the port when one is given. */
  vaultHost?: string | undefined
  keyName?: string | undefined
}

function parseUrl(text: string | undefined): URL | undefined {
  if (!text) return undefined
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

function keyNameFromPath(url: URL | undefined): string | undefined {
  const match = url?.pathname.match(/^\/keys\/([^/]+)/i)
  return match?.[1] ? decodeURIComponent(match[1]) : undefined
}

/**
 * The current API answers keyVaultKeyIdentifier (versioned key URL) and keyVaultUri (vault base
 * URL); the legacy API stores the key identifier in keyVaultUri and the name in keyName.
 */
export function configuredKey(config: AdobeConfig): ConfiguredKey {
  const identifier = parseUrl(config.keyVaultKeyIdentifier)
  const uri = parseUrl(config.keyVaultUri)
  const vaultUrl = identifier ?? uri
  return {
    vaultHost: vaultUrl?.host.toLowerCase(),
    keyName: keyNameFromPath(identifier) ?? keyNameFromPath(uri) ?? config.keyName
  }
}

export function configKeyFinding(
  config: Read<AdobeConfig | null>,
  vault: Read<VaultFacts>,
  keyName: string
): Finding {
  if (!config.ok) {
    return {
      id: 'config.key',
      outcome: 'warn',
      detail: `This cannot be decided: the Adobe configuration could not be read (${describeReadError(config.error)}).`,
      fix: 'Check config-name, adobe-org-id and the Adobe credential, then re-run the job.',
      evidence: readErrorEvidence(config.error)
    }
  }
  if (config.value === null) {
    return {
      id: 'config.key',
      outcome: 'pass',
      detail: 'There is no configuration yet, so none points at another vault or key.',
      evidence: { config: null }
    }
  }
  if (!vault.ok) return skipped('config.key', 'vault.found')
  const found = configuredKey(config.value)
  const expectedHost = parseUrl(vault.value.vaultUri)?.host.toLowerCase()
  const evidence = {
    configName: config.value.name,
    configured: found,
    expected: { vaultHost: expectedHost, keyName }
  }
  if (!found.vaultHost || !found.keyName) {
    return {
      id: 'config.key',
      outcome: 'warn',
      detail: `This cannot be decided: configuration ${config.value.name} names vault ${found.vaultHost ?? 'none'} and key ${found.keyName ?? 'none'}.`,
      fix: 'Look at the configuration in the Adobe Experience Platform UI (Encryption > Customer Managed Keys) and check it names this vault and key.',
      evidence
    }
  }
  const sameVault = found.vaultHost === expectedHost
  const sameKey = found.keyName.toLowerCase() === keyName.toLowerCase()
  if (sameVault && sameKey) {
    return {
      id: 'config.key',
      outcome: 'pass',
      detail: `Configuration ${config.value.name} points at key ${found.keyName} in vault ${found.vaultHost}.`,
      evidence
    }
  }
  return {
    id: 'config.key',
    outcome: 'fail',
    detail: `Configuration ${config.value.name} points at key ${found.keyName} in vault ${found.vaultHost}, not key ${keyName} in vault ${expectedHost ?? vault.value.vaultUri}.`,
    fix: 'Set key-vault-name and key-name to the configured vault and key, or set config-name to a new configuration name; Adobe keeps one vault and key per configuration.',
    evidence
  }
}

/** The configuration status main observed at the end of the run. */
export type ObservedConfigStatus = AdobeStatus | 'NOT_CONFIGURED' | 'UNKNOWN'

/** The status the outputs and the report give: a documented one, NOT_CONFIGURED or UNKNOWN. */
export type PublishedStatus = ConfigStatus | 'NOT_CONFIGURED' | 'UNKNOWN'

/**
 * A status Adobe's docs do not list is published as UNKNOWN: a workflow that branches on the
 * `status` output must only ever see the documented values. The raw one is quoted in the log
 * and the report (statusAsSent).
 */
export function publishedStatus(observed: ObservedConfigStatus): PublishedStatus {
  if (observed === 'NOT_CONFIGURED') return 'NOT_CONFIGURED'
  return CONFIG_STATUSES.find(documented => documented === observed) ?? 'UNKNOWN'
}

export interface ConfigStatusContext {
  configName: string
  /** setup gave up waiting for a terminal status. */
  timedOut?: boolean | undefined
  /** How long setup waited, for the timed-out message. */
  waitedSeconds?: number | undefined
  /** setup did not submit because checks failed (or warned under strict). */
  submitBlocked?: boolean | undefined
  /** The first of the checks that stopped the submission, when one did. */
  blockedBy?: CheckId | undefined
  /** Why the status is UNKNOWN, when reading it failed. */
  readError?: ReadError | undefined
}

const FAILED_FIX =
  "Adobe ends FAILED when the key, vault or CMK app set-up has a problem: check that the key is enabled and not expired, that the CMK app's service principal holds Key Vault Crypto Service Encryption User on the vault, and that the vault's network settings let it through, then re-run setup."

export function configStatusFinding(
  status: ObservedConfigStatus,
  mode: Mode,
  ctx: ConfigStatusContext
): Finding {
  const evidence: Record<string, unknown> = { status, configName: ctx.configName }
  const name = ctx.configName
  if (status === 'COMPLETED') {
    return {
      id: 'config.status',
      outcome: 'pass',
      detail: `Configuration ${name} is COMPLETED.`,
      evidence
    }
  }
  if (status === 'UNKNOWN') {
    const why = ctx.readError ? ` (${describeReadError(ctx.readError)})` : ''
    if (ctx.readError) Object.assign(evidence, { error: readErrorEvidence(ctx.readError) })
    return {
      id: 'config.status',
      outcome: mode === 'validate' ? 'warn' : 'fail',
      detail: `The status of configuration ${name} is unknown${why}.`,
      fix: 'Check config-name, adobe-org-id, adobe-region and the Adobe credential, then re-run the job.',
      evidence
    }
  }
  if (status === 'NOT_CONFIGURED') {
    if (mode === 'validate') {
      return {
        id: 'config.status',
        outcome: 'pass',
        detail: `There is no configuration named ${name} yet; setup will submit it.`,
        evidence
      }
    }
    if (mode === 'check') {
      return {
        id: 'config.status',
        outcome: 'fail',
        detail: `There is no configuration named ${name}.`,
        fix: 'Run the action with mode: setup, or set config-name to the name used when customer-managed keys were enabled (e.g. in the Adobe UI).',
        evidence
      }
    }
    // The checks that stopped the submission already fail the run; this one adds nothing.
    if (ctx.submitBlocked && ctx.blockedBy) return skipped('config.status', ctx.blockedBy)
    return {
      id: 'config.status',
      outcome: 'fail',
      detail: ctx.submitBlocked
        ? `There is no configuration named ${name}; setup did not submit one because checks failed.`
        : `There is no configuration named ${name}.`,
      fix: ctx.submitBlocked
        ? 'Fix the failed checks, then re-run setup.'
        : 'Re-run setup; if this repeats, check the Adobe credential and config-name.',
      evidence
    }
  }
  if (status === 'FAILED') {
    return {
      id: 'config.status',
      outcome: mode === 'validate' ? 'warn' : 'fail',
      detail:
        mode === 'validate'
          ? `Configuration ${name} ended FAILED; setup would submit it again.`
          : `Configuration ${name} ended FAILED.`,
      fix: FAILED_FIX,
      evidence
    }
  }
  // From here on the status is in progress: NEW, RUNNING, UPDATE_EXISTING_RESOURCES or one
  // Adobe's docs do not list.
  if (mode === 'validate') {
    return {
      id: 'config.status',
      outcome: 'warn',
      detail: `Configuration ${name} is still ${status}; setup would wait for it rather than submit again.`,
      fix: 'Wait a few minutes and re-run; Adobe usually finishes within minutes.',
      evidence
    }
  }
  if (mode === 'check') {
    return {
      id: 'config.status',
      outcome: 'fail',
      detail: `Configuration ${name} is ${status}, not COMPLETED.`,
      fix: 'Wait a few minutes and re-run the check; if it stays in progress, contact Adobe support.',
      evidence
    }
  }
  if (ctx.submitBlocked && !ctx.timedOut) {
    return {
      id: 'config.status',
      outcome: 'fail',
      detail: `Configuration ${name} is ${status}; setup did not follow it because checks failed.`,
      fix: 'Fix the failed checks, then re-run setup: it follows the configuration without submitting it again.',
      evidence
    }
  }
  const waited = ctx.waitedSeconds === undefined ? '' : ` after ${ctx.waitedSeconds} s`
  Object.assign(evidence, { timedOut: ctx.timedOut, waitedSeconds: ctx.waitedSeconds })
  return {
    id: 'config.status',
    outcome: 'fail',
    detail: `Configuration ${name} is still ${status}${waited}.`,
    fix: 'Re-run later: the action does not submit twice and picks up the status; raise wait-timeout-seconds to wait longer.',
    evidence
  }
}

/** config.status when setup stopped short of a failed check, or a write failed unexpectedly. */
export function setupStoppedFinding(reason: string): Finding {
  return {
    id: 'config.status',
    outcome: 'fail',
    detail: `Setup stopped: ${reason}`,
    fix: 'Re-run the job: the action reads the current state first and never submits a configuration Adobe already has.'
  }
}
