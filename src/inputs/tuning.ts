/**
 * Knobs that are not inputs: read once from the environment at the edge, with the inputs, and
 * handed to the HTTP layer and the deadline. Users never need them; tests and slow networks do.
 */
export interface Tuning {
  /**
   * Scales the action's own waits (backoff, ours and the Azure SDKs'; the polling interval; the
   * read-back of a lost write), never a service's Retry-After nor wait-timeout-seconds: 0 to 1,
   * 1 on a runner. Test-only, so that the suite does not spend its time in real waits.
   */
  retryScale: number
  /** The per-try timeout of every HTTP call. */
  httpTimeoutMs: number
  /** Seconds the reads may take on top of wait-timeout-seconds before the run is stopped. */
  readAllowanceSeconds: number
}

export const RETRY_SCALE_ENV = 'AEP_CMK_RETRY_SCALE'
/** Overrides the per-try timeout of every HTTP call, in seconds (decimals allowed). */
export const HTTP_TIMEOUT_ENV = 'AEP_CMK_HTTP_TIMEOUT_SECONDS'
/** Overrides the read allowance (for slow networks, and for tests of the deadline). */
export const READ_ALLOWANCE_ENV = 'AEP_CMK_READ_ALLOWANCE_SECONDS'

export const DEFAULT_HTTP_TIMEOUT_MS = 30_000
export const READ_ALLOWANCE_SECONDS = 300

function positiveNumber(raw: string | undefined): number | undefined {
  const value = raw?.trim() ? Number(raw.trim()) : NaN
  return Number.isFinite(value) && value > 0 ? value : undefined
}

/** The tuning in `env`; anything unset or out of range leaves the production value. */
export function parseTuning(env: Readonly<Record<string, string | undefined>>): Tuning {
  const rawScale = env[RETRY_SCALE_ENV]?.trim()
  const scale = rawScale ? Number(rawScale) : NaN
  const timeoutSeconds = positiveNumber(env[HTTP_TIMEOUT_ENV])
  return {
    retryScale: Number.isFinite(scale) && scale >= 0 && scale <= 1 ? scale : 1,
    httpTimeoutMs:
      timeoutSeconds === undefined ? DEFAULT_HTTP_TIMEOUT_MS : Math.round(timeoutSeconds * 1000),
    readAllowanceSeconds: positiveNumber(env[READ_ALLOWANCE_ENV]) ?? READ_ALLOWANCE_SECONDS
  }
}
