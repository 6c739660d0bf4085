import { pollUntil, type Clock, type PollOutcome } from './poll-schedule.js'

/**
 * How long a write whose answer was lost (a reset, a timeout, a 5xx, a 2xx that could not be
 * read) is looked for by reading the state back. The budget is its own: neither the remaining
 * wait-timeout-seconds nor anything else cuts it short (the run's deadline aside), since what
 * follows when nothing appears is never a second write in the same run.
 */
export const LOST_WRITE_GRACE_MS = 30_000

export interface LostWriteOptions {
  firstIntervalMs: number
  /** LOST_WRITE_GRACE_MS, or less in tests (AEP_CMK_RETRY_SCALE). */
  lostWriteGraceMs: number
  clock?: Clock | undefined
  signal?: AbortSignal | undefined
}

/**
 * Reads back after a write whose answer was lost, at the poll schedule, until `appeared` or the
 * grace period has passed.
 */
export function readBackLostWrite<T>(
  read: () => Promise<T>,
  appeared: (value: T) => boolean,
  options: LostWriteOptions
): Promise<PollOutcome<T>> {
  return pollUntil(read, appeared, {
    firstIntervalMs: options.firstIntervalMs,
    timeoutMs: options.lostWriteGraceMs,
    clock: options.clock,
    signal: options.signal
  })
}

/** What the error of a lost write adds when nothing appeared: why setup does not write again. */
export function notWrittenAgain(what: string, graceMs: number): string {
  return `no ${what} appeared within ${Math.round(graceMs / 100) / 10} s of reading it back, and setup never writes twice in one run (it could duplicate it); re-run setup, which reads the current state first`
}
