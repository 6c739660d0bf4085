import { sleep } from './sleep.js'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** No retry starts once this much time has passed since the first attempt. */
  maxElapsedMs: number
}

/**
 * The longest Retry-After the action waits for, Azure and Adobe alike. A service that asks for
 * more (a day, say) is not retried: the call fails at once, quoting the answer, so a throttled
 * service cannot hold the run until its deadline.
 */
export const MAX_RETRY_AFTER_MS = 60_000

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxElapsedMs: 120_000
}

/** The policy with its backoff scaled; attempts and the elapsed-time budget stay. */
export function scaleRetryPolicy(policy: RetryPolicy, scale: number): RetryPolicy {
  if (scale === 1) return policy
  return {
    ...policy,
    baseDelayMs: policy.baseDelayMs * scale,
    maxDelayMs: policy.maxDelayMs * scale
  }
}

export interface RetryDecision {
  retry: boolean
  /** The service's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number | undefined
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>
  random: () => number
  now: () => number
}

export const realRetryDeps: RetryDeps = {
  sleep,
  random: Math.random,
  now: Date.now
}

/** Full-jitter exponential delay, or the service's Retry-After when it is longer. */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs?: number
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2)
  return retryAfterMs === undefined
    ? jittered
    : Math.min(Math.max(retryAfterMs, jittered), policy.maxElapsedMs, MAX_RETRY_AFTER_MS)
}

/**
 * Runs `attempt` until it succeeds, `classify` says an error is final, or the policy's attempts
 * or time run out; the last error is rethrown.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  classify: (error: unknown) => RetryDecision,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  deps: RetryDeps = realRetryDeps
): Promise<T> {
  const started = deps.now()
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      const decision = classify(error)
      if (!decision.retry || n >= policy.maxAttempts) throw error
      if ((decision.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) throw error
      const delay = retryDelayMs(n, policy, deps.random, decision.retryAfterMs)
      if (deps.now() - started + delay > policy.maxElapsedMs) throw error
      await deps.sleep(delay)
    }
  }
}

/** Says why a Retry-After is not waited for, or undefined when it is. */
export function refusedRetryAfter(retryAfterMs: number | undefined): string | undefined {
  if (retryAfterMs === undefined || retryAfterMs <= MAX_RETRY_AFTER_MS) return undefined
  return `it asked to retry after ${Math.round(retryAfterMs / 1000)} s (Retry-After), longer than the ${MAX_RETRY_AFTER_MS / 1000} s the action waits, so it was not retried`
}

/** Parses Retry-After: delta seconds or an HTTP-date. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
