import { registerSecret } from '../../../src/safety/secrets.js'
import { ANNOTATION_MAX_CHARS, SUMMARY_MAX_BYTES } from '../../../src/host/safe-host.js'
import { fakeHost } from '../../../test/fake-host.js'

const SECRET = 'safe-host-s3cret-value'

describe('the host applies the safety rules once, for every sink', () => {
  beforeAll(() => registerSecret(SECRET))

  it('masks every form of a secret registered before or after it was made', () => {
    const { record } = fakeHost()
    expect(record.masked).toContain(SECRET)
    registerSecret('safe-host-later secret')
    expect(record.masked).toEqual(
      expect.arrayContaining(['safe-host-later secret', 'safe-host-later%20secret'])
    )
  })

  it('redacts secrets and makes every line of a log message inert', () => {
    const { host, record } = fakeHost()
    host.info(
      `status ${SECRET}\n::error::injected\nok ##[set-output name=x;]y ##vso[task.complete]`
    )
    expect(record.lines).toEqual([
      'status ***\n\\::error::injected\nok #\\#[set-output name=x;]y #\\#vso[task.complete]'
    ])
    host.debug('##[group]x')
    host.warning(`w ${SECRET}`)
    host.error('::stop-commands::t')
    expect(record.lines.slice(1)).toEqual([
      'debug: #\\#[group]x',
      'warning: w ***',
      'error: \\::stop-commands::t'
    ])
  })

  it('caps an annotation to a few KiB, saying "(cut)"', () => {
    const { host, record } = fakeHost()
    host.annotate('error', 'x'.repeat(1_500_000), 'key.found')
    const { message, title } = record.annotations[0]!
    expect(message.length).toBe(ANNOTATION_MAX_CHARS)
    expect(message.endsWith(' (cut)')).toBe(true)
    expect(title).toBe('key.found')
  })

  it('keeps the job summary under GitHub’s 1 MiB a step, redacted', async () => {
    const { host, record } = fakeHost()
    await host.writeSummary(`${SECRET} ` + 'é'.repeat(1_500_000))
    expect(Buffer.byteLength(record.summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(record.summary.startsWith('*** é')).toBe(true)
    expect(record.summary.endsWith('é (cut)')).toBe(true)
  })

  it('writes outputs as single inert lines without secrets', () => {
    const { host, record } = fakeHost()
    host.setOutput('status', `RUNNING\n::set-output name=x::y ${SECRET}`)
    expect(record.outputs.status).toBe('RUNNING\\n::set-output name=x::y ***')
  })

  it('registers a GitHub ID token as a secret before handing it on', async () => {
    const token = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln-id-token'
    const { host, record } = fakeHost({}, { idToken: async () => token })
    expect(await host.idToken('api://AzureADTokenExchange')).toBe(token)
    expect(record.masked).toContain(token)
  })

  it('fails with a capped, redacted message', () => {
    const { host, record } = fakeHost()
    host.fail(`CMK setup: ${SECRET} ${'y'.repeat(10_000)}`)
    expect(record.failure!.startsWith('CMK setup: *** y')).toBe(true)
    expect(record.failure!.length).toBe(ANNOTATION_MAX_CHARS)
  })

  it('folds lines under a neutralized group name and returns what the work gives', async () => {
    const { host, record } = fakeHost()
    const value = await host.group('::error::Reading', () => Promise.resolve(42))
    expect(value).toBe(42)
    expect(record.lines).toEqual(['\\::error::Reading'])
  })

  it('keeps room below GitHub’s 1 MiB summary limit', () => {
    expect(SUMMARY_MAX_BYTES).toBeLessThan(1024 * 1024)
  })
})
