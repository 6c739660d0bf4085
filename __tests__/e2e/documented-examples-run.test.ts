/*
 * A newcomer who follows only the documentation gets each example to its first green run. Every
 * workflow step of this action that the README, docs/ and examples/ show is run through the
 * bundle against the simulator with its own `with:` block: secrets and variables replaced by the
 * simulator's values, action.yml's defaults for what it leaves out (as the runner passes them),
 * the ID token's subject taken from the job's `environment:` and the federated credential's from
 * the prerequisites, and the job's token permissions as declared. Between runs, only what the
 * README tells a person to do happens: an administrator consents, someone assigns the role, or
 * `setup` is run first. The drift test (__tests__/unit/documented-examples-agree.test.ts) holds
 * the same examples against action.yml without running them.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { readActionMetadata } from '../../src/cli/action-metadata.js'
import {
  documentedSteps,
  effectivePermissions,
  environmentOf,
  evaluate,
  expressionsIn,
  grants,
  modesOf,
  prerequisitesIn,
  readRepoFile,
  referencesIn,
  type DocumentedStep,
  type ExpressionContexts
} from '../../test/documented-workflows.js'
import {
  CONFIG_SEQUENCES,
  HSM_ROLE,
  REMEDIATION_WRITE_ACTIONS,
  cmkAppVaultRole,
  defaultKey,
  firewalledVault,
  managedHsmScenario,
  startSimulator,
  type Scenario,
  type Simulator
} from '../../test/simulator/index.js'
import { runAction, writesOf, type ActionRun } from './harness.js'

const action = readActionMetadata(readRepoFile('action.yml'))
const documented = documentedSteps().filter(step => !step.documented.fragment)
/** Workflows with a `mode: summarize` step: their other jobs write the reports it reads. */
const fleets = [
  ...new Set(
    documented.filter(step => modesOf(step).includes('summarize')).map(step => step.source)
  )
]
const runnable = documented.filter(step => !fleets.includes(step.source))

/**
 * The values a repository set up as the README's prerequisites say holds, in the simulator; none
 * but the job's token for a step that talks to no service (summarize).
 */
function contexts(sim: Simulator | undefined): ExpressionContexts {
  if (!sim)
    return { secrets: {}, vars: {}, inputs: {}, github: { token: 'ghs_JobTokenNoServiceReads0' } }
  const s = sim.state
  return {
    secrets: {
      ADOBE_CLIENT_ID: s.adobe.clientId,
      ADOBE_CLIENT_SECRET: s.adobe.clientSecret,
      AZURE_CLIENT_SECRET: s.azure.clientSecret,
      GITHUB_TOKEN: s.githubApi.token
    },
    vars: {
      AZURE_CLIENT_ID: s.azure.clientId,
      AZURE_SETUP_CLIENT_ID: s.azure.clientId,
      AZURE_TENANT_ID: s.tenantId,
      AZURE_SUBSCRIPTION_ID: s.subscriptionId,
      ADOBE_ORG_ID: s.adobe.orgId,
      ADOBE_SCOPES: s.adobe.scopes.join(',')
    },
    inputs: {},
    github: { token: s.githubApi.token }
  }
}

/**
 * The inputs the runner passes for one run: the step's `with:` block evaluated, `mode` as the
 * run form or the schedule gives it, and action.yml's default for every input left out.
 */
function runnerInputs(
  sim: Simulator | undefined,
  step: DocumentedStep,
  mode: string
): Record<string, string> {
  const values = contexts(sim)
  const unknown = Object.values(step.inputs)
    .flatMap(expressionsIn)
    .flatMap(referencesIn)
    .filter(({ context, name }) => context !== 'inputs' && !(name in values[context as 'vars']))
  if (unknown.length > 0)
    throw new Error(
      `${step.source}: the simulator has no value for ${unknown.map(r => `${r.context}.${r.name}`).join(', ')}`
    )
  const given = Object.fromEntries(
    Object.entries(step.inputs).map(([name, value]) => [name, evaluate(value, values)])
  )
  const defaults = Object.fromEntries(
    action.inputs.map(input => [input.name, evaluate(input.default, values)])
  )
  return { ...defaults, ...given, mode }
}

const REPOSITORY = 'octo-org/aep-infra'

/** The environment the federated credential of the step's prerequisites names. */
function credentialEnvironment(step: DocumentedStep): string {
  const own = step.file.endsWith('.md') ? [...prerequisitesIn(step.file).environments] : []
  const created = own.length > 0 ? own : [...prerequisitesIn('README.md').environments]
  // One credential per environment (a fleet's orgs): the one for this job's environment.
  const jobs = environmentOf(step.job)
  const environment = jobs !== undefined && created.includes(jobs) ? jobs : created[0]
  if (!environment)
    throw new Error(`${step.source}: no prerequisites create a federated credential`)
  return environment
}

/**
 * A new Adobe org whose Azure side the prerequisites prepared: the vault (behind the firewall the
 * README recommends, letting only Adobe in) or Managed HSM and its key exist and are healthy, the
 * job's identity may read them; the CMK app is not registered, consented or given its role yet.
 * With `remediate`, the identity holds what docs/one-run-setup.md grants.
 */
function newOrg(step: DocumentedStep): Partial<Scenario> {
  const vaultName = step.inputs['key-vault-name'] ?? ''
  const keyName = step.inputs['key-name'] ?? ''
  const environment = environmentOf(step.job)
  const base = managedHsmScenario()
  const orgId = step.inputs['adobe-org-id'] ?? ''
  const common: Partial<Scenario> = {
    // An org id the example names itself (a fleet's matrix) is that org's; else the scenario's.
    ...(orgId && !orgId.includes('${{') ? { adobe: { ...base.adobe, orgId } } : {}),
    resourceGroup: step.inputs['azure-resource-group'] || base.resourceGroup,
    key: defaultKey(keyName),
    registration: {
      status: 'absent',
      getsUntilReady: 1,
      pendingAnswer: 'not-found',
      readyAfterGets: 1
    },
    servicePrincipalPresent: false,
    roleAssignments: [],
    configStatusSequence: [...CONFIG_SEQUENCES.immediate],
    azure: {
      ...base.azure,
      federatedSubject: `repo:${REPOSITORY}:environment:${credentialEnvironment(step)}`
    },
    github: {
      ...base.github,
      repository: REPOSITORY,
      subject: environment
        ? `repo:${REPOSITORY}:environment:${environment}`
        : `repo:${REPOSITORY}:ref:refs/heads/main`
    },
    githubApi: { ...base.githubApi, issuesPermission: issuesPermission(step) },
    ...(step.inputs.remediate && step.inputs.remediate !== 'none'
      ? {
          armWriteActions: [REMEDIATION_WRITE_ACTIONS.role, REMEDIATION_WRITE_ACTIONS.vault],
          graphGrants: ['Application.ReadWrite.All']
        }
      : {})
  }
  if (step.inputs['key-vault-type'] !== 'managed-hsm')
    return { ...common, vault: firewalledVault(vaultName), managedHsm: null }
  const hsm = base.managedHsm!
  hsm.name = vaultName
  // docs/managed-hsm.md: the job's identity holds Managed HSM Crypto Auditor at `/`; the CMK app
  // gets its role after consent.
  hsm.localRoleAssignments = hsm.localRoleAssignments.filter(
    a => a.principalId !== base.cmkApp.objectId
  )
  return { ...common, vault: null, managedHsm: hsm }
}

/** The job token's `issues` permission: a declared block grants only what it names. */
function issuesPermission(step: DocumentedStep): 'write' | 'read' | 'none' {
  if (step.job.permissions === undefined && step.documented.workflow.permissions === undefined)
    return 'write'
  const permissions = effectivePermissions(step.documented, step.job)
  if (grants(permissions, 'issues', 'write')) return 'write'
  return grants(permissions, 'issues', 'read') ? 'read' : 'none'
}

async function runStep(
  sim: Simulator,
  step: DocumentedStep,
  mode: string,
  workspace?: string
): Promise<ActionRun> {
  const idToken = grants(effectivePermissions(step.documented, step.job), 'id-token', 'write')
  return runAction(sim, runnerInputs(sim, step, mode), {
    workflow: step.documented.text,
    workspace,
    // A job without `id-token: write` gets no ID token request URL from the runner.
    env: idToken ? {} : { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }
  })
}

function failedChecks(run: ActionRun): string[] {
  return (run.outputs['failed-checks'] ?? '').split(',').filter(Boolean)
}

/**
 * Runs the step in one mode until it passes, doing between runs only what the README tells a
 * person to do about the check that stopped it, each at most once.
 */
async function firstGreenRun(
  sim: Simulator,
  step: DocumentedStep,
  mode: string,
  story: string[],
  workspace?: string
): Promise<ActionRun> {
  const done = new Set<string>()
  for (;;) {
    const before = sim.requests.length
    const run = await runStep(sim, step, mode, workspace)
    const failed = failedChecks(run)
    story.push(`${mode}: exit ${run.exitCode}, ${run.outputs.result}, failed [${failed.join(',')}]`)
    if (run.exitCode === 0 && run.outputs.result === 'pass') {
      if (mode !== 'setup') {
        // validate and check write nothing but the tracking issue.
        const writes = writesOf(sim.requests.slice(before)).filter(w => !w.includes(' github-api '))
        expect(writes).toEqual([])
      }
      return run
    }
    const next = personStep(failed, mode)
    if (next === undefined || done.has(next))
      throw new Error(
        `${step.source}: no documented way past ${failed.join(',')}:\n${story.join('\n')}\n${run.summary.slice(0, 2000)}`
      )
    done.add(next)
    story.push(`  (a person: ${next})`)
    if (next === 'consent') sim.state.servicePrincipalPresent = true
    if (next === 'assign the role') assignCmkRole(sim, step.inputs['key-name'] ?? '')
    if (next === 'run setup first') await firstGreenRun(sim, step, 'setup', story, workspace)
  }
}

/** What the README's setup section and the checks' fixes tell a person to do next. */
function personStep(failed: string[], mode: string): string | undefined {
  if (failed.includes('app.consented')) return 'consent'
  if (failed.includes('app.role')) return 'assign the role'
  if (mode !== 'setup' && failed.every(id => id === 'app.registered' || id === 'config.status'))
    return 'run setup first'
  return undefined
}

function assignCmkRole(sim: Simulator, keyName: string): void {
  const s = sim.state
  if (s.managedHsm && !s.vault)
    s.managedHsm.localRoleAssignments.push({
      principalId: s.cmkApp.objectId,
      roleDefinitionGuid: HSM_ROLE.cryptoServiceEncryptionUser,
      scope: `/keys/${keyName}`
    })
  else s.roleAssignments = cmkAppVaultRole(s)
}

describe('each documented example, followed from a new org', () => {
  it('finds the examples', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(6)
  })

  // Concurrent: each example has a simulator of its own, and most of a run is waiting on polls.
  it.concurrent.each(runnable.map(step => [`${step.source} (job ${step.jobId})`, step] as const))(
    '%s reaches its first green run in every mode it offers',
    async (_, step) => {
      const sim = await startSimulator(newOrg(step))
      const story: string[] = []
      try {
        const modes = modesOf(step)
        expect(modes.length).toBeGreaterThan(0)
        for (const mode of modes) {
          const run = await firstGreenRun(sim, step, mode, story)
          expect(run.outputs.result).toBe('pass')
        }
        // A setup that passed left Adobe's configuration COMPLETED, once.
        if (modes.includes('setup')) {
          expect(sim.counters.configSubmissions).toBe(1)
        }
      } finally {
        await sim.close()
      }
    },
    120_000
  )
})

/** A workflow step of another action, by the start of its `uses:`, in one job. */
function stepUsing(job: DocumentedStep['job'], action: string) {
  return (job.steps ?? []).find(s => (s.uses ?? '').startsWith(action))
}

/** A glob of artifact names (`aep-cmk-report-*`) as download-artifact's `pattern` matches it. */
function matchesPattern(name: string, pattern: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`).test(name)
}

describe('each documented fleet, followed from new orgs', () => {
  it('finds the fleet workflow of docs/fleet.md', () => {
    expect(fleets.some(source => source.startsWith('docs/fleet.md'))).toBe(true)
  })

  it.each(fleets)(
    '%s: every org reaches a green check, and summarize reads the reports its artifacts carry',
    async source => {
      const steps = documented.filter(step => step.source === source)
      const summarizer = steps.find(step => modesOf(step).includes('summarize'))!
      const producers = steps.filter(step => step !== summarizer)
      expect(producers.length).toBeGreaterThan(1)
      const workspace = mkdtempSync(join(tmpdir(), 'aep-cmk-fleet-example-'))
      const story: string[] = []
      try {
        // Each matrix job against its own org, one after the other (max-parallel aside).
        for (const step of producers) {
          const sim = await startSimulator(newOrg(step))
          try {
            for (const mode of modesOf(step)) await firstGreenRun(sim, step, mode, story, workspace)
          } finally {
            await sim.close()
          }
        }
        // The artifacts: each producer job uploads its report under a name of its own; the last
        // job downloads those its pattern matches into one folder (merge-multiple).
        const download = stepUsing(summarizer.job, 'actions/download-artifact')?.with ?? {}
        expect(download['merge-multiple']).toBe(true)
        const names = producers.map(step => {
          const upload = stepUsing(step.job, 'actions/upload-artifact')?.with ?? {}
          const name = String(upload.name)
          const path = join(workspace, String(upload.path))
          expect(matchesPattern(name, String(download.pattern))).toBe(true)
          expect(existsSync(path)).toBe(true)
          mkdirSync(join(workspace, String(download.path)), { recursive: true })
          copyFileSync(path, join(workspace, String(download.path), basename(path)))
          return name
        })
        expect(new Set(names).size).toBe(producers.length)
        const summary = await runAction(
          undefined,
          runnerInputs(undefined, summarizer, 'summarize'),
          {
            workspace,
            workflow: summarizer.documented.text
          }
        )
        expect(summary.outputs.result).toBe('pass')
        expect(summary.exitCode).toBe(0)
        for (const step of producers)
          expect(summary.summary).toContain(step.inputs['key-vault-name'])
      } catch (error) {
        throw new Error(`${String(error)}\n${story.join('\n')}`, { cause: error })
      } finally {
        rmSync(workspace, { recursive: true, force: true })
      }
    },
    300_000
  )
})
