import type { Tuning } from '../../inputs/tuning.js'
import type { Log } from '../../model/log.js'

/** What every HTTP call of a run shares: its cancellation, its log and its tuning. */
export interface HttpContext {
  /** The run's deadline: every request, retry wait and poll listens to it. */
  signal: AbortSignal
  /** Debug lines of every request (method, URL, status, duration). */
  log: Log
  tuning: Pick<Tuning, 'retryScale' | 'httpTimeoutMs'>
}
