/*
 * End-to-end: the SARIF file for code scanning and the self-closing tracking issue, over a
 * scheduled `mode: check` that fails, fails again (same and changed findings), recovers and
 * passes, against the simulator's GitHub REST API.
 */
import {
  CONFIG_SEQUENCES,
  type SimIssue,
  type Simulator,
  type StoredConfig
} from '../../test/simulator/index.js'
import { githubSarifProblems, sarifSchemaErrors } from '../sarif-requirements.js'
import {
  defaultInputs,
  leakedSecrets,
  resetSimulator,
  runAction,
  RUN_ID,
  WORKFLOW_PATH,
  writesOf,
  type ActionRun
} from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

const CONFIG_NAME = 'cmk-kv-aep-cmk-prod-aep-cmk-key'
const REPO = 'octo-org/aep-infra'
const ISSUES = `/repos/${REPO}/issues`

/** The scheduled workflow docs/compliance.md suggests; the action's step is on line 21. */
const WORKFLOW = `name: CMK compliance
on:
  schedule:
    - cron: '17 5 * * *'
  workflow_dispatch:
permissions:
  contents: read
  id-token: write
  issues: write
  security-events: write
jobs:
  compliance:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with:
          client-id: \${{ vars.AZURE_CLIENT_ID }}
          tenant-id: \${{ vars.AZURE_TENANT_ID }}
      - id: cmk
        uses: adobe/aep-cmk-azure-action@v1
        with:
          mode: check
`
const STEP_LINE = 21

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: false })

beforeEach(() => {
  resetSimulator(sim, { configStatusSequence: [...CONFIG_SEQUENCES.immediate] })
  storeCompletedConfig()
})

function storeCompletedConfig(): void {
  const key = sim.state.key!
  const config: StoredConfig = {
    name: CONFIG_NAME,
    id: '3e8b1f0a-6c2d-4e7a-9b5f-1d0c8a6e4b27',
    imsOrgId: sim.state.adobe.orgId,
    status: 'COMPLETED',
    upcoming: [],
    configData: {
      providerType: 'AZURE_KEYVAULT',
      keyVaultUri: sim.vaultUri(),
      keyVaultKeyIdentifier: `${sim.vaultUri()}keys/${key.name}/${key.versions[0]}`,
      keyName: key.name
    }
  }
  sim.state.configs[CONFIG_NAME] = config
}

function check(
  inputs: Record<string, string | undefined> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction(
    sim,
    { ...defaultInputs(sim), mode: 'check', 'open-issue': 'true', ...inputs },
    { withSarif: true, workflow: WORKFLOW, env }
  )
}

function failedChecks(r: ActionRun): string[] {
  const value = r.outputs['failed-checks'] ?? ''
  return value === '' ? [] : value.split(',')
}

interface SarifResult {
  ruleId: string
  level: string
  message: { text: string }
  partialFingerprints: Record<string, string>
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }
  }>
}

function sarifRun(r: ActionRun): {
  results: SarifResult[]
  automationDetails: { id: string }
  tool: { driver: { name: string; rules: Array<{ id: string }> } }
} {
  expect(r.sarif).toBeDefined()
  // Every check was decided: the key's category, and the blocked category uploaded empty.
  const runs = r.sarif!.runs as Array<ReturnType<typeof sarifRun>>
  expect(runs.map(run => run.automationDetails.id)).toEqual([
    'aep-cmk/kv-aep-cmk-prod/aep-cmk-key/',
    'aep-cmk/kv-aep-cmk-prod/aep-cmk-key/blocked/'
  ])
  expect(runs[1]!.results).toEqual([])
  return runs[0]!
}

function trackingIssues(): SimIssue[] {
  return sim.state.githubApi.issues.filter(i => i.labels.includes('aep-cmk'))
}

function commentsOn(issue: SimIssue): string[] {
  return sim.state.githubApi.comments.filter(c => c.issueNumber === issue.number).map(c => c.body)
}

function gitHubWrites(): string[] {
  return writesOf(sim).filter(w => w.includes(' github-api '))
}

function warnings(r: ActionRun): string[] {
  return r.stdout.split('\n').filter(line => line.startsWith('::warning'))
}

function disableKey(): void {
  sim.state.key!.enabled = false
}

const runUrl = () => `${sim.urls.github}/${REPO}/actions/runs/${RUN_ID}`

describe('a scheduled check that fails, fails again, and recovers', () => {
  it('failing: SARIF with an alert at the step, and one tracking issue with the fix and the run', async () => {
    disableKey()
    const r = await check()
    expect(r.exitCode).not.toBe(0)
    expect(failedChecks(r)).toEqual(['key.enabled'])

    expect(githubSarifProblems(r.sarif)).toEqual([])
    expect(sarifSchemaErrors(r.sarif)).toEqual([])
    const run = sarifRun(r)
    expect(run.tool.driver.name).toBe('aep-cmk-azure-action')
    expect(run.automationDetails.id).toBe('aep-cmk/kv-aep-cmk-prod/aep-cmk-key/')
    expect(run.results.map(x => [x.ruleId, x.level])).toEqual([['key.enabled', 'error']])
    const location = run.results[0]!.locations[0]!.physicalLocation
    expect(location.artifactLocation.uri).toBe(WORKFLOW_PATH)
    expect(location.region.startLine).toBe(STEP_LINE)
    expect(r.outputs['sarif-file']).toMatch(/aep-cmk\.sarif$/)

    const issues = trackingIssues()
    expect(issues).toHaveLength(1)
    const issue = issues[0]!
    expect(issue.state).toBe('open')
    expect(issue.title).toContain('kv-aep-cmk-prod/aep-cmk-key')
    expect(issue.body).toContain('**key.enabled**')
    expect(issue.body).toContain('**Fix:**')
    expect(issue.body).toContain(runUrl())
    expect(r.outputs['issue-url']).toBe(`${sim.urls.github}/${REPO}/issues/${issue.number}`)
    expect(commentsOn(issue)).toEqual([])
    expect(gitHubWrites()).toEqual([`POST github-api ${ISSUES}`])
  })

  it('repeated with the same findings: updates the issue without a comment; same fingerprints', async () => {
    disableKey()
    const first = await check()
    sim.clearRequests()
    const second = await check()
    expect(failedChecks(second)).toEqual(['key.enabled'])

    const issues = trackingIssues()
    expect(issues).toHaveLength(1)
    expect(commentsOn(issues[0]!)).toEqual([])
    expect(gitHubWrites()).toEqual([`PATCH github-api ${ISSUES}/${issues[0]!.number}`])
    expect(second.outputs['issue-url']).toBe(first.outputs['issue-url'])

    const fingerprints = (r: ActionRun) => sarifRun(r).results.map(x => x.partialFingerprints)
    expect(fingerprints(second)).toEqual(fingerprints(first))
    expect(fingerprints(first)[0]!.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/)
  })

  it('repeated with changed findings: updates the issue and comments on the change', async () => {
    disableKey()
    await check()
    sim.state.vault!.properties.enablePurgeProtection = false
    const r = await check()
    expect(failedChecks(r)).toEqual(['vault.purge-protection', 'key.enabled'])

    const [issue] = trackingIssues()
    expect(trackingIssues()).toHaveLength(1)
    expect(issue!.body).toContain('**vault.purge-protection**')
    const comments = commentsOn(issue!)
    expect(comments).toHaveLength(1)
    expect(comments[0]).toContain('now failing: `vault.purge-protection`')
    expect(comments[0]).toContain(runUrl())

    sim.state.key!.enabled = true
    await check()
    const after = commentsOn(issue!)
    expect(after).toHaveLength(2)
    expect(after[1]).toContain('no longer failing: `key.enabled`')
  })

  it('recovering: comments, closes the issue, and the SARIF has no alert left', async () => {
    disableKey()
    const failing = await check()
    sim.state.key!.enabled = true
    const r = await check()
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('pass')

    const [issue] = trackingIssues()
    expect(issue!.state).toBe('closed')
    expect(issue!.stateReason).toBe('completed')
    const comments = commentsOn(issue!)
    expect(comments).toHaveLength(1)
    expect(comments[0]).toContain('Every check passes again')
    expect(r.outputs['issue-url']).toBe(failing.outputs['issue-url'])
    expect(sarifRun(r).results).toEqual([])
    expect(githubSarifProblems(r.sarif)).toEqual([])

    // A closed issue is history: the next failure opens a new one.
    disableKey()
    const again = await check()
    const issues = trackingIssues()
    expect(issues.map(i => i.state)).toEqual(['closed', 'open'])
    expect(again.outputs['issue-url']).toBe(
      `${sim.urls.github}/${REPO}/issues/${issues[1]!.number}`
    )
  })

  it('passing with no issue open: writes the SARIF, opens nothing', async () => {
    const r = await check()
    expect(r.exitCode).toBe(0)
    expect(sarifRun(r).results).toEqual([])
    expect(sarifRun(r).tool.driver.rules.length).toBeGreaterThan(10)
    expect(trackingIssues()).toEqual([])
    expect(gitHubWrites()).toEqual([])
    expect(r.outputs['issue-url']).toBeUndefined()
  })
})

describe('a flaky sign-in neither closes nor reopens the alerts', () => {
  it('files only the blocking failure, under the blocked category; the key category is left out', async () => {
    resetSimulator(sim, { configStatusSequence: [...CONFIG_SEQUENCES.immediate] })
    sim.fault({
      service: 'entra',
      method: 'POST',
      path: /\/oauth2\/v2\.0\/token$/,
      action: {
        status: 429,
        headers: { 'retry-after': '86400' },
        body: { error: 'temporarily_unavailable', error_description: 'AADSTS50196: throttled' }
      }
    })
    const r = await check({ 'open-issue': 'false' })
    expect(r.exitCode).not.toBe(0)
    expect(githubSarifProblems(r.sarif)).toEqual([])
    const runs = r.sarif!.runs as Array<ReturnType<typeof sarifRun>>
    expect(runs.map(run => run.automationDetails.id)).toEqual([
      'aep-cmk/kv-aep-cmk-prod/aep-cmk-key/blocked/'
    ])
    expect(runs[0]!.results.map(x => x.ruleId)).toEqual(['azure.sign-in'])
  })
})

describe('finding the open issue', () => {
  /** An issue or pull request as other tools leave them in the repository. */
  function seed(number: number, extra: Partial<SimIssue> = {}): SimIssue {
    const issue: SimIssue = {
      number,
      title: `#${number}`,
      body: '',
      state: 'open',
      labels: ['aep-cmk'],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      ...extra
    }
    sim.state.githubApi.issues.push(issue)
    return issue
  }

  it('across pages, among pull requests that carry the marker too, and other keys', async () => {
    disableKey()
    await check()
    const [ours] = trackingIssues()
    // Newer issues and pull requests push ours onto the last of several pages of two.
    sim.state.githubApi.maxPerPage = 2
    for (let n = 2; n <= 7; n++)
      seed(n, n % 2 === 0 ? { pullRequest: true, body: ours!.body } : { body: 'another key' })
    sim.clearRequests()

    await check()
    const lists = sim.requests.filter(q => q.method === 'GET' && q.path === ISSUES)
    expect(lists.length).toBe(4)
    expect(lists.every(q => q.query.labels === 'aep-cmk' && q.query.state === 'open')).toBe(true)
    expect(gitHubWrites()).toEqual([`PATCH github-api ${ISSUES}/${ours!.number}`])
    expect(
      sim.state.githubApi.issues.filter(i => i.pullRequest).every(i => i.title.startsWith('#'))
    ).toBe(true)
  })

  it('never takes a pull request that carries the marker for the issue, even one older than it', async () => {
    disableKey()
    await check()
    const [ours] = trackingIssues()
    // The tracker takes the oldest open match: an older pull request with the marker would win
    // if the client let pull requests through.
    ours!.number = 9
    seed(3, { pullRequest: true, body: ours!.body })
    sim.clearRequests()

    await check()
    expect(gitHubWrites()).toEqual([`PATCH github-api ${ISSUES}/9`])
  })
})

describe('GitHub failures are warnings, never a changed result', () => {
  it('without issues: write, the warning names the permission; result and checks unchanged', async () => {
    disableKey()
    sim.state.githubApi.issuesPermission = 'read'
    const r = await check()
    expect(r.exitCode).toBe(1)
    expect(r.outputs.result).toBe('fail')
    expect(failedChecks(r)).toEqual(['key.enabled'])
    const warning = warnings(r).find(w => w.includes('tracking issue'))
    expect(warning).toContain('HTTP 403')
    expect(warning).toContain('Resource not accessible by integration')
    expect(warning).toContain('permissions: issues: write')
    expect(trackingIssues()).toEqual([])
    expect(r.outputs['sarif-file']).toBeDefined()
  })

  it('issues turned off in the repository: the 410 warning says so; result and checks unchanged', async () => {
    disableKey()
    sim.state.githubApi.issuesEnabled = false
    const r = await check()
    expect(r.exitCode).toBe(1)
    expect(failedChecks(r)).toEqual(['key.enabled'])
    const warning = warnings(r).find(w => w.includes('tracking issue'))
    expect(warning).toContain('HTTP 410: Issues are disabled for this repo')
    expect(warning).toContain(
      'issues are disabled in this repository: turn them on under Settings, General, Features, Issues, or set open-issue: false'
    )
    expect(warning).not.toContain('permissions')
    expect(sim.state.githubApi.issues).toEqual([])
  })

  it('a passing run stays passing when GitHub answers 502', async () => {
    sim.state.githubApi.issues.push({
      number: 1,
      title: 'x',
      body: '',
      state: 'open',
      labels: ['aep-cmk'],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z'
    })
    sim.fault({ service: 'github-api', action: { status: 502, body: { message: 'Bad Gateway' } } })
    const r = await check()
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('pass')
    const warning = warnings(r).find(w => w.includes('tracking issue'))
    expect(warning).toContain('HTTP 502')
    expect(warning).not.toContain('permissions')
  })

  it('a wrong token is a warning too', async () => {
    disableKey()
    const r = await check({ 'github-token': 'ghs_NotTheJobToken000000000000000000000' })
    expect(r.exitCode).toBe(1)
    expect(warnings(r).find(w => w.includes('tracking issue'))).toContain('HTTP 401')
    expect(trackingIssues()).toEqual([])
  })
})

describe('bad input', () => {
  it('touches no issue and writes no SARIF', async () => {
    const r = await check({ 'min-key-size': 'big' })
    expect(r.exitCode).toBe(1)
    expect(sim.requests.filter(q => q.service === 'github-api')).toEqual([])
    expect(r.sarif).toBeUndefined()
    expect(r.outputs['sarif-file']).toBeUndefined()
    expect(r.outputs['issue-url']).toBeUndefined()
  })
})

describe('the GitHub token', () => {
  it('never appears in any output, the SARIF or the issue, with RUNNER_DEBUG=1', async () => {
    disableKey()
    const failing = await check({}, { RUNNER_DEBUG: '1' })
    sim.state.key!.enabled = true
    const passing = await check({}, { RUNNER_DEBUG: '1' })
    const token = sim.state.githubApi.token
    for (const r of [failing, passing]) {
      expect(r.stdout).toMatch(/^::debug::(GET|PATCH|POST) https:\/\/api\.github\.localhost/m)
      const text = r.everything
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      expect(text).not.toContain(token)
      expect(leakedSecrets(sim, text)).toEqual([])
      expect(r.stdout).toContain(`::add-mask::${token}`)
    }
    const written = sim.state.githubApi.issues
      .map(i => `${i.title}\n${i.body}`)
      .concat(sim.state.githubApi.comments.map(c => c.body))
      .join('\n')
    expect(leakedSecrets(sim, written)).toEqual([])
    // The token was sent, so the sweep above had something to find.
    expect(
      sim.requests.some(q => q.service === 'github-api' && q.headers.authorization?.includes(token))
    ).toBe(true)
  })
})
