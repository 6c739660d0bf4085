import { registerCmkApp } from '../../../src/actions/register-app.js'
import { ServiceError } from '../../../src/clients/http/service-error.js'
import type { AppRegistration } from '../../../src/model/facts.js'
import { fakeClock, fakePlatform } from './fakes.js'

const APP_ID = '5e0b3a1c-9d2f-4c7e-8a6b-1f4d2c3b5a69'
const preparing: AppRegistration = { applicationId: APP_ID }
const published: AppRegistration = {
  applicationId: APP_ID,
  applicationRedirectUrl: `https://login.microsoftonline.com/common/adminconsent?client_id=${APP_ID}`
}

const options = (more: { timeoutMs?: number; lostWriteGraceMs?: number } = {}) => {
  const clock = fakeClock()
  return {
    clock,
    value: { firstIntervalMs: 1000, lostWriteGraceMs: 5000, timeoutMs: 60_000, clock, ...more }
  }
}

const lost = (status: number | undefined) =>
  new ServiceError('Adobe POST CMK app registration', status, 'simulated')

describe('registerCmkApp', () => {
  it('registers when Adobe has none and waits for the consent URL', async () => {
    const { platform, calls } = fakePlatform({
      getRegistration: [preparing, preparing, published]
    })
    const run = options()
    const outcome = await registerCmkApp(platform, null, run.value)
    expect(outcome).toEqual({ registration: published, timedOut: false })
    expect(calls).toEqual([
      'POST registration',
      'GET registration',
      'GET registration',
      'GET registration'
    ])
    expect(run.clock.sleeps).toEqual([1000, 1500, 2250])
  })

  it('does not register again a registration Adobe is still preparing', async () => {
    const { platform, calls } = fakePlatform({ getRegistration: [published] })
    const outcome = await registerCmkApp(platform, preparing, options().value)
    expect(outcome).toEqual({ registration: published, timedOut: false })
    expect(calls).toEqual(['GET registration'])
  })

  it('registers when the registration read has no application id', async () => {
    const { platform, calls } = fakePlatform({ getRegistration: [published] })
    await registerCmkApp(platform, {}, options().value)
    expect(calls[0]).toBe('POST registration')
  })

  it('times out with the last registration seen when the consent URL never appears', async () => {
    const { platform } = fakePlatform({ getRegistration: [preparing] })
    const run = options({ timeoutMs: 4000 })
    const outcome = await registerCmkApp(platform, null, run.value)
    expect(outcome).toEqual({ registration: preparing, timedOut: true })
    expect(run.clock.now()).toBe(4000)
  })

  it('times out with null when Adobe shows no registration at all', async () => {
    const { platform } = fakePlatform({ getRegistration: [null] })
    const outcome = await registerCmkApp(platform, preparing, options({ timeoutMs: 2000 }).value)
    expect(outcome).toEqual({ registration: null, timedOut: true })
  })

  it.each([
    ['a network error (no status)', undefined],
    ['a 502', 502],
    ['a 2xx whose body could not be read', 200]
  ])('a POST lost to %s is read back, never posted again, and followed', async (_, status) => {
    const { platform, calls } = fakePlatform({
      registerApp: [{ throws: lost(status) }],
      getRegistration: [null, preparing, published]
    })
    const outcome = await registerCmkApp(platform, null, options().value)
    expect(outcome).toEqual({ registration: published, timedOut: false })
    expect(calls.filter(c => c === 'POST registration')).toHaveLength(1)
  })

  it('a conflict (409: another run registered it meanwhile) is read back like a lost POST and said', async () => {
    const { platform, calls } = fakePlatform({
      registerApp: [{ throws: lost(409) }],
      getRegistration: [preparing, published]
    })
    const outcome = await registerCmkApp(platform, null, options().value)
    expect(outcome).toEqual({ registration: published, timedOut: false, conflict: true })
    expect(calls).toEqual(['POST registration', 'GET registration', 'GET registration'])
  })

  it('the read-back of a lost POST has a grace period of its own, beyond timeoutMs', async () => {
    const { platform } = fakePlatform({
      registerApp: [{ throws: lost(503) }],
      getRegistration: [null, null, null, published]
    })
    const run = options({ timeoutMs: 1000, lostWriteGraceMs: 10_000 })
    const outcome = await registerCmkApp(platform, null, run.value)
    expect(outcome.registration).toEqual(published)
  })

  it('after the read-back of a lost POST, the consent URL is waited for only within what is left of timeoutMs', async () => {
    const { platform, calls } = fakePlatform({
      registerApp: [{ throws: lost(503) }],
      getRegistration: [null, null, preparing]
    })
    const run = options({ timeoutMs: 1000, lostWriteGraceMs: 10_000 })
    const outcome = await registerCmkApp(platform, null, run.value)
    // Read back at 1 s, 2.5 s and 4.75 s; the 1 s wait is spent: one more read, at once.
    expect(outcome).toEqual({ registration: preparing, timedOut: true })
    expect(run.clock.now()).toBe(4750)
    expect(calls.filter(c => c === 'GET registration')).toHaveLength(4)
  })

  it('fails naming the POST when nothing appears within the grace period', async () => {
    const { platform, calls } = fakePlatform({
      registerApp: [{ throws: lost(504) }],
      getRegistration: [null]
    })
    const error = await registerCmkApp(
      platform,
      null,
      options({ lostWriteGraceMs: 3000 }).value
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({
      call: 'Adobe POST CMK app registration',
      status: 504,
      serviceMessage:
        'simulated; no CMK app registration appeared within 3 s of reading it back, and setup never writes twice in one run (it could duplicate it); re-run setup, which reads the current state first'
    })
    expect(calls.filter(c => c === 'POST registration')).toHaveLength(1)
  })

  it.each([
    ['a refusal (403)', lost(403)],
    ['a redirect that was not followed (300)', lost(300)],
    ['an error that is not a service answer', new TypeError('bug')]
  ])('%s is thrown at once, without reading back', async (_, error) => {
    const { platform, calls } = fakePlatform({ registerApp: [{ throws: error }] })
    await expect(registerCmkApp(platform, null, options().value)).rejects.toBe(error)
    expect(calls).toEqual(['POST registration'])
  })
})
