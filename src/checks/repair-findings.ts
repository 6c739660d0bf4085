import type { RepairOutcome } from '../model/repair-outcome.js'
import type { Finding } from '../model/finding.js'

/**
 * Adds what remediation did to the findings of the checks it answered, where they still do not
 * pass: a refused repair quotes the service and names the permission next to the manual fix.
 */
export function withRepairOutcomes(findings: Finding[], outcomes: RepairOutcome[]): Finding[] {
  return findings.map(finding => {
    const outcome = outcomes.find(o => o.check === finding.id)
    if (!outcome || finding.outcome === 'pass' || finding.outcome === 'skipped') return finding
    const evidence = { ...finding.evidence, remediation: outcome }
    const detail = (note: string) => `${finding.detail} remediate: ${outcome.item} ${note}`
    switch (outcome.result) {
      case 'refused':
        return {
          ...finding,
          detail: detail(
            `was refused: ${outcome.call} answered${outcome.status ? ` HTTP ${outcome.status}` : ''}: ${outcome.message}`
          ),
          fix: `Grant the job's identity ${outcome.permission}, then re-run; or fix it by hand: ${finding.fix ?? ''}`.trim(),
          evidence
        }
      case 'failed':
        return {
          ...finding,
          detail: detail(`failed: ${outcome.call}: ${outcome.message}`),
          evidence
        }
      case 'not-possible':
        return { ...finding, detail: detail(`changed nothing: ${outcome.reason}`), evidence }
      default:
        return {
          ...finding,
          detail: detail(`${outcome.summary}, yet the check does not pass when read again.`),
          evidence
        }
    }
  })
}
