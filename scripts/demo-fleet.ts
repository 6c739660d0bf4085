/**
 * `npm run demo -- --fleet`: three Adobe orgs, each with its own vault, key and simulator, run
 * their nightly `check` as the jobs of a matrix would (one passes, one fails: someone disabled
 * its key, one passes with a warning: no rotation policy); their JSON reports land in one folder,
 * as download-artifact leaves them; then `mode: summarize` reads them all and prints the fleet's
 * job summary. Returns the problems found (empty when every run did what the story needs).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FLEET, checkOrg, writeReports, type FleetOrg } from '../test/fleet-runs.js'
import { runAction, type ActionRun } from '../test/run-action.js'

const RULE = '═'.repeat(78)

export function indent(text: string, prefix: string): string {
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .map(line => `${prefix}${line}`)
    .join('\n')
}

export async function fleetDemo(): Promise<string[]> {
  const problems: string[] = []
  const workspace = mkdtempSync(join(tmpdir(), 'aep-cmk-fleet-demo-'))
  try {
    console.log(`\n${RULE}\n  Matrix: one check job per org (${FLEET.length} orgs)\n${RULE}`)
    const runs: Array<[FleetOrg, ActionRun]> = []
    for (const org of FLEET) {
      const run = await checkOrg(org)
      runs.push([org, run])
      console.log(
        `  check ${org.name.padEnd(5)} ${org.orgId}  ${org.vault}/${org.key}: exit ${run.exitCode}, ` +
          `result ${run.outputs.result}, failed ${run.outputs['failed-checks'] || 'none'}` +
          (run.stdout.includes('::warning title=') ? ' (with warnings)' : '')
      )
    }
    const expected: Record<FleetOrg['problem'], string> = {
      none: 'pass',
      'disabled-key': 'fail',
      'no-rotation-policy': 'pass'
    }
    for (const [org, run] of runs)
      if (run.outputs.result !== expected[org.problem])
        problems.push(
          `check ${org.name}: result ${run.outputs.result}, expected ${expected[org.problem]}`
        )

    writeReports(join(workspace, 'reports'), runs)
    console.log(
      `\n  The reports, uploaded as artifacts and downloaded with merge-multiple: ${join(workspace, 'reports')}`
    )
    console.log(`\n${RULE}\n  mode: summarize  reports: reports/*.json\n${RULE}`)
    const summary = await runAction(
      undefined,
      { mode: 'summarize', reports: 'reports/*.json' },
      { workspace }
    )
    console.log(`\n── Outputs (exit code ${summary.exitCode}) ${'─'.repeat(50)}`)
    for (const [name, value] of Object.entries(summary.outputs))
      console.log(`  ${name.padEnd(15)} ${value === '' ? '(empty)' : value}`)
    console.log(`\n── Job summary (GITHUB_STEP_SUMMARY, Markdown) ${'─'.repeat(31)}`)
    console.log(indent(summary.summary, '  md │ '))
    const failing = FLEET.filter(o => o.problem === 'disabled-key').map(o => `${o.vault}/${o.key}`)
    if (summary.exitCode !== 1) problems.push(`summarize: exit ${summary.exitCode}, expected 1`)
    if (summary.outputs['failed-targets'] !== failing.join(','))
      problems.push(
        `summarize: failed-targets "${summary.outputs['failed-targets']}", expected ${failing.join(',')}`
      )
    return problems
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
}
