import type { CheckId, SkippedFinding } from '../model/finding.js'

/**
 * A dependent check whose input facts are missing because `blockedBy` failed. It is neither a
 * warning nor a failure: the failed check already fails the run and says what it blocked.
 */
export function skipped(id: CheckId, blockedBy: CheckId): SkippedFinding {
  return {
    id,
    outcome: 'skipped',
    detail: `skipped: ${blockedBy} failed`,
    blockedBy,
    evidence: { skippedBecause: blockedBy }
  }
}
