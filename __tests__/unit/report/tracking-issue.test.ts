import type { IssuesApi, OpenIssue } from '../../../src/clients/github/issues-client.js'
import type { Finding } from '../../../src/model/finding.js'
import { keepTrackingIssue, type TrackedRun } from '../../../src/report/tracking-issue.js'
import { issueBody } from '../../../src/report/tracking-issue-text.js'

const KEY = { orgId: 'ABC123@AdobeOrg', vaultName: 'kv-prod', keyName: 'cmk' }
const DISABLED: Finding = {
  id: 'key.enabled',
  outcome: 'fail',
  detail: 'Disabled.',
  fix: 'Enable.'
}
const FAILING: TrackedRun = {
  result: 'fail',
  mode: 'check',
  status: 'COMPLETED',
  findings: [DISABLED],
  failedChecks: ['key.enabled']
}

/** An in-memory issues API that records the calls made to it. */
function fakeApi(open: OpenIssue[], labelsSet = ['aep-cmk']): IssuesApi & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    listOpen: async label => {
      calls.push(`list ${label}`)
      return open
    },
    create: async issue => {
      calls.push(`create ${issue.labels.join(',')}`)
      return { number: 9, url: 'https://gh/issues/9', body: issue.body, labels: labelsSet }
    },
    update: async (number, change) => void calls.push(`update ${number} ${change.state ?? 'body'}`),
    comment: async number => void calls.push(`comment ${number}`)
  }
}

const ours = (number: number, failed: Finding[] = [DISABLED]): OpenIssue => ({
  number,
  url: `https://gh/issues/${number}`,
  body: issueBody(
    failed,
    failed.map(f => f.id),
    { key: KEY, mode: 'check', status: 'COMPLETED' }
  )
})

describe('keeping the tracking issue', () => {
  it('opens one with the label when none of ours is open', async () => {
    const api = fakeApi([{ number: 3, url: 'u', body: 'someone else' }])
    expect(await keepTrackingIssue(api, KEY, FAILING)).toEqual({
      kind: 'opened',
      url: 'https://gh/issues/9',
      warning: undefined
    })
    expect(api.calls).toEqual(['list aep-cmk', 'create aep-cmk'])
  })

  it('warns when GitHub dropped the label, as the next run could not find the issue', async () => {
    const outcome = await keepTrackingIssue(fakeApi([], []), KEY, FAILING)
    expect(outcome).toMatchObject({ kind: 'opened', warning: expect.stringContaining('aep-cmk') })
  })

  it('keeps the oldest of two open issues of ours', async () => {
    const api = fakeApi([ours(12), ours(5)])
    expect(await keepTrackingIssue(api, KEY, FAILING)).toEqual({
      kind: 'updated',
      url: 'https://gh/issues/5',
      commented: false
    })
    expect(api.calls).toEqual(['list aep-cmk', 'update 5 body'])
  })

  it('comments when the failed checks changed, and closes on a pass', async () => {
    const rbac: Finding = { id: 'vault.rbac', outcome: 'fail', detail: 'Policies.', fix: 'RBAC.' }
    const changed = fakeApi([ours(5, [rbac])])
    expect(await keepTrackingIssue(changed, KEY, FAILING)).toMatchObject({ commented: true })
    expect(changed.calls).toEqual(['list aep-cmk', 'update 5 body', 'comment 5'])

    const passing = fakeApi([ours(5)])
    const outcome = await keepTrackingIssue(passing, KEY, { ...FAILING, result: 'pass' })
    expect(outcome).toEqual({ kind: 'closed', url: 'https://gh/issues/5' })
    expect(passing.calls).toEqual(['list aep-cmk', 'comment 5', 'update 5 closed'])
    expect(await keepTrackingIssue(fakeApi([]), KEY, { ...FAILING, result: 'pass' })).toEqual({
      kind: 'nothing-open'
    })
  })

  it('turns a failed call into a warning and still names the issue it found', async () => {
    const api = fakeApi([ours(5)])
    api.update = async () => {
      throw new Error('GitHub PATCH failed with HTTP 502: Bad Gateway')
    }
    expect(await keepTrackingIssue(api, KEY, FAILING)).toEqual({
      kind: 'failed',
      url: 'https://gh/issues/5',
      warning: 'GitHub PATCH failed with HTTP 502: Bad Gateway'
    })
  })
})
