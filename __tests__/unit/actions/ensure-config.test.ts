import { ensureConfig, type EnsureConfigInput } from '../../../src/actions/ensure-config.js'
import { ServiceError } from '../../../src/clients/http/service-error.js'
import type { AdobeConfig } from '../../../src/model/facts.js'
import { fakeClock, fakePlatform } from './fakes.js'

const KEY_ID = 'https://kv-prod.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef'

const config = (status: string, more: Partial<AdobeConfig> = {}): AdobeConfig =>
  ({ name: 'cfg', status, ...more }) as AdobeConfig

function input(more: Partial<EnsureConfigInput> = {}) {
  const statuses: string[] = []
  const clock = fakeClock()
  let submits = 0
  const value: EnsureConfigInput = {
    existing: null,
    name: 'cfg',
    keyIdentifier: KEY_ID,
    keyName: 'cmk',
    payloadFormat: 'current',
    firstIntervalMs: 1000,
    lostWriteGraceMs: 5000,
    timeoutMs: 60_000,
    clock,
    onSubmit: () => submits++,
    onStatus: c => statuses.push(`${c.name}:${c.status}`),
    ...more
  }
  return { value, statuses, clock, submits: () => submits }
}

const lost = (status: number | undefined, message = 'simulated') =>
  new ServiceError('Adobe POST configuration', status, message)

describe('ensureConfig: what it does about the configuration it read', () => {
  it('submits the key when there is none and follows it to COMPLETED', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [config('NEW')],
      getConfig: [config('RUNNING'), config('COMPLETED')]
    })
    const run = input()
    const result = await ensureConfig(platform, run.value)
    expect(result).toEqual({ config: config('COMPLETED'), submitted: true, timedOut: false })
    expect(calls).toEqual([
      `POST config ${JSON.stringify({ name: 'cfg', keyIdentifier: KEY_ID, keyName: 'cmk', payloadFormat: 'current' })}`,
      'GET config cfg',
      'GET config cfg'
    ])
    expect(run.submits()).toBe(1)
    expect(run.statuses).toEqual(['cfg:NEW', 'cfg:RUNNING', 'cfg:COMPLETED'])
    expect(run.clock.sleeps).toEqual([1000, 1500])
  })

  it('submits again over a FAILED one', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [config('COMPLETED')]
    })
    const result = await ensureConfig(platform, input({ existing: config('FAILED') }).value)
    expect(result).toEqual({ config: config('COMPLETED'), submitted: true, timedOut: false })
    expect(calls).toHaveLength(1)
  })

  it('leaves a COMPLETED one alone: no write, no read', async () => {
    const { platform, calls } = fakePlatform({})
    const run = input({ existing: config('COMPLETED') })
    const result = await ensureConfig(platform, run.value)
    expect(result).toEqual({ config: config('COMPLETED'), submitted: false, timedOut: false })
    expect(calls).toEqual([])
    expect(run.submits()).toBe(0)
    expect(run.statuses).toEqual(['cfg:COMPLETED'])
  })

  it('follows one in progress without submitting', async () => {
    const { platform, calls } = fakePlatform({ getConfig: [config('FAILED')] })
    const run = input({ existing: config('UPDATE_EXISTING_RESOURCES') })
    const result = await ensureConfig(platform, run.value)
    expect(result).toEqual({ config: config('FAILED'), submitted: false, timedOut: false })
    expect(calls).toEqual(['GET config cfg'])
    expect(run.submits()).toBe(0)
  })

  it('reports a time-out with the last status once timeoutMs has passed', async () => {
    const { platform } = fakePlatform({ getConfig: [config('RUNNING')] })
    const run = input({ existing: config('NEW'), timeoutMs: 3000 })
    const result = await ensureConfig(platform, run.value)
    expect(result).toEqual({ config: config('RUNNING'), submitted: false, timedOut: true })
    expect(run.clock.now()).toBe(3000)
  })

  it('works without the callbacks', async () => {
    const { platform } = fakePlatform({ getConfig: [config('COMPLETED')] })
    const run = input({ onSubmit: undefined, onStatus: undefined })
    await expect(ensureConfig(platform, run.value)).resolves.toMatchObject({ submitted: true })
  })
})

describe("ensureConfig: the name the status is read by (Adobe's internal name as a fallback)", () => {
  it('keeps to the submitted name while it answers, even when the answer names another', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [config('NEW', { adobeName: 'acp-internal' })],
      getConfig: [config('RUNNING', { adobeName: 'acp-internal' }), config('COMPLETED')]
    })
    await ensureConfig(platform, input().value)
    expect(calls.slice(1)).toEqual(['GET config cfg', 'GET config cfg'])
  })

  it('reads by the internal name of the POST answer when the submitted name answers 404, and keeps it', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [config('NEW', { adobeName: 'acp-internal' })],
      getConfig: [
        null,
        config('RUNNING', { name: 'acp-internal' }),
        config('COMPLETED', { name: 'acp-internal' })
      ]
    })
    const result = await ensureConfig(platform, input().value)
    expect(result.config).toEqual(config('COMPLETED', { name: 'acp-internal' }))
    expect(calls.slice(1)).toEqual([
      'GET config cfg',
      'GET config acp-internal',
      'GET config acp-internal'
    ])
  })

  it('learns the internal name from a status answer when the POST answer had none', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [config('NEW')],
      getConfig: [
        config('RUNNING', { adobeName: 'acp-internal' }),
        null,
        config('COMPLETED', { name: 'acp-internal' })
      ]
    })
    const result = await ensureConfig(platform, input().value)
    expect(result.config.status).toBe('COMPLETED')
    expect(calls.slice(1)).toEqual(['GET config cfg', 'GET config cfg', 'GET config acp-internal'])
  })

  it('fails naming the configuration when neither name answers', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [config('NEW', { adobeName: 'acp-internal' })],
      getConfig: [null]
    })
    const error = await ensureConfig(platform, input().value).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({
      call: 'Adobe GET configuration status',
      status: 404,
      serviceMessage: 'configuration "cfg" disappeared while it was being applied'
    })
    expect(calls.slice(1)).toEqual(['GET config cfg', 'GET config acp-internal'])
  })

  it('an answer that names the submitted name itself adds no second name to read by', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [config('NEW')],
      getConfig: [config('RUNNING', { adobeName: 'cfg' }), null]
    })
    await expect(ensureConfig(platform, input().value)).rejects.toThrow(
      'configuration "cfg" disappeared'
    )
    expect(calls.slice(1)).toEqual(['GET config cfg', 'GET config cfg'])
  })

  it('without an internal name, a 404 fails at once', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [config('NEW', { adobeName: 'cfg' })],
      getConfig: [null]
    })
    await expect(ensureConfig(platform, input().value)).rejects.toThrow(
      'configuration "cfg" disappeared'
    )
    expect(calls.slice(1)).toEqual(['GET config cfg'])
  })
})

describe('ensureConfig: a POST whose answer was lost is read back, never sent again', () => {
  it.each([
    ['a network error (no status)', undefined],
    ['a 503', 503],
    ['a 409', 409],
    ['a 2xx whose body could not be read', 201]
  ])('%s: the stored configuration is followed', async (_, status) => {
    const { platform, calls } = fakePlatform({
      submitConfig: [{ throws: lost(status) }],
      getConfig: [null, config('RUNNING'), config('COMPLETED')]
    })
    const result = await ensureConfig(platform, input().value)
    expect(result).toEqual({ config: config('COMPLETED'), submitted: true, timedOut: false })
    expect(calls.filter(c => c.startsWith('POST'))).toHaveLength(1)
  })

  it('a FAILED configuration read back is the one being replaced, not the result', async () => {
    const { platform, calls } = fakePlatform({
      submitConfig: [{ throws: lost(503, 'Service Unavailable') }],
      getConfig: [config('FAILED')]
    })
    const error = await ensureConfig(platform, input({ lostWriteGraceMs: 2500 }).value).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({
      call: 'Adobe POST configuration',
      status: 503,
      serviceMessage:
        'Service Unavailable; no configuration named "cfg" appeared within 2.5 s of reading it back, and setup never writes twice in one run (it could duplicate it); re-run setup, which reads the current state first'
    })
    expect(calls.filter(c => c.startsWith('POST'))).toHaveLength(1)
    expect(calls.filter(c => c.startsWith('GET')).length).toBeGreaterThan(1)
  })

  it.each([
    ['a refusal (403)', lost(403)],
    ['a rejected payload (400)', lost(400)],
    ['a redirect that was not followed (300)', lost(300)],
    ['an error that is not a service answer', new TypeError('bug')]
  ])('%s is thrown at once, without reading back', async (_, error) => {
    const { platform, calls } = fakePlatform({ submitConfig: [{ throws: error }] })
    await expect(ensureConfig(platform, input().value)).rejects.toBe(error)
    expect(calls).toHaveLength(1)
  })
})
