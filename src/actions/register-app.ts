import type { PlatformClient } from '../clients/adobe/platform-client.js'
import type { AppRegistration } from '../model/facts.js'
import { ServiceError } from '../clients/http/service-error.js'
import { notWrittenAgain, readBackLostWrite, type LostWriteOptions } from './lost-write.js'
import { pollUntil, realClock } from './poll-schedule.js'

export interface RegistrationOutcome {
  /** The last registration Adobe showed; null when it showed none. */
  registration: AppRegistration | null
  /** The consent URL did not appear within the wait. */
  timedOut: boolean
  /** Adobe answered the POST 409: the registration was there already (another run made it). */
  conflict?: true | undefined
}

/**
 * Registers the CMK app (POST, no body) unless Adobe already has it, and reads the
 * registration until its consent URL appears, within timeoutMs. When the POST fails in a way
 * that may have reached Adobe, the registration is read back for a grace period of its own
 * (lostWriteGraceMs, not cut short by timeoutMs); it is never posted twice in one run.
 */
export async function registerCmkApp(
  platform: PlatformClient,
  existing: AppRegistration | null,
  options: LostWriteOptions & { timeoutMs: number }
): Promise<RegistrationOutcome> {
  const clock = options.clock ?? realClock
  const deadline = clock.now() + options.timeoutMs
  const remaining = () => ({ ...options, clock, timeoutMs: Math.max(0, deadline - clock.now()) })
  // A registration Adobe is still preparing (no consent URL yet) is waited for, not made again.
  const posted = existing?.applicationId
    ? 'not-posted'
    : await postRegistration(platform, remaining())
  const outcome = await pollUntil(
    () => platform.getRegistration(),
    registration => Boolean(registration?.applicationRedirectUrl),
    remaining()
  )
  return {
    registration: outcome.value,
    timedOut: !outcome.done,
    ...(posted === 'conflict' && { conflict: true })
  }
}

/**
 * Posts the registration. A 409 means that one exists already: another setup run for the org
 * registered it between this run's read and its POST. It is read back like a lost write, never
 * taken as a failure.
 */
async function postRegistration(
  platform: PlatformClient,
  options: LostWriteOptions
): Promise<'posted' | 'conflict'> {
  try {
    await platform.registerApp()
    return 'posted'
  } catch (error) {
    // A 2xx whose body could not be read was accepted; a network error, timeout or 5xx may have been.
    const conflict = error instanceof ServiceError && error.status === 409
    const mayHaveArrived =
      error instanceof ServiceError &&
      (conflict || error.retryable || (error.status !== undefined && error.status < 300))
    if (!mayHaveArrived) throw error
    // Adobe registers asynchronously: a lost POST may show up only after a few reads.
    const seen = await readBackLostWrite(
      () => platform.getRegistration(),
      registration => registration !== null,
      options
    )
    if (!seen.done)
      throw new ServiceError(
        error.call,
        error.status,
        `${error.serviceMessage}; ${notWrittenAgain('CMK app registration', options.lostWriteGraceMs)}`
      )
    return conflict ? 'conflict' : 'posted'
  }
}
