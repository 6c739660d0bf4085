import type { PlatformClient } from '../clients/adobe/platform-client.js'
import { isInProgress, type AdobeConfig } from '../model/facts.js'
import { ServiceError } from '../clients/http/service-error.js'
import type { PayloadFormat } from '../model/choices.js'
import { planConfig } from './config-plan.js'
import { notWrittenAgain, readBackLostWrite, type LostWriteOptions } from './lost-write.js'
import { pollUntil } from './poll-schedule.js'

export interface EnsureConfigResult {
  config: AdobeConfig
  submitted: boolean
  timedOut: boolean
}

export interface EnsureConfigInput extends LostWriteOptions {
  existing: AdobeConfig | null
  name: string
  keyIdentifier: string
  keyName: string
  payloadFormat: PayloadFormat
  timeoutMs: number
  onSubmit?: (() => void) | undefined
  onStatus?: ((config: AdobeConfig) => void) | undefined
}

/** Submits the key when needed, at most once per run, and follows the configuration to a final status. */
export async function ensureConfig(
  platform: PlatformClient,
  input: EnsureConfigInput
): Promise<EnsureConfigResult> {
  let config = input.existing
  let submitted = false
  if (planConfig(config) === 'submit') {
    input.onSubmit?.()
    config = await submitOnce(platform, input)
    submitted = true
  }
  if (!config) throw new Error('unreachable: no configuration after submission')
  input.onStatus?.(config)
  if (!isInProgress(config.status)) return { config, submitted, timedOut: false }
  const outcome = await pollUntil(
    readStatus(platform, config),
    current => !isInProgress(current.status),
    {
      firstIntervalMs: input.firstIntervalMs,
      timeoutMs: input.timeoutMs,
      clock: input.clock,
      signal: input.signal,
      onRead: input.onStatus
    }
  )
  return { config: outcome.value, submitted, timedOut: !outcome.done }
}

/**
 * Reads the status by the name it was submitted under, as Adobe documents. Adobe's answers carry
 * an internal name of their own: it is tried only when the submitted name answers 404 and an
 * answer named another, and then kept. This is right under both readings of the docs: where the
 * submitted name works (the documented case) the internal name is never used; where only the
 * internal name works, the run still follows its configuration instead of failing.
 */
function readStatus(platform: PlatformClient, first: AdobeConfig): () => Promise<AdobeConfig> {
  let name = first.name
  let fallback = first.adobeName !== first.name ? first.adobeName : undefined
  return async () => {
    const current = await platform.getConfig(name)
    if (current) {
      if (current.adobeName && current.adobeName !== name) fallback ??= current.adobeName
      return current
    }
    if (fallback) {
      const other = await platform.getConfig(fallback)
      if (other) {
        name = fallback
        fallback = undefined
        return other
      }
    }
    throw new ServiceError(
      'Adobe GET configuration status',
      404,
      `configuration "${name}" disappeared while it was being applied`
    )
  }
}

/**
 * A POST whose answer was lost (timeout, reset, 5xx, a 2xx that could not be read, a 409) may
 * still have been stored: the configuration is read back for a grace period of its own and
 * followed from there. It is never submitted a second time in the same run.
 */
async function submitOnce(
  platform: PlatformClient,
  input: EnsureConfigInput
): Promise<AdobeConfig> {
  const submission = {
    name: input.name,
    keyIdentifier: input.keyIdentifier,
    keyName: input.keyName,
    payloadFormat: input.payloadFormat
  }
  try {
    return await platform.submitConfig(submission)
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error
    const accepted = error.status !== undefined && error.status < 300
    const uncertain = error.retryable || error.status === 409 || accepted
    if (!uncertain) throw error
    // A FAILED configuration of that name is the one this submission replaces, not its result.
    const seen = await readBackLostWrite(
      () => platform.getConfig(input.name),
      stored => stored !== null && stored.status !== 'FAILED',
      input
    )
    if (seen.done && seen.value) return seen.value
    throw new ServiceError(
      error.call,
      error.status,
      `${error.serviceMessage}; ${notWrittenAgain(`configuration named "${input.name}"`, input.lostWriteGraceMs)}`
    )
  }
}
