import { failedCheckIds } from '../checks/finding-list.js'
import type { Services } from '../clients/services.js'
import type { AdobeConfig, Facts } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import { silentLog, type Log } from '../model/log.js'
import type { RepairOutcome } from '../model/repair-outcome.js'
import { realClock, type Clock } from './poll-schedule.js'
import { registerWhenNeeded } from './register-step.js'
import { RepairRunner } from './repairs/run-repairs.js'
import type { SetupPlan } from './setup-plan.js'
import { setupWaits } from './setup-waits.js'
import { submitAndFollow } from './submit-step.js'

/**
 * How the setup sequence ended, with the facts as setup left them and what it wrote:
 * - blocked: writes were skipped because a check failed (or warned, under strict);
 * - timed-out: the configuration did not reach a final status within wait-timeout-seconds;
 * - stopped: setup gave up short of a failed check, for the reason given;
 * - done: the configuration reached a final status (COMPLETED or FAILED).
 */
export type SetupOutcome = {
  facts: Facts
  actions: string[]
  /** What remediation did, one entry per repair it tried. */
  repairs: RepairOutcome[]
} & (
  | { kind: 'blocked' }
  | { kind: 'timed-out' }
  | { kind: 'stopped'; reason: string }
  | { kind: 'done' }
)

export interface SetupOptions {
  /** Where progress goes; the host behind it neutralizes and redacts each line. */
  log?: Log | undefined
  clock?: Clock | undefined
  /** Every configuration status read, in order. */
  onStatus?: ((config: AdobeConfig) => void) | undefined
}

/**
 * The setup mode's sequence: repairs what `remediate` allows and the checks found broken,
 * registers the CMK app when Adobe has none, repairs again what registering made decidable, then
 * submits and follows the configuration. Repairs wait for no other check; every other write stops
 * while any check fails.
 */
export async function runSetup(
  services: Services,
  plan: SetupPlan,
  facts: Facts,
  evaluate: (facts: Facts) => Finding[],
  options: SetupOptions = {}
): Promise<SetupOutcome> {
  const log = options.log ?? silentLog
  const wait = setupWaits(plan.timing, options.clock ?? realClock, services.signal)
  const actions: string[] = []
  const { target, remediate, strict } = plan
  const repairs = new RepairRunner({ services, target, log, wait }, remediate, evaluate, actions)
  const end = (ended: Facts, kind: 'blocked' | 'timed-out' | 'done'): SetupOutcome => ({
    kind,
    facts: ended,
    actions,
    repairs: repairs.outcomes
  })

  facts = await repairs.repairFailingChecks(facts)

  const registration = await registerWhenNeeded(facts, {
    services,
    plan,
    evaluate,
    log,
    wait,
    actions
  })
  if (registration.kind === 'blocked') return end(registration.facts, 'blocked')
  if (registration.kind === 'stopped')
    return { ...end(registration.facts, 'blocked'), kind: 'stopped', reason: registration.reason }
  // Registering made app.consented and app.role decidable: repair them now, in this run.
  if (registration.kind === 'registered')
    facts = await repairs.repairFailingChecks(registration.facts)

  const blocked = failedCheckIds(evaluate(facts), strict).length > 0
  if (blocked || !facts.key?.ok || !facts.config.ok) return end(facts, 'blocked')
  const submission = await submitAndFollow(facts.key.value, facts.config.value, {
    services,
    configName: target.configName,
    payloadFormat: plan.payloadFormat,
    log,
    wait,
    actions,
    onStatus: options.onStatus
  })
  return end(facts, submission.timedOut ? 'timed-out' : 'done')
}
