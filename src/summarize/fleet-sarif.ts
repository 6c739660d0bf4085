import type { Log, Run } from 'sarif'
import { CHECK_IDS, type CheckId, type DecidedFinding } from '../model/finding.js'
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
 * One run per target whose run read the services (as a run of `check` writes it: category
 * `aep-cmk/<vault>/<key>/`, the same fingerprints), at most MAX_RUNS_PER_UPLOAD runs per file.
 * More targets than that go to further files beside the first (`fleet.sarif`, `fleet.2.sarif`,
 * ...), each of which needs its own upload. None when no target read the services.
 */
export function fleetSarif(
  targets: readonly FleetTarget[],
  location: WorkflowLocation,
  path: string
): SarifPart[] {
  const runs: Run[] = targets.flatMap(target => {
    if (!target.identity || !target.gatheredFacts) return []
    const key = {
      orgId: target.identity.orgId,
      vaultName: target.identity.vault,
      keyName: target.identity.key
    }
    return buildSarif(sarifFindings(target), key, location, target.strict).runs
  })
  const parts: SarifPart[] = []
  for (let i = 0; i < runs.length; i += MAX_RUNS_PER_UPLOAD)
    parts.push({
      path: partPath(path, parts.length + 1),
      log: { $schema: SARIF_SCHEMA, version: '2.1.0', runs: runs.slice(i, i + MAX_RUNS_PER_UPLOAD) }
    })
  return parts
}

/**
 * The target's failed and warned checks as findings. Ids a later version of the action added are
 * left out: this version has no rule for them to report under.
 */
function sarifFindings(target: FleetTarget): DecidedFinding[] {
  return [...target.failed, ...target.warned]
    .filter((c): c is typeof c & { id: CheckId } => (CHECK_IDS as readonly string[]).includes(c.id))
    .map(c => ({ id: c.id, outcome: c.outcome, detail: c.detail, fix: c.fix ?? undefined }))
}

/** The first part at `path`; part n at `<name>.<n><ext>` beside it. */
function partPath(path: string, n: number): string {
  if (n === 1) return path
  const match = /^(.*?)(\.[^./\\]+)?$/.exec(path)
  return `${match?.[1] ?? path}.${n}${match?.[2] ?? ''}`
}
