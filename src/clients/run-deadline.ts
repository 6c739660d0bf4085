/** Time kept at the end of the run for reporting: at most 10 s, a tenth of a short run. */
const REPORTING_MARGIN_MS = 10_000

export interface RunDeadline {
  /** Aborted when the work must stop: every request, retry wait and poll listens to it. */
  signal: AbortSignal
  /**
   * Resolves a little later, when the run must report whatever is still pending: the backstop
   * for anything that does not listen to the signal (a library's timer, a child process).
   */
  mustReport: Promise<void>
  /** True once the signal was aborted. */
  reached(): boolean
  clear(): void
}

/**
 * The run's deadline, wait-timeout-seconds + the read allowance (300 s) after it starts: the work is cancelled a
 * reporting margin before it and reported half a margin before it, so that outputs, summary and
 * report are written by the deadline whatever the services do.
 */
export function startRunDeadline(waitTimeoutSeconds: number, allowance: number): RunDeadline {
  const totalMs = (waitTimeoutSeconds + allowance) * 1000
  const margin = Math.min(REPORTING_MARGIN_MS, totalMs / 10)
  const controller = new AbortController()
  const abortTimer = setTimeout(
    () =>
      controller.abort(
        new Error(`the run reached its deadline (wait-timeout-seconds + ${allowance} s)`)
      ),
    totalMs - margin
  )
  let reportTimer: NodeJS.Timeout | undefined
  const mustReport = new Promise<void>(resolve => {
    reportTimer = setTimeout(resolve, totalMs - margin / 2)
  })
  // Both timers keep the process alive (clear() ends them): a run whose work waits on nothing
  // that holds the event loop must still report, not exit silently.
  return {
    signal: controller.signal,
    mustReport,
    reached: () => controller.signal.aborted,
    clear: () => {
      clearTimeout(abortTimer)
      clearTimeout(reportTimer)
    }
  }
}
