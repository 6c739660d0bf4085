import { pollIntervalMs, pollUntil } from '../../../src/actions/poll-schedule.js'
import { fakeClock } from './fakes.js'

describe('pollIntervalMs', () => {
  it('starts at the first interval, grows by half, never exceeds 60 s', () => {
    expect([1, 2, 3, 4].map(n => pollIntervalMs(10_000, n))).toEqual([
      10_000, 15_000, 22_500, 33_750
    ])
    expect(pollIntervalMs(10_000, 6)).toBe(60_000)
    expect(pollIntervalMs(60_000, 1)).toBe(60_000)
    expect(pollIntervalMs(10_000, 50)).toBe(60_000)
  })
})

describe('pollUntil', () => {
  it('returns as soon as the value is final', async () => {
    const clock = fakeClock()
    const statuses = ['NEW', 'RUNNING', 'COMPLETED', 'NEVER']
    let reads = 0
    const outcome = await pollUntil(
      async () => statuses[reads++],
      s => s === 'COMPLETED',
      {
        firstIntervalMs: 1000,
        timeoutMs: 60_000,
        clock
      }
    )
    expect(outcome).toEqual({ done: true, value: 'COMPLETED' })
    expect(reads).toBe(3)
    expect(clock.sleeps).toEqual([1000, 1500, 2250])
  })

  it("counts each interval from the previous read's start, so a slow answer does not delay the next read", async () => {
    let now = 0
    const sleeps: number[] = []
    const readsAt: number[] = []
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms)
        now += ms
      }
    }
    const statuses = ['RUNNING', 'RUNNING', 'COMPLETED']
    const outcome = await pollUntil(
      async () => {
        readsAt.push(now)
        now += 400 // the answer's latency
        return statuses[readsAt.length - 1]
      },
      s => s === 'COMPLETED',
      { firstIntervalMs: 1000, timeoutMs: 60_000, clock }
    )
    expect(outcome).toEqual({ done: true, value: 'COMPLETED' })
    expect(readsAt).toEqual([1000, 2500, 4750])
    expect(sleeps).toEqual([1000, 1100, 1850])
  })

  it('times out at the deadline with the last value, shortening the last wait', async () => {
    const clock = fakeClock()
    const outcome = await pollUntil(
      async () => 'RUNNING',
      () => false,
      {
        firstIntervalMs: 10_000,
        timeoutMs: 30_000,
        clock
      }
    )
    expect(outcome).toEqual({ done: false, value: 'RUNNING', timedOut: true })
    expect(clock.sleeps).toEqual([10_000, 15_000, 5000])
    expect(clock.now()).toBe(30_000)
  })

  it('reads once when the timeout is zero', async () => {
    const clock = fakeClock()
    let reads = 0
    const outcome = await pollUntil(
      async () => ++reads,
      () => false,
      { firstIntervalMs: 1000, timeoutMs: 0, clock }
    )
    expect(outcome.done).toBe(false)
    expect(reads).toBe(1)
    expect(clock.sleeps).toEqual([])
  })

  it('with no time left reads once, at once, and reports that read', async () => {
    const clock = fakeClock()
    const seen: string[] = []
    const outcome = await pollUntil(
      async () => 'COMPLETED',
      s => s === 'COMPLETED',
      { firstIntervalMs: 1000, timeoutMs: 0, clock, onRead: v => seen.push(v) }
    )
    expect(outcome).toEqual({ done: true, value: 'COMPLETED' })
    expect(clock.sleeps).toEqual([])
    expect(seen).toEqual(['COMPLETED'])
  })

  it('stops waiting when the run is cancelled', async () => {
    const controller = new AbortController()
    controller.abort(new Error('the run reached its deadline'))
    let reads = 0
    await expect(
      pollUntil(
        async () => {
          reads++
          return 'RUNNING'
        },
        () => false,
        { firstIntervalMs: 60_000, timeoutMs: 600_000, signal: controller.signal }
      )
    ).rejects.toThrow('the run reached its deadline')
    expect(reads).toBe(0)
  })
})
