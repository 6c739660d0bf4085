import { CHECK_CATALOG } from '../checks/check-catalog.js'
import { CHECK_IDS, type Finding } from '../model/finding.js'
import type { RunResult } from './run-result.js'

/** The verdict's second half: what to do next, or that nothing is left to do. */
export function nextStep(r: RunResult, firstFailure: Finding | undefined): string {
  if (r.result === 'pass') {
    if (r.status === 'COMPLETED') return 'customer-managed keys are active; nothing to do'
    if (r.mode === 'validate') return 'setup can go ahead'
    return 'nothing to do'
  }
  if (r.error !== undefined && !firstFailure) return 'fix the error below, then re-run'
  if (!firstFailure) return 'see below'
  const id = firstFailure.id
  // A report written by another version may name a check this one does not know.
  const step = CHECK_IDS.includes(id) ? CHECK_CATALOG[id].nextStep : `fix ${id}`
  return `${step} (\`${id}\`), then re-run`
}
