/**
 * A small fleet for the summarize tests and `npm run demo -- --fleet`: three Adobe orgs, each
 * with its own vault, key and simulator, whose nightly `check` passes, fails (someone disabled
 * the key) or passes with a warning (the key has no rotation policy). Each run's JSON report is
 * kept, as a matrix job would upload it.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultInputs, runAction, type ActionRun } from './run-action.js'
import {
  defaultKey,
  defaultVault,
  makeScenario,
  startSimulator,
  type Simulator
} from './simulator/index.js'

export interface FleetOrg {
  /** Short name: the artifact and the report file are named after it. */
  name: string
  orgId: string
  vault: string
  key: string
  /** What is wrong with this org's key, if anything. */
  problem: 'none' | 'disabled-key' | 'no-rotation-policy'
  /** The run id its matrix job would have: each org's row links to its own run. */
  runId: string
}

export const FLEET: readonly FleetOrg[] = [
  {
    name: 'us',
    orgId: '0123456789ABCDEF01234567@AdobeOrg',
    vault: 'kv-aep-cmk-us',
    key: 'aep-cmk-key',
    problem: 'none',
    runId: '9100000001'
  },
  {
    name: 'emea',
    orgId: '89ABCDEF0123456789ABCDEF@AdobeOrg',
    vault: 'kv-aep-cmk-emea',
    key: 'aep-cmk-key',
    problem: 'disabled-key',
    runId: '9100000002'
  },
  {
    name: 'apac',
    orgId: 'FEDCBA9876543210FEDCBA98@AdobeOrg',
    vault: 'kv-aep-cmk-apac',
    key: 'aep-cmk-key',
    problem: 'no-rotation-policy',
    runId: '9100000003'
  }
]

/** The org's Azure and Adobe side: a healthy vault and key, and a COMPLETED configuration. */
export async function startOrg(org: FleetOrg): Promise<Simulator> {
  const base = makeScenario()
  const sim = await startSimulator({
    adobe: { ...base.adobe, orgId: org.orgId },
    vault: defaultVault(org.vault),
    key: defaultKey(org.key)
  })
  const key = sim.state.key!
  const version = key.versions[key.versions.length - 1] ?? ''
  const name = `cmk-${org.vault}-${org.key}`
  sim.state.configs[name] = {
    name,
    id: '3e8b1f0a-6c2d-4e7a-9b5f-1d0c8a6e4b27',
    imsOrgId: org.orgId,
    status: 'COMPLETED',
    upcoming: [],
    configData: {
      providerType: 'AZURE_KEYVAULT',
      keyVaultUri: sim.vaultUri(),
      keyVaultKeyIdentifier: `${sim.vaultUri()}keys/${key.name}/${version}`,
      keyName: key.name,
      keyVersion: version
    }
  }
  if (org.problem === 'disabled-key') key.enabled = false
  if (org.problem === 'no-rotation-policy') key.rotationPolicy = undefined
  return sim
}

/** One org's nightly check, with its JSON report (and SARIF file) as its job writes them. */
export async function checkOrg(
  org: FleetOrg,
  options: { withSarif?: boolean } = {}
): Promise<ActionRun> {
  const sim = await startOrg(org)
  try {
    return await runAction(sim, defaultInputs(sim, 'check'), {
      withReport: true,
      withSarif: options.withSarif,
      env: { GITHUB_RUN_ID: org.runId }
    })
  } finally {
    await sim.close()
  }
}

/** Writes each run's report to `<dir>/<org>.json`, as download-artifact leaves them; returns the paths. */
export function writeReports(dir: string, runs: ReadonlyArray<[FleetOrg, ActionRun]>): string[] {
  mkdirSync(dir, { recursive: true })
  return runs.map(([org, run]) => {
    const path = join(dir, `${org.name}.json`)
    writeFileSync(path, `${JSON.stringify(run.report, null, 2)}\n`)
    return path
  })
}
