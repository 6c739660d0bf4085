import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { runnerContext } from '../../../src/host/runner-context.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  FALLBACK_WORKFLOW,
  findStep,
  workflowLocation,
  workflowPath
} from '../../../src/report/workflow-location.js'

const WORKFLOW = `name: CMK compliance
on:
  schedule:
    - cron: '17 5 * * *'
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: adobe/aep-cmk-azure-action@v1
  compliance:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Check the key
        uses: adobe/aep-cmk-azure-action@v1
        with:
          mode: check
      - id: second
        uses: "adobe/aep-cmk-azure-action/sub@v1"
`

const ctx = (env: Record<string, string>) => runnerContext(env)

const ENV = {
  GITHUB_REPOSITORY: 'octo-org/aep-infra',
  GITHUB_WORKFLOW_REF: 'octo-org/aep-infra/.github/workflows/cmk.yml@refs/heads/main',
  GITHUB_JOB: 'compliance',
  GITHUB_ACTION: '__adobe_aep-cmk-azure-action',
  GITHUB_ACTION_REPOSITORY: 'adobe/aep-cmk-azure-action'
}

describe('the workflow location of the alerts', () => {
  it('takes the workflow path from GITHUB_WORKFLOW_REF', () => {
    expect(workflowPath(ctx(ENV))).toBe('.github/workflows/cmk.yml')
    expect(
      workflowPath(ctx({ GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/a.yaml@refs/tags/v1' }))
    ).toBe('.github/workflows/a.yaml')
    expect(workflowPath(ctx({}))).toBeUndefined()
    expect(workflowPath(ctx({ GITHUB_WORKFLOW_REF: 'o/r/../../etc/passwd@x' }))).toBeUndefined()
  })

  it('finds the step that uses the action, in the job that runs, on its uses: line', () => {
    expect(findStep(WORKFLOW, ctx(ENV))).toEqual({
      startLine: 15,
      startColumn: 9,
      endLine: 15,
      endColumn: 44
    })
  })

  it('prefers the step whose id is GITHUB_ACTION', () => {
    expect(findStep(WORKFLOW, ctx({ ...ENV, GITHUB_ACTION: 'second' }))?.startLine).toBe(19)
  })

  it('without GITHUB_JOB, takes the first step that uses the action', () => {
    expect(findStep(WORKFLOW, ctx({ ...ENV, GITHUB_JOB: '' }))?.startLine).toBe(9)
  })

  it('a local action (no GITHUB_ACTION_REPOSITORY) is the first uses: ./', () => {
    const local = WORKFLOW.replace(
      'adobe/aep-cmk-azure-action@v1\n        with',
      './\n        with'
    )
    expect(findStep(local, ctx({ ...ENV, GITHUB_ACTION_REPOSITORY: '' }))?.startLine).toBe(15)
  })

  it('finds nothing in a workflow that does not use it or does not parse', () => {
    expect(
      findStep(WORKFLOW, ctx({ ...ENV, GITHUB_ACTION_REPOSITORY: 'other/action' }))
    ).toBeUndefined()
    expect(findStep('jobs: [unclosed', ctx(ENV))).toBeUndefined()
  })

  it('reads the checked-out workflow, else points at line 1', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'workspace-'))
    try {
      const env = { ...ENV, GITHUB_WORKSPACE: workspace }
      const missing = await workflowLocation(ctx(env))
      expect(missing).toEqual({
        uri: '.github/workflows/cmk.yml',
        startLine: 1,
        startColumn: 1,
        endLine: 1,
        endColumn: 1
      })
      await mkdir(join(workspace, '.github', 'workflows'), { recursive: true })
      await writeFile(join(workspace, '.github/workflows/cmk.yml'), WORKFLOW)
      expect((await workflowLocation(ctx(env))).startLine).toBe(15)
      const other = { ...env, GITHUB_ACTION_REPOSITORY: 'other/action' }
      expect(await workflowLocation(ctx(other))).toMatchObject({ startLine: 1, endColumn: 21 })
      expect((await workflowLocation(ctx({ GITHUB_WORKSPACE: workspace }))).uri).toBe(
        FALLBACK_WORKFLOW
      )
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })
})
