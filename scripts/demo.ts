/**
 * `npm run demo`: the committed bundle against the simulator, the way a workflow runs it.
 *
 * 1. `mode: setup` on a tenant where Adobe has no CMK app registration yet: the action registers
 *    the app, waits for it, submits the configuration and follows it to COMPLETED.
 * 2. `mode: check` afterwards: passes without writing anything.
 *
 * `npm run demo -- --managed-hsm` runs both against a Managed HSM instead of a Key Vault
 * (key-vault-type auto finds it; its local RBAC decides app.role).
 *
 * Exits non-zero when either run did not do what it should.
 */
import {
  CONFIG_SEQUENCES,
  firewalledVault,
  managedHsmScenario,
  startSimulator,
  type Simulator
} from '../test/simulator/index.js'
import { runAction, defaultInputs, writesOf, type ActionRun } from '../test/run-action.js'

const RULE = '═'.repeat(78)

function heading(title: string): void {
  console.log(`\n${RULE}\n  ${title}\n${RULE}`)
}

function subheading(title: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 74 - title.length))}`)
}

function indent(text: string, prefix: string): string {
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .map(line => `${prefix}${line}`)
    .join('\n')
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

async function main(): Promise<void> {
  const started = Date.now()
  const managedHsm = process.argv.slice(2).includes('--managed-hsm')
  const sim = await startSimulator({
    // The vault as Azure's baseline and Adobe ask for it: a Deny firewall that allows only Adobe's
    // 20.88.123.53, so the runner is refused by the data plane; the action reads through ARM.
    // With --managed-hsm: a Managed HSM instead, and no Key Vault of that name.
    ...(managedHsm ? managedHsmScenario() : { vault: firewalledVault() }),
    // Adobe has no CMK app registration yet: the first GET after the POST still answers 404.
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
    ...(managedHsm ? { 'key-vault-name': sim.state.managedHsm!.name } : {})
  })
  const problems: string[] = []
  try {
    heading(
      managedHsm
        ? '1/2  mode: setup  (Managed HSM, local RBAC; no CMK app registration yet; configuration NEW → … → COMPLETED)'
        : '1/2  mode: setup  (firewalled vault that allows only Adobe; no CMK app registration yet; configuration NEW → … → COMPLETED)'
    )
    const setup = await runAction(sim, inputs('setup'))
    show(setup, sim, 0)
    const afterSetup = sim.requests.length
    const setupWrites = writesOf(sim.requests)
    if (setup.exitCode !== 0 || setup.outputs.result !== 'pass')
      problems.push(`setup: exit ${setup.exitCode}, result ${setup.outputs.result}`)
    if (setup.outputs.status !== 'COMPLETED')
      problems.push(`setup: status ${setup.outputs.status}, expected COMPLETED`)
    if (sim.counters.registrationRequests !== 1)
      problems.push(`setup: ${sim.counters.registrationRequests} registration requests, expected 1`)
    const refused = sim.requests.filter(r => r.service === 'keyvault' && r.status === 403)
    if (refused.length > 0)
      problems.push(`setup: the vault firewall refused ${refused.length} data-plane requests`)

    heading('2/2  mode: check  (after setup: must pass and write nothing)')
    const check = await runAction(sim, inputs('check'))
    show(check, sim, afterSetup)
    const checkWrites = writesOf(sim.requests.slice(afterSetup))
    if (check.exitCode !== 0 || check.outputs.result !== 'pass')
      problems.push(`check: exit ${check.exitCode}, result ${check.outputs.result}`)
    if (checkWrites.length > 0) problems.push(`check wrote: ${checkWrites.join('; ')}`)

    heading('Result')
    const { configSubmissions, registrationRequests } = sim.counters
    console.log(
      `  setup:  exit ${setup.exitCode}, result ${setup.outputs.result}, status ${setup.outputs.status}`
    )
    console.log(`          writes: ${setupWrites.join('; ') || 'none'}`)
    console.log(
      `  check:  exit ${check.exitCode}, result ${check.outputs.result}, status ${check.outputs.status}`
    )
    console.log(`          writes: ${checkWrites.join('; ') || 'none'}`)
    console.log(`  configuration submissions (simulator counter): ${configSubmissions}`)
    console.log(`  app registration requests (simulator counter): ${registrationRequests}`)
    if (configSubmissions !== 1)
      problems.push(`${configSubmissions} configuration submissions in all, expected exactly 1`)
    console.log(`  demo took ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    await sim.close()
  }
  if (problems.length > 0) {
    console.log('\nDEMO FAILED:')
    for (const p of problems) console.log(`  - ${p}`)
    process.exitCode = 1
  } else {
    console.log('\nDEMO OK: setup passed, check passed, exactly one configuration submitted.')
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
