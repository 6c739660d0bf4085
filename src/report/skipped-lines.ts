import type { CheckId, Finding } from '../model/finding.js'

/** The skipped checks grouped by the failed check that blocked them, in finding order. */
export function skippedBy(findings: readonly Finding[]): Map<CheckId, CheckId[]> {
  const groups = new Map<CheckId, CheckId[]>()
  for (const f of findings) {
    if (f.outcome !== 'skipped') continue
    groups.set(f.blockedBy, [...(groups.get(f.blockedBy) ?? []), f.id])
  }
  return groups
}

/** One line per blocking check: "13 checks skipped because vault.found failed". */
export function skippedLines(findings: Finding[]): string[] {
  return [...skippedBy(findings)].map(
    ([root, ids]) =>
      `${ids.length} ${ids.length === 1 ? 'check' : 'checks'} skipped because ${root} failed`
  )
}
