import { LOST_WRITE_GRACE_MS } from './lost-write.js'
import type { Clock } from './poll-schedule.js'

/** The poll, lost-write and principal waits of setup, with the time left of their budget. */
export interface SetupWait {
  firstIntervalMs: number
  lostWriteGraceMs: number
  /** What is left of wait-timeout-seconds. */
  timeoutMs: number
  clock: Clock
  signal: AbortSignal
}

/** What the waits are set from: inputs wait-timeout-seconds and poll-interval-seconds, and the tuning. */
export interface SetupTiming {
  waitTimeoutSeconds: number
  pollIntervalSeconds: number
  tuning: { retryScale: number }
}

/**
 * The registration wait, the principal wait and the configuration wait share one
 * wait-timeout-seconds budget, counted from the moment setup starts acting.
 */
export function setupWaits(
  timing: SetupTiming,
  clock: Clock,
  signal: AbortSignal
): () => SetupWait {
  const deadline = clock.now() + timing.waitTimeoutSeconds * 1000
  // Tests shorten the action's own waits (AEP_CMK_RETRY_SCALE); wait-timeout-seconds stays.
  const scale = timing.tuning.retryScale
  return () => ({
    firstIntervalMs: timing.pollIntervalSeconds * 1000 * scale,
    lostWriteGraceMs: LOST_WRITE_GRACE_MS * scale,
    timeoutMs: Math.max(0, deadline - clock.now()),
    clock,
    signal
  })
}
