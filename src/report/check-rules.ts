import { checkDefinitions } from '../checks/check-catalog.js'
import type { CheckRule } from '../checks/check-definition.js'
import type { CheckId } from '../model/finding.js'

export type { CheckRule } from '../checks/check-definition.js'

/**
 * The highest `security-severity` a warning may rank at. Code scanning ranks a result by its
 * rule's score whatever the result's level, and reads the score from the rule only (GitHub's
 * "SARIF support for code scanning" lists it under reportingDescriptor, not result). A warning
 * says the check could not decide, or found a risk short of a failure: it stays medium, and at
 * 5.0 it ranks above no failure (the sign-in checks, the lowest, score 5.0).
 */
export const WARNING_SEVERITY_CAP = 5.0

/** One rule of the SARIF file: a check's own, or the one its warnings report under. */
export interface SarifRule extends CheckRule {
  id: string
  check: CheckId
}

function warningRuleId(check: CheckId): string {
  return `${check}/warning`
}

/**
 * Every check's rule, with the check's own score (what its failures rank at), and, for a check
 * that scores above the cap, a second rule its warnings report under, ranked at the cap. A check
 * at or below the cap (e.g. key.rotation) reports its warnings under its own rule.
 */
export const SARIF_RULES: readonly SarifRule[] = checkDefinitions().flatMap(({ id, rule }) => {
  const own: SarifRule = { ...rule, id, check: id }
  if (rule.securitySeverity <= WARNING_SEVERITY_CAP) return [own]
  const warning: SarifRule = {
    ...rule,
    id: warningRuleId(id),
    check: id,
    short: `${rule.short} (warning)`,
    full: `${rule.full} This rule holds the check's warnings: it could not decide, or found a risk short of a failure, so it ranks at most medium.`,
    securitySeverity: WARNING_SEVERITY_CAP
  }
  return [own, warning]
})

/** The rule a failed or warned check's result reports under. */
export function sarifRuleId(check: CheckId, outcome: 'warn' | 'fail'): string {
  const warning = warningRuleId(check)
  return outcome === 'warn' && SARIF_RULES.some(rule => rule.id === warning) ? warning : check
}
