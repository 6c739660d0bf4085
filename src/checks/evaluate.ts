/*
 * Turns the gathered facts into one finding per check, before any action runs, by the rules the
 * catalog declares: each check is evaluated once every check it `needs` passed, and is otherwise
 * skipped, naming the failed check at the root (a check skipped because of a skipped check names
 * what that one was skipped for). So a failed sign-in skips every check that reads through it, a
 * failed vault.found skips every vault and key check, and so on: neither warnings nor failures,
 * the root check already fails the run. Reads the contract calls undecidable (directory or role
 * look-ups forbidden, configuration unreadable) are warnings that name what would decide them.
 * config.status is not evaluated here: main decides it after the actions (configStatusFinding)
 * and adds it with upsertFinding.
 */
import type { Facts } from '../model/facts.js'
import type { CheckId, Finding } from '../model/finding.js'
import { CHECK_CATALOG, checkDefinitions } from './check-catalog.js'
import type { CheckContext } from './check-context.js'
import type { CheckDefinition } from './check-definition.js'
import { keyContext } from './key-checks.js'
import { skipped } from './skipped.js'

export { failedCheckIds, upsertFinding } from './finding-list.js'

export function evaluateChecks(facts: Facts, ctx: CheckContext): Finding[] {
  const findings: Finding[] = []
  for (const check of checkDefinitions()) {
    if (check.evaluation.over === 'run-end') continue
    const blocker = unmetNeed(check.needs, findings)
    findings.push(blocker ? skipped(check.id, blocker) : evaluateOne(check, facts, ctx))
  }
  return rootBlockers(findings)
}

/** The failed check that stops `id` from being evaluated on these findings, if any. */
export function blockerOf(id: CheckId, findings: readonly Finding[]): CheckId | undefined {
  return unmetNeed(CHECK_CATALOG[id].needs, findings)
}

/** The first need that did not pass, or, when it was skipped itself, what it was skipped for. */
function unmetNeed(needs: readonly CheckId[], findings: readonly Finding[]): CheckId | undefined {
  for (const need of needs) {
    const finding = findings.find(f => f.id === need)
    if (finding === undefined || finding.outcome === 'pass') continue
    return finding.outcome === 'skipped' ? finding.blockedBy : need
  }
  return undefined
}

/** The needs guarantee the vault or key a check reads; the fallbacks only satisfy the types. */
function evaluateOne(check: CheckDefinition, facts: Facts, ctx: CheckContext): Finding {
  const { evaluation } = check
  switch (evaluation.over) {
    case 'facts':
      return evaluation.evaluate(facts, ctx)
    case 'vault':
      return facts.vault.ok
        ? evaluation.evaluate(facts.vault.value, ctx, facts)
        : skipped(check.id, 'vault.found')
    case 'key':
      if (!facts.vault.ok) return skipped(check.id, 'vault.found')
      return facts.key?.ok
        ? evaluation.evaluate(facts.key.value, keyContext(ctx, facts.vault.value))
        : skipped(check.id, 'key.found')
    case 'run-end':
      throw new Error(`${check.id} is decided at the end of the run, not from the facts`)
  }
}

/** A check skipped because of a skipped check names the failed check at the root instead. */
function rootBlockers(findings: Finding[]): Finding[] {
  const byId = new Map(findings.map(f => [f.id, f]))
  return findings.map(f => {
    if (f.outcome !== 'skipped') return f
    let root = f.blockedBy
    for (let hops = 0; hops < findings.length; hops++) {
      const blocker = byId.get(root)
      if (blocker?.outcome !== 'skipped') break
      root = blocker.blockedBy
    }
    return root === f.blockedBy ? f : skipped(f.id, root)
  })
}
