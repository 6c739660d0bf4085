/**
 * `npm run demo`: the committed bundle against the simulator, the way a workflow runs it, telling
 * the real onboarding story on a vault whose firewall lets only Adobe in:
 *
 * 1. `setup` on an organisation without a CMK app registration: the action registers the app and
 *    stops at app.consented, showing the consent link an administrator must open.
 * 2. (an administrator consents: the CMK app's service principal now exists) `setup` again: it
 *    stops at app.role, showing the exact role-assignment command.
 * 3. (someone assigns the role) `setup` again: it submits the key and follows it to COMPLETED.
 * 4. A nightly `check` after someone removed the vault's diagnostic setting and disabled the key:
 *    it fails at key.enabled and warns at vault.audit-log (nobody could tell who did it), whose
 *    fix it shows in its three forms: `az`, Terraform and Bicep.
 *
 * `npm run demo -- --managed-hsm` runs setup and check against a Managed HSM instead (key-vault-type
 * auto finds it; its local RBAC decides app.role).
 *
 * `npm run demo -- --fleet` checks three orgs (one failing) and summarizes their reports in one
 * job summary (scripts/demo-fleet.ts).
 *
 * Exits non-zero when any run did not do what it should; the last line says DEMO OK otherwise.
 */
import {
  CONFIG_SEQUENCES,
  cmkAppVaultRole,
  firewalledVault,
  managedHsmScenario,
  startSimulator,
  type Simulator
} from '../test/simulator/index.js'
import { runAction, defaultInputs, writesOf, type ActionRun } from '../test/run-action.js'
import { CHECK_CATALOG } from '../src/checks/check-catalog.js'
import { fleetDemo, indent } from './demo-fleet.js'

const RULE = '═'.repeat(78)

function heading(title: string): void {
  console.log(`\n${RULE}\n  ${title}\n${RULE}`)
}

function subheading(title: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 74 - title.length))}`)
}

/** Prints what the runner would show of one run: log, outputs, job summary. */
function show(run: ActionRun, sim: Simulator, requestsBefore: number): void {
  subheading(`Action log (stdout), exit code ${run.exitCode}`)
  const lines = run.stdout.replace(/\n+$/, '').split('\n')
  // The runner consumes these commands; ::add-mask:: carries the very secrets it masks.
  const hidden = lines.filter(l => l.startsWith('::add-mask::') || l.startsWith('::debug::'))
  const shown = lines.filter(l => !hidden.includes(l))
  console.log(indent(shown.join('\n'), '  action │ '))
  if (hidden.length > 0)
    console.log(`  (${hidden.length} ::add-mask:: / ::debug:: commands not shown)`)
  if (run.stderr.trim()) console.log(indent(run.stderr, '  stderr │ '))

  subheading('Outputs (GITHUB_OUTPUT)')
  const width = Math.max(...Object.keys(run.outputs).map(k => k.length))
  for (const [name, value] of Object.entries(run.outputs))
    console.log(`  ${name.padEnd(width)}  ${value === '' ? '(empty)' : value}`)

  subheading('Job summary (GITHUB_STEP_SUMMARY, Markdown)')
  console.log(indent(run.summary, '  md │ '))

  subheading('Requests the action sent to the simulator')
  for (const r of sim.requests.slice(requestsBefore))
    console.log(
      `  ${String(r.status).padStart(3)} ${r.method.padEnd(6)} ${r.service.padEnd(8)} ${r.path}`
    )
  console.log(`  wall time ${run.closedAt - run.spawnedAt} ms`)
}

type Expectation = { exit: number; failed?: string; notFailed?: string; status?: string }

/**
 * A warned check's fix in the three forms a team may keep its vault in: the run's own `az` form
 * (from the JSON report, filled in with this vault) and the check catalog's Terraform and Bicep
 * forms (as docs/checks.md shows them).
 */
function showFixForms(run: ActionRun, id: 'vault.audit-log' | 'vault.delete-lock'): string[] {
  const findings = (run.report?.findings ?? []) as Array<{
    id: string
    outcome: string
    fix?: string
  }>
  const warned = findings.find(f => f.id === id && f.outcome === 'warn')
  const { terraform, bicep } = CHECK_CATALOG[id].fix
  subheading(`${id}: the fix in three forms`)
  console.log(indent(`az:        ${warned?.fix ?? '(none)'}`, '  '))
  console.log(indent(`Terraform (azurerm):\n${indent(terraform ?? '(none)', '  ')}`, '  '))
  console.log(indent(`Bicep:\n${indent(bicep ?? '(none)', '  ')}`, '  '))
  if (!warned) return [`${id} did not warn`]
  return warned.fix && terraform && bicep ? [] : [`${id} lacks one of its three fix forms`]
}

/** Checks one run against what the story needs; returns the problems found. */
function expectRun(name: string, run: ActionRun, want: Expectation): string[] {
  const problems: string[] = []
  const failed = (run.outputs['failed-checks'] ?? '').split(',').filter(Boolean)
  if (run.exitCode !== want.exit)
    problems.push(`${name}: exit ${run.exitCode}, expected ${want.exit}`)
  if (want.failed && !failed.includes(want.failed))
    problems.push(`${name}: failed-checks "${failed.join(',')}" lacks ${want.failed}`)
  if (want.notFailed && failed.includes(want.notFailed))
    problems.push(`${name}: ${want.notFailed} still fails`)
  if (want.status && run.outputs.status !== want.status)
    problems.push(`${name}: status ${run.outputs.status}, expected ${want.status}`)
  return problems
}

async function managedHsmDemo(): Promise<string[]> {
  const sim = await startSimulator({
    ...managedHsmScenario(),
    registration: {
      status: 'absent',
      getsUntilReady: 1,
      pendingAnswer: 'not-found',
      readyAfterGets: 2
    },
    configStatusSequence: [...CONFIG_SEQUENCES.normal]
  })
  const inputs = (mode: string) => ({
    ...defaultInputs(sim, mode),
    'key-vault-name': sim.state.managedHsm!.name
  })
  try {
    heading('1/2  mode: setup  (Managed HSM, local RBAC; no CMK app registration yet)')
    const setup = await runAction(sim, inputs('setup'))
    show(setup, sim, 0)
    const afterSetup = sim.requests.length
    heading('2/2  mode: check  (after setup: must pass and write nothing)')
    const check = await runAction(sim, inputs('check'))
    show(check, sim, afterSetup)
    const checkWrites = writesOf(sim.requests.slice(afterSetup))
    return [
      ...expectRun('setup', setup, { exit: 0, status: 'COMPLETED' }),
      ...expectRun('check', check, { exit: 0, status: 'COMPLETED' }),
      ...(checkWrites.length > 0 ? [`check wrote: ${checkWrites.join('; ')}`] : []),
      ...(sim.counters.configSubmissions !== 1
        ? [`${sim.counters.configSubmissions} configuration submissions, expected 1`]
        : [])
    ]
  } finally {
    await sim.close()
  }
}

async function onboardingStory(): Promise<string[]> {
  const sim = await startSimulator({
    // The vault as Azure's baseline and Adobe ask for it: a Deny firewall that allows only Adobe's
    // 20.88.123.53, so the runner is refused by the data plane; the action reads through ARM.
    vault: firewalledVault(),
    // A new organisation: no CMK app registration, so no service principal and no role either.
    registration: {
      status: 'absent',
      getsUntilReady: 1,
      pendingAnswer: 'not-found',
      readyAfterGets: 2
    },
    servicePrincipalPresent: false,
    roleAssignments: [],
    configStatusSequence: [...CONFIG_SEQUENCES.normal]
  })
  const problems: string[] = []
  try {
    heading('Run 1/4  mode: setup  (new organisation: no CMK app, no consent, no role)')
    const first = await runAction(sim, defaultInputs(sim, 'setup'))
    show(first, sim, 0)
    problems.push(...expectRun('run 1', first, { exit: 1, failed: 'app.consented' }))
    if (!first.outputs['consent-url']) problems.push('run 1: no consent-url output')
    if (sim.counters.registrationRequests !== 1)
      problems.push(`run 1: ${sim.counters.registrationRequests} registration requests, expected 1`)

    console.log(
      "\n  >>> An administrator of the vault's tenant opens the consent-url above and consents."
    )
    sim.state.servicePrincipalPresent = true
    let before = sim.requests.length
    heading('Run 2/4  mode: setup  (consented; the CMK app still lacks its role)')
    const second = await runAction(sim, defaultInputs(sim, 'setup'))
    show(second, sim, before)
    problems.push(
      ...expectRun('run 2', second, { exit: 1, failed: 'app.role', notFailed: 'app.consented' })
    )

    console.log('\n  >>> Someone runs the role-assignment command from the summary above.')
    sim.state.roleAssignments = cmkAppVaultRole(sim.state)
    before = sim.requests.length
    heading('Run 3/4  mode: setup  (consented, role assigned: submits and follows to COMPLETED)')
    const third = await runAction(sim, defaultInputs(sim, 'setup'))
    show(third, sim, before)
    problems.push(...expectRun('run 3', third, { exit: 0, status: 'COMPLETED' }))

    console.log(
      "\n  >>> Weeks later, someone deletes the vault's diagnostic setting and disables the key."
    )
    sim.state.vault!.diagnosticSettings = []
    sim.state.key!.enabled = false
    before = sim.requests.length
    heading('Run 4/4  mode: check  (the nightly compliance check)')
    const nightly = await runAction(sim, defaultInputs(sim, 'check'), { withReport: true })
    show(nightly, sim, before)
    problems.push(...expectRun('run 4', nightly, { exit: 1, failed: 'key.enabled' }))
    problems.push(...showFixForms(nightly, 'vault.audit-log'))
    const nightlyWrites = writesOf(sim.requests.slice(before))
    if (nightlyWrites.length > 0) problems.push(`check wrote: ${nightlyWrites.join('; ')}`)

    heading('Result')
    for (const [name, run] of [
      ['run 1 setup', first],
      ['run 2 setup', second],
      ['run 3 setup', third],
      ['run 4 check', nightly]
    ] as const)
      console.log(
        `  ${name}: exit ${run.exitCode}, result ${run.outputs.result}, status ${run.outputs.status}, failed ${run.outputs['failed-checks'] || 'none'}`
      )
    const { configSubmissions, registrationRequests } = sim.counters
    console.log(`  configuration submissions (simulator counter): ${configSubmissions}`)
    console.log(`  app registration requests (simulator counter): ${registrationRequests}`)
    if (configSubmissions !== 1)
      problems.push(`${configSubmissions} configuration submissions in all, expected exactly 1`)
    if (registrationRequests !== 1)
      problems.push(`${registrationRequests} registration requests in all, expected exactly 1`)
  } finally {
    await sim.close()
  }
  return problems
}

async function main(): Promise<void> {
  const started = Date.now()
  const managedHsm = process.argv.slice(2).includes('--managed-hsm')
  const fleet = process.argv.slice(2).includes('--fleet')
  const problems = fleet
    ? await fleetDemo()
    : managedHsm
      ? await managedHsmDemo()
      : await onboardingStory()
  console.log(`  demo took ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (problems.length > 0) {
    console.log('\nDEMO FAILED:')
    for (const p of problems) console.log(`  - ${p}`)
    process.exitCode = 1
  } else if (fleet) {
    console.log(
      '\nDEMO OK: three orgs checked, one failing; summarize named it first and failed the job.'
    )
  } else if (managedHsm) {
    console.log(
      '\nDEMO OK: Managed HSM setup passed, check passed, exactly one configuration submitted.'
    )
  } else {
    console.log(
      '\nDEMO OK: consent, role, COMPLETED in three setup runs with one submission; the nightly check caught the disabled key and warned that nobody keeps the audit logs.'
    )
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
