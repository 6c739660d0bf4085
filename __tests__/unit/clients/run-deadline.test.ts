import { jest } from '@jest/globals'
import { startRunDeadline } from '../../../src/clients/run-deadline.js'

/** Whether a promise has settled, after the microtasks queued so far. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await Promise.resolve()
  await Promise.resolve()
  return done
}

describe('startRunDeadline', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('cancels the work 10 s before wait + allowance and asks for the report 5 s before', async () => {
    const deadline = startRunDeadline(1800, 300)
    const totalMs = 2100 * 1000
    jest.advanceTimersByTime(totalMs - 10_000 - 1)
    expect(deadline.reached()).toBe(false)
    expect(deadline.signal.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(deadline.reached()).toBe(true)
    expect((deadline.signal.reason as Error).message).toBe(
      'the run reached its deadline (wait-timeout-seconds + 300 s)'
    )
    jest.advanceTimersByTime(5_000 - 1)
    expect(await settled(deadline.mustReport)).toBe(false)
    jest.advanceTimersByTime(1)
    expect(await settled(deadline.mustReport)).toBe(true)
    deadline.clear()
  })

  it('keeps a tenth of a short run as the reporting margin', async () => {
    const deadline = startRunDeadline(0, 20)
    jest.advanceTimersByTime(18_000 - 1)
    expect(deadline.reached()).toBe(false)
    jest.advanceTimersByTime(1)
    expect(deadline.reached()).toBe(true)
    expect((deadline.signal.reason as Error).message).toContain('wait-timeout-seconds + 20 s')
    jest.advanceTimersByTime(1_000 - 1)
    expect(await settled(deadline.mustReport)).toBe(false)
    jest.advanceTimersByTime(1)
    expect(await settled(deadline.mustReport)).toBe(true)
    deadline.clear()
  })

  it('clear() stops both timers: nothing is cancelled and no report is asked for later', async () => {
    const deadline = startRunDeadline(0, 20)
    deadline.clear()
    jest.advanceTimersByTime(60_000)
    expect(deadline.reached()).toBe(false)
    expect(await settled(deadline.mustReport)).toBe(false)
    expect(jest.getTimerCount()).toBe(0)
  })

  it('runs exactly two timers, the cancellation and the report, until cleared', () => {
    const deadline = startRunDeadline(0, 20)
    expect(jest.getTimerCount()).toBe(2)
    deadline.clear()
  })
})
