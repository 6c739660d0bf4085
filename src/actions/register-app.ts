import type { PlatformClient } from '../clients/adobe/platform-client.js'
import type { AppRegistration } from '../facts/facts.js'
import { ServiceError } from '../clients/http/service-error.js'
import { pollUntil, realClock, type Clock } from './poll-schedule.js'

export interface RegistrationOutcome {
  /** The last registration Adobe showed; null when it showed none. */
  registration: AppRegistration | null
  /** The consent URL did not appear within the wait. */
  timedOut: boolean
}

/**
 * Registers the CMK app (POST, no body) unless Adobe already has it, and reads the
 * registration until its consent URL appears, all within timeoutMs. When the POST fails in a
 * way that may have reached Adobe, the registration is read back before anything else is tried.
 */
export async function registerCmkApp(
  platform: PlatformClient,
  existing: AppRegistration | null,
  options: { firstIntervalMs: number; timeoutMs: number; clock?: Clock; signal?: AbortSignal }
): Promise<RegistrationOutcome> {
  const clock = options.clock ?? realClock
  const deadline = clock.now() + options.timeoutMs
  const remaining = () => ({ ...options, clock, timeoutMs: Math.max(0, deadline - clock.now()) })
  // A registration Adobe is still preparing (no consent URL yet) is waited for, not made again.
  if (!existing?.applicationId) await postRegistration(platform, remaining())
  const outcome = await pollUntil(
    () => platform.getRegistration(),
    registration => Boolean(registration?.applicationRedirectUrl),
    remaining()
  )
  return { registration: outcome.value, timedOut: !outcome.done }
}

/** How long a registration whose POST answer was lost is looked for before posting again. */
const LOST_POST_GRACE_MS = 30_000

async function postRegistration(
  platform: PlatformClient,
  options: { firstIntervalMs: number; timeoutMs: number; clock?: Clock; signal?: AbortSignal }
): Promise<void> {
  try {
    await platform.registerApp()
  } catch (error) {
    const mayHaveArrived = error instanceof ServiceError && error.retryable
    if (!mayHaveArrived) throw error
    // Adobe registers asynchronously: a lost POST may show up only after a few reads.
    const seen = await pollUntil(
      () => platform.getRegistration(),
      registration => registration !== null,
      { ...options, timeoutMs: Math.min(options.timeoutMs, LOST_POST_GRACE_MS) }
    )
    if (!seen.done) await platform.registerApp()
  }
}
