import { CHECK_IDS, type CheckId, type Finding, type Outcome } from '../model/finding.js'

/** With strict, warnings count as failures. */
export function countsAsFailure(outcome: Outcome, strict: boolean): boolean {
  return outcome === 'fail' || (strict && outcome === 'warn')
}

/** Ids of the findings that fail the job, in the order given. */
export function failedCheckIds(findings: Finding[], strict: boolean): CheckId[] {
  return findings.filter(finding => countsAsFailure(finding.outcome, strict)).map(f => f.id)
}

/**
 * Adds `finding` (e.g. config.status, or app.registered after registering), replacing any
 * finding with the same id; the result is in contract order.
 */
export function upsertFinding(findings: Finding[], finding: Finding): Finding[] {
  const others = findings.filter(existing => existing.id !== finding.id)
  return [...others, finding].sort((a, b) => CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id))
}
