/*
 * The simulator's GitHub REST API behaves like api.github.com where the action relies on it:
 * token and User-Agent required, pull requests among the issues, Link pagination, and the
 * 403 of a job token without issues: write, the 410 of a repository with issues turned off.
 */
import { simFetch, type SimRequestInit } from '../../test/simulator/client.js'
import type { Simulator } from '../../test/simulator/index.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: true })

const ISSUES = () => `${sim.urls.githubApi}/repos/octo-org/aep-infra/issues`

function call(url: string, init: SimRequestInit = {}, token = sim.state.githubApi.token) {
  return simFetch(sim.caCert, url, {
    ...init,
    headers: {
      'user-agent': 'test',
      authorization: `token ${token}`,
      ...(init.body ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...init.headers
    }
  })
}

function create(title: string, labels = ['aep-cmk']) {
  return call(ISSUES(), { method: 'POST', body: JSON.stringify({ title, body: 'b', labels }) })
}

describe('simulated GitHub issues API', () => {
  it('refuses a wrong token, and a request without User-Agent', async () => {
    expect((await call(ISSUES(), {}, 'ghs_wrong')).status).toBe(401)
    const noAgent = await simFetch(sim.caCert, ISSUES(), {
      headers: { authorization: `token ${sim.state.githubApi.token}` }
    })
    expect(noAgent.status).toBe(403)
    expect((await call(`${sim.urls.githubApi}/repos/other/repo/issues`)).status).toBe(404)
  })

  it('creates, lists newest first with pull requests mixed in, and pages with Link', async () => {
    for (const title of ['one', 'two', 'three']) expect((await create(title)).status).toBe(201)
    sim.state.githubApi.issues.push({
      number: 4,
      title: 'a pull request',
      body: '',
      state: 'open',
      labels: ['aep-cmk'],
      pullRequest: true,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z'
    })
    await create('unlabelled', [])
    const first = await call(`${ISSUES()}?state=open&labels=aep-cmk&per_page=2`)
    expect(first.status).toBe(200)
    const page1 = first.json<Array<{ number: number; pull_request?: unknown }>>()
    expect(page1.map(i => i.number)).toEqual([4, 3])
    expect(page1[0]!.pull_request).toBeDefined()
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link ?? '')?.[1]
    expect(next).toContain('page=2')
    const second = await call(next!)
    expect(second.json<Array<{ number: number }>>().map(i => i.number)).toEqual([2, 1])
    expect(second.headers.link).not.toContain('rel="next"')
  })

  it('updates, closes and comments; a read-only token gets 403 on writes', async () => {
    await create('one')
    const closed = await call(`${ISSUES()}/1`, {
      method: 'PATCH',
      body: JSON.stringify({ state: 'closed', state_reason: 'completed' })
    })
    expect(closed.json<{ state: string }>().state).toBe('closed')
    const comment = await call(`${ISSUES()}/1/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'hi' })
    })
    expect(comment.status).toBe(201)
    expect(sim.state.githubApi.comments).toEqual([{ id: 1, issueNumber: 1, body: 'hi' }])

    sim.state.githubApi.issuesPermission = 'read'
    expect((await call(ISSUES())).status).toBe(200)
    const refused = await create('two')
    expect(refused.status).toBe(403)
    expect(refused.json<{ message: string }>().message).toBe(
      'Resource not accessible by integration'
    )
    sim.state.githubApi.issuesPermission = 'none'
    expect((await call(ISSUES())).status).toBe(403)
  })

  it('with issues turned off, writes answer 410 Gone and the listing shows no issue', async () => {
    await create('one')
    sim.state.githubApi.issuesEnabled = false
    const refused = await create('two')
    expect(refused.status).toBe(410)
    expect(refused.json<{ message: string }>().message).toBe('Issues are disabled for this repo')
    const comment = await call(`${ISSUES()}/1/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'hi' })
    })
    expect(comment.status).toBe(410)
    const list = await call(`${ISSUES()}?state=open&labels=aep-cmk`)
    expect(list.status).toBe(200)
    expect(list.json<unknown[]>()).toEqual([])
  })
})
