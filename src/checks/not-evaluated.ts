import type { CheckId, Finding } from './finding.js'

/** A dependent check whose input facts are missing because the root check failed. */
export function notEvaluated(id: CheckId, root: CheckId): Finding {
  return {
    id,
    outcome: 'warn',
    detail: `not evaluated: ${root} failed`,
    fix: `Fix ${root} first; this check is decided once it passes.`,
    evidence: { notEvaluatedBecause: root }
  }
}
