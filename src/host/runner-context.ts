import type { RunnerContext } from './host.js'

/** The runner's context, from the variables GitHub sets for every step. */
export function runnerContext(env: Readonly<Record<string, string | undefined>>): RunnerContext {
  const server = env.GITHUB_SERVER_URL?.trim()
  const repository = env.GITHUB_REPOSITORY?.trim()
  const runId = env.GITHUB_RUN_ID?.trim()
  return {
    repository,
    workflowRef: env.GITHUB_WORKFLOW_REF?.trim(),
    workspace: env.GITHUB_WORKSPACE?.trim(),
    job: env.GITHUB_JOB?.trim(),
    action: env.GITHUB_ACTION?.trim(),
    actionRepository: env.GITHUB_ACTION_REPOSITORY?.trim(),
    runUrl:
      server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined
  }
}
