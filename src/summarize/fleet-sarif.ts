import type { Log, Run } from 'sarif'
import { CHECK_IDS, type CheckId, type Finding } from '../model/finding.js'
import { buildSarif, SARIF_SCHEMA } from '../report/sarif.js'
import type { WorkflowLocation } from '../report/workflow-location.js'
import type { FleetTarget } from './fleet.js'

/**
 * The most runs code scanning takes in one upload: "Runs per file: 20" in GitHub's "SARIF
 * results exceed limit" (uploads with more are refused: "rejecting SARIF, as there are more runs
 * than allowed (21 > 20)"; it was 15 before 2023). upload-sarif merges every file of a directory
 * into one upload, so the limit holds per upload, not per file.
 */
export const MAX_RUNS_PER_UPLOAD = 20

/** One SARIF file to write: where, and the log. */
export interface SarifPart {
  path: string
  log: Log
}

/**
 * For each target whose run read the services, the runs its own job's SARIF file holds (its
 * category `aep-cmk/<vault>/<key>/`, and `.../blocked/` beside it; report/sarif.ts says why),
 * with the same fingerprints, so that code scanning sees the same alerts from either upload. At
 * most MAX_RUNS_PER_UPLOAD runs per file and no category twice in a file, a target's runs never
 * split: more go to further files
 * beside the first (`fleet.sarif`, `fleet.2.sarif`, ...), each needing its own upload. None when
 * no target read the services.
 */
export function fleetSarif(
  targets: readonly FleetTarget[],
  location: WorkflowLocation,
  path: string
): SarifPart[] {
  const files: Run[][] = []
  for (const target of targets) {
    if (!target.identity || !target.gatheredFacts) continue
    const key = {
      orgId: target.identity.orgId,
      vaultName: target.identity.vault,
      keyName: target.identity.key
    }
    const runs = buildSarif(sarifFindings(target), key, location, target.strict).runs
    // Code scanning refuses an upload with two runs of one category: two orgs guarding the same
    // vault and key (the category names vault and key only) go to different files.
    const categories = new Set(runs.map(categoryOf))
    const fits = (file: Run[]): boolean =>
      file.length + runs.length <= MAX_RUNS_PER_UPLOAD &&
      !file.some(run => categories.has(categoryOf(run)))
    const file = files.find(fits)
    if (file) file.push(...runs)
    else files.push([...runs])
  }
  return files.map((runs, i) => ({
    path: partPath(path, i + 1),
    log: { $schema: SARIF_SCHEMA, version: '2.1.0', runs }
  }))
}

/**
 * The target's failed, warned and skipped checks as findings. Ids a later version of the action
 * added are left out: this version has no rule for them to report under.
 */
function sarifFindings(target: FleetTarget): Finding[] {
  const known = (id: string): id is CheckId => (CHECK_IDS as readonly string[]).includes(id)
  const decided: Finding[] = [...target.failed, ...target.warned].flatMap(c =>
    known(c.id) ? [{ id: c.id, outcome: c.outcome, detail: c.detail, fix: c.fix ?? undefined }] : []
  )
  const skipped: Finding[] = target.skipped.flatMap(s =>
    known(s.id) && known(s.blockedBy)
      ? [{ id: s.id, outcome: 'skipped' as const, detail: '', blockedBy: s.blockedBy }]
      : []
  )
  return [...decided, ...skipped]
}

function categoryOf(run: Run): string | undefined {
  return run.automationDetails?.id
}

/** The first part at `path`; part n at `<name>.<n><ext>` beside it. */
function partPath(path: string, n: number): string {
  if (n === 1) return path
  const match = /^(.*?)(\.[^./\\]+)?$/.exec(path)
  return `${match?.[1] ?? path}.${n}${match?.[2] ?? ''}`
}
