import { sleep } from '../clients/http/sleep.js'

export const MAX_POLL_INTERVAL_MS = 60_000

/** The wait before poll number `n` (1-based): the first interval, growing by half each time, capped at 60 s. */
export function pollIntervalMs(firstIntervalMs: number, n: number): number {
  return Math.min(MAX_POLL_INTERVAL_MS, Math.round(firstIntervalMs * 1.5 ** (n - 1)))
}

export interface Clock {
  now: () => number
  /** Resolves after ms, or early when signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

export const realClock: Clock = { now: Date.now, sleep }

export type PollOutcome<T> = { done: true; value: T } | { done: false; value: T; timedOut: true }

/**
 * Reads until `isDone` or until `timeoutMs` has passed; the last wait is shortened so that the
 * final read happens at the deadline rather than after it. Each interval runs from the start of
 * the previous read (the first from the call), not from its answer: a status read needs only
 * the time to have passed, so a slow answer does not push every later read back by its latency.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  options: {
    firstIntervalMs: number
    timeoutMs: number
    clock?: Clock | undefined
    /** The run's deadline: stops the wait at once instead of after the current interval. */
    signal?: AbortSignal | undefined
    onRead?: ((value: T) => void) | undefined
  }
): Promise<PollOutcome<T>> {
  const clock = options.clock ?? realClock
  const deadline = clock.now() + options.timeoutMs
  let lastReadAt = clock.now()
  for (let n = 1; ; n++) {
    const remaining = deadline - clock.now()
    if (remaining > 0) {
      const due = lastReadAt + pollIntervalMs(options.firstIntervalMs, n) - clock.now()
      await clock.sleep(Math.min(Math.max(0, due), remaining), options.signal)
    }
    options.signal?.throwIfAborted()
    lastReadAt = clock.now()
    const value = await read()
    options.onRead?.(value)
    if (isDone(value)) return { done: true, value }
    if (clock.now() >= deadline) return { done: false, value, timedOut: true }
  }
}
