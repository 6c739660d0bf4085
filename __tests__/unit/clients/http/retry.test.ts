import { parseTuning } from '../../../../src/inputs/tuning.js'
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  retryDelayMs,
  scaleRetryPolicy,
  withRetry,
  type RetryPolicy
} from '../../../../src/clients/http/retry.js'

const policy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1000,
  maxElapsedMs: 10_000
}

function fakeDeps() {
  let now = 0
  const sleeps: number[] = []
  return {
    sleeps,
    deps: {
      now: () => now,
      random: () => 1,
      sleep: async (ms: number) => {
        sleeps.push(ms)
        now += ms
      }
    }
  }
}

describe('retryDelayMs', () => {
  it('grows exponentially with jitter inside [ceiling/2, ceiling], capped', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(50)
    expect(retryDelayMs(1, policy, () => 1)).toBe(100)
    expect(retryDelayMs(3, policy, () => 1)).toBe(400)
    expect(retryDelayMs(10, policy, () => 1)).toBe(1000)
  })
  it('honours a longer Retry-After, bounded by the time budget', () => {
    expect(retryDelayMs(1, policy, () => 1, 5000)).toBe(5000)
    expect(retryDelayMs(1, policy, () => 1, 60_000)).toBe(10_000)
    expect(retryDelayMs(3, policy, () => 1, 10)).toBe(400)
  })
})

describe('AEP_CMK_RETRY_SCALE', () => {
  it('leaves the production backoff alone unless set to a number from 0 to 1', () => {
    const retryScale = (env: Record<string, string>) => parseTuning(env).retryScale
    expect(retryScale({})).toBe(1)
    for (const raw of ['', 'fast', '-0.5', '2', 'Infinity']) {
      expect(retryScale({ AEP_CMK_RETRY_SCALE: raw })).toBe(1)
    }
    expect(retryScale({ AEP_CMK_RETRY_SCALE: ' 0.1 ' })).toBe(0.1)
    expect(retryScale({ AEP_CMK_RETRY_SCALE: '0' })).toBe(0)
    expect(scaleRetryPolicy(DEFAULT_RETRY_POLICY, 1)).toBe(DEFAULT_RETRY_POLICY)
  })

  it('scales our backoff but never a Retry-After, and keeps attempts and time budget', () => {
    const scaled = scaleRetryPolicy(policy, 0.1)
    expect(scaled).toEqual({
      maxAttempts: 4,
      baseDelayMs: 10,
      maxDelayMs: 100,
      maxElapsedMs: 10_000
    })
    expect(retryDelayMs(1, scaled, () => 1)).toBe(10)
    expect(retryDelayMs(10, scaled, () => 1)).toBe(100)
    expect(retryDelayMs(1, scaled, () => 1, 3000)).toBe(3000)
  })
})

describe('withRetry', () => {
  it('retries retryable errors and returns the first success', async () => {
    const { deps, sleeps } = fakeDeps()
    let calls = 0
    const value = await withRetry(
      async () => {
        calls++
        if (calls < 3) throw new Error('flaky')
        return 'ok'
      },
      () => ({ retry: true }),
      policy,
      deps
    )
    expect(value).toBe('ok')
    expect(calls).toBe(3)
    expect(sleeps).toEqual([100, 200])
  })

  it('stops at once on a final error', async () => {
    const { deps, sleeps } = fakeDeps()
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw new Error('400')
        },
        () => ({ retry: false }),
        policy,
        deps
      )
    ).rejects.toThrow('400')
    expect(calls).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('gives up after maxAttempts and rethrows the last error', async () => {
    const { deps } = fakeDeps()
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw new Error(`e${calls}`)
        },
        () => ({ retry: true }),
        policy,
        deps
      )
    ).rejects.toThrow('e4')
    expect(calls).toBe(4)
  })

  it('does not start a retry past the time budget', async () => {
    const { deps, sleeps } = fakeDeps()
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw new Error('busy')
        },
        () => ({ retry: true, retryAfterMs: 6000 }),
        policy,
        deps
      )
    ).rejects.toThrow('busy')
    expect(sleeps).toEqual([6000])
    expect(calls).toBe(2)
  })
})

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})
