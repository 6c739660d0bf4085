import { describeReadError } from '../../../src/checks/read-error.js'
import { skipped } from '../../../src/checks/skipped.js'

describe('describeReadError: one sentence-part for a failed call', () => {
  it('quotes the message without surrounding space or its final dots', () => {
    expect(
      describeReadError({
        call: 'ARM GET vault',
        status: 404,
        kind: 'not-found',
        message: ' Vault not found... '
      })
    ).toBe('ARM GET vault answered 404: Vault not found')
  })

  it('keeps dots inside the message', () => {
    expect(
      describeReadError({
        call: 'ARM GET vault',
        status: 500,
        kind: 'error',
        message: 'v1.2 failed.'
      })
    ).toBe('ARM GET vault answered 500: v1.2 failed')
  })

  it('without a status or a message, says only that the call failed', () => {
    expect(
      describeReadError({ call: 'Adobe IMS token request', kind: 'error', message: ' ' })
    ).toBe('Adobe IMS token request failed')
  })
})

describe('skipped', () => {
  it('names the check that blocked it, in the detail and the evidence', () => {
    expect(skipped('key.size', 'key.type')).toEqual({
      id: 'key.size',
      outcome: 'skipped',
      detail: 'skipped: key.type failed',
      blockedBy: 'key.type',
      evidence: { skippedBecause: 'key.type' }
    })
  })
})
