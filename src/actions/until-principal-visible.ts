import { pollIntervalMs, realClock, type Clock } from './poll-schedule.js'

export interface PrincipalWaitOptions {
  /** The first wait after PrincipalNotFound; later waits grow by half, capped at 60 s. */
  firstIntervalMs: number
  /** How long a principal that the service cannot see yet is waited for. */
  timeoutMs: number
  clock?: Clock | undefined
  signal: AbortSignal
}

/**
 * Runs `write` until the service can see the principal it names. A principal created moments ago
 * may not have replicated yet, and ARM then answers 400 PrincipalNotFound. Microsoft's guidance
 * (https://aka.ms/docs-principaltype, quoted in that very error) is to set principalType, which
 * lets ARM skip the directory look-up: assign-vault-role sends `ServicePrincipal`, so for Azure RBAC
 * this loop is only a fallback. A Managed HSM's local RBAC takes no principalType, so there it may
 * be the only remedy. The write is repeated with growing waits until timeoutMs has passed, the
 * last attempt at the deadline. Any other error is thrown at once. Returns the result and the
 * number of attempts.
 */
export async function untilPrincipalVisible<T>(
  write: () => Promise<T>,
  options: PrincipalWaitOptions
): Promise<{ result: T; attempts: number }> {
  const clock = options.clock ?? realClock
  const deadline = clock.now() + options.timeoutMs
  for (let attempt = 1; ; attempt++) {
    try {
      return { result: await write(), attempts: attempt }
    } catch (error) {
      const remaining = deadline - clock.now()
      if ((error as { code?: unknown }).code !== 'PrincipalNotFound' || remaining <= 0) throw error
      await clock.sleep(
        Math.min(pollIntervalMs(options.firstIntervalMs, attempt), remaining),
        options.signal
      )
      options.signal.throwIfAborted()
    }
  }
}
