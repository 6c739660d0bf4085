import {
  DEFAULT_HTTP_TIMEOUT_MS,
  parseTuning,
  READ_ALLOWANCE_SECONDS
} from '../../../src/inputs/tuning.js'

describe('parseTuning', () => {
  it('gives the production values when nothing is set', () => {
    expect(parseTuning({})).toEqual({
      retryScale: 1,
      httpTimeoutMs: DEFAULT_HTTP_TIMEOUT_MS,
      readAllowanceSeconds: READ_ALLOWANCE_SECONDS
    })
    expect(DEFAULT_HTTP_TIMEOUT_MS).toBe(30_000)
    expect(READ_ALLOWANCE_SECONDS).toBe(300)
  })

  it('reads the per-try timeout in seconds, decimals allowed, rounded to whole ms', () => {
    expect(parseTuning({ AEP_CMK_HTTP_TIMEOUT_SECONDS: ' 2.5 ' }).httpTimeoutMs).toBe(2500)
    expect(parseTuning({ AEP_CMK_HTTP_TIMEOUT_SECONDS: '0.0006' }).httpTimeoutMs).toBe(1)
  })

  it('reads the read allowance in seconds', () => {
    expect(parseTuning({ AEP_CMK_READ_ALLOWANCE_SECONDS: '20' }).readAllowanceSeconds).toBe(20)
    expect(parseTuning({ AEP_CMK_READ_ALLOWANCE_SECONDS: '0.5' }).readAllowanceSeconds).toBe(0.5)
  })

  it.each(['', ' ', '0', '-1', 'soon', 'Infinity', 'NaN'])(
    'keeps the production values for %j',
    raw => {
      const tuning = parseTuning({
        AEP_CMK_HTTP_TIMEOUT_SECONDS: raw,
        AEP_CMK_READ_ALLOWANCE_SECONDS: raw
      })
      expect(tuning.httpTimeoutMs).toBe(DEFAULT_HTTP_TIMEOUT_MS)
      expect(tuning.readAllowanceSeconds).toBe(READ_ALLOWANCE_SECONDS)
    }
  )

  it('takes a retry scale from 0 to 1 only', () => {
    expect(parseTuning({ AEP_CMK_RETRY_SCALE: '0' }).retryScale).toBe(0)
    expect(parseTuning({ AEP_CMK_RETRY_SCALE: '1' }).retryScale).toBe(1)
    expect(parseTuning({ AEP_CMK_RETRY_SCALE: '0.25' }).retryScale).toBe(0.25)
    for (const raw of ['-0.1', '1.5', 'x', ''])
      expect(parseTuning({ AEP_CMK_RETRY_SCALE: raw }).retryScale).toBe(1)
  })
})
