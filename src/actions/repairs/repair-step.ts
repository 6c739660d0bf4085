import type { Services } from '../../clients/services.js'
import type { ReadTarget } from '../../facts/read-target.js'
import type { Repair } from '../../model/choices.js'
import type { Facts } from '../../model/facts.js'
import type { Log } from '../../model/log.js'
import type { RepairOutcome } from '../../model/repair-outcome.js'
import type { PrincipalWaitOptions } from '../until-principal-visible.js'

/** What every repair of one run is given. */
export interface RepairRun {
  services: Services
  /** What the run reads: a repair reads back the part its write changed. */
  target: ReadTarget
  log: Log
  /** The wait for a new principal to show, within what is left of wait-timeout-seconds. */
  wait: () => PrincipalWaitOptions
}

/** What the facts look like after a repair: only the parts it read again. */
export type FactsReadBack = Partial<Pick<Facts, 'vault' | 'servicePrincipal' | 'roleAssignments'>>

/**
 * One repair: when it is due, what it writes, how its result is read back, what it says. What is
 * the same for every repair stays with the runner (run-repairs.ts): `remediate` names it, its
 * check fails, it was not tried yet in this run, and a write that throws is reported as refused
 * (401/403, naming the permission) or failed.
 */
export interface RepairStep<Target, Result> {
  readonly item: Repair
  /**
   * What the write acts on, taken from the facts; undefined while something it needs is unknown
   * (nothing is written blind), and the repair is then not tried.
   */
  target(facts: Facts, run: RepairRun): Target | undefined
  /** Writes, or finds that it cannot or need not; throws what the service answered otherwise. */
  write(target: Target, run: RepairRun): Promise<Result>
  /** What it did, for the report and the log. */
  say(result: Result, target: Target): RepairOutcome
  /** The facts its write changed, read again from the services; undefined when nothing changed. */
  readBack(result: Result, target: Target, run: RepairRun): Promise<FactsReadBack> | undefined
  /** The call a write that threw is reported under, and what its message adds. */
  failure(target: Target, error: unknown): { call: string; note?: string }
}
