import { toReadError } from '../../facts/read-error.js'
import type { Repair, VaultType } from '../../model/choices.js'
import type { Facts } from '../../model/facts.js'
import type { CheckId, Finding } from '../../model/finding.js'
import type { RepairOutcome } from '../../model/repair-outcome.js'
import { neutralize } from '../../safety/neutralize.js'
import { REPAIR_CHECK, repairPermission } from '../../checks/repairs.js'
import { adobeIpRepair } from './adobe-ip-repair.js'
import type { FactsReadBack, RepairRun, RepairStep } from './repair-step.js'
import { roleRepair } from './role-repair.js'
import { servicePrincipalRepair } from './service-principal-repair.js'

/**
 * The repairs in lanes: lanes run side by side; within a lane each repair sees the facts the one
 * before it read back, so the role goes to the principal the service-principal repair made.
 */
const LANES: ReadonlyArray<ReadonlyArray<RepairStep<unknown, unknown>>> = [
  [adobeIpRepair],
  [servicePrincipalRepair, roleRepair]
]

/**
 * Makes the repairs that `remediate` allows and whose checks fail, each at most once per run (a
 * second pass, once registering made the app checks decidable, skips what was tried), and keeps
 * what they did.
 */
export class RepairRunner {
  private readonly attempted = new Set<Repair>()
  /** What remediation did, one entry per repair it tried. */
  readonly outcomes: RepairOutcome[] = []

  constructor(
    private readonly run: RepairRun,
    /** What input remediate allows. */
    private readonly allowed: ReadonlySet<Repair>,
    private readonly evaluate: (facts: Facts) => Finding[],
    /** Where what was created is listed for the report. */
    private readonly actions: string[]
  ) {}

  /** The facts with what the repairs changed read again. */
  async repairFailingChecks(facts: Facts): Promise<Facts> {
    if (this.allowed.size === 0) return facts
    const lanes = await Promise.all(LANES.map(lane => this.runLane(lane, facts)))
    return Object.assign({}, facts, ...lanes) as Facts
  }

  private async runLane(
    lane: ReadonlyArray<RepairStep<unknown, unknown>>,
    facts: Facts
  ): Promise<FactsReadBack> {
    let read: FactsReadBack = {}
    for (const step of lane)
      read = { ...read, ...(await this.runStep(step, { ...facts, ...read })) }
    return read
  }

  private async runStep<Target, Result>(
    step: RepairStep<Target, Result>,
    facts: Facts
  ): Promise<FactsReadBack> {
    const { item } = step
    if (!this.allowed.has(item) || this.attempted.has(item)) return {}
    const target = step.target(facts, this.run)
    if (target === undefined || !failing(this.evaluate(facts), REPAIR_CHECK[item])) return {}
    this.attempted.add(item)
    let result: Result
    try {
      result = await step.write(target, this.run)
    } catch (error) {
      const { call, note } = step.failure(target, error)
      const kind = facts.vault.ok ? facts.vault.value.kind : 'vault'
      this.record(failedRepair(item, kind, call, error, note))
      return {}
    }
    this.record(step.say(result, target))
    return (await step.readBack(result, target, this.run)) ?? {}
  }

  // Service text (names, rules, messages) is neutralized where it is put into a line, so that
  // it stays on that line: the host makes each line inert but keeps a text's line breaks.
  private record(outcome: RepairOutcome): void {
    this.outcomes.push(outcome)
    const { log } = this.run
    switch (outcome.result) {
      case 'created':
        this.actions.push(outcome.summary)
        log.info(neutralize(outcome.summary))
        break
      case 'already-present':
        log.info(`remediate ${outcome.item}: ${neutralize(outcome.summary)}`)
        break
      case 'not-possible':
        log.info(`remediate ${outcome.item}: not possible: ${neutralize(outcome.reason)}`)
        break
      default: {
        const status = outcome.status ? ` (HTTP ${outcome.status})` : ''
        log.info(`remediate ${outcome.item}: ${outcome.result} by ${outcome.call}${status}`)
      }
    }
  }
}

/**
 * Whether the check fails. A warning is not enough: for app.consented and app.role it means
 * "cannot be decided", and nothing is repaired blindly.
 */
function failing(findings: Finding[], id: CheckId): boolean {
  return findings.find(f => f.id === id)?.outcome === 'fail'
}

/** A repair that threw: refused (401/403: a permission is missing) or failed. */
function failedRepair(
  item: Repair,
  kind: VaultType,
  call: string,
  error: unknown,
  note = ''
): RepairOutcome {
  const e = toReadError(call, error)
  const message = `${e.message}${note}`
  const check = REPAIR_CHECK[item]
  return e.kind === 'forbidden'
    ? {
        item,
        check,
        result: 'refused',
        call: e.call,
        status: e.status,
        message,
        permission: repairPermission(item, kind)
      }
    : { item, check, result: 'failed', call: e.call, status: e.status, message }
}
