import { runSetup, type SetupOutcome } from '../../../src/actions/setup-flow.js'
import { setupPlanOf } from '../../../src/actions/setup-plan.js'
import { checkContextFor } from '../../../src/checks/check-context.js'
import { evaluateChecks } from '../../../src/checks/evaluate.js'
import { createServices } from '../../../src/clients/services.js'
import type { AdobeConfig, Facts } from '../../../src/model/facts.js'
import { gatherFacts } from '../../../src/facts/gather-facts.js'
import { readTargetOf } from '../../../src/facts/read-target.js'
import { parseSettings } from '../../../src/inputs/parse-settings.js'
import type { Scenario, Simulator } from '../../../test/simulator/index.js'
import {
  defaultInputs,
  isTokenRequest,
  resetSimulator,
  writesOf
} from '../../../test/run-action.js'
import { reader } from '../inputs/valid-inputs.js'
import { fakeClock } from './fakes.js'
import { recordingLog } from '../../../test/fake-host.js'
import { silentLog } from '../../../src/model/log.js'

export interface SetupRun {
  outcome: SetupOutcome
  /** The lines setup logged, without debug lines. */
  logs: string[]
  /** Every configuration status setup reported, in order. */
  statuses: string[]
  /** The requests that wrote, as "METHOD service path". */
  writes: string[]
  /** Every request setup made (token requests aside), as "METHOD service path". */
  requests: string[]
  /** The fake clock setup ran on: its time is the sum of setup's waits. */
  clock: ReturnType<typeof fakeClock>
}

/**
 * The setup sequence in this process against the simulator (which `useSimulatorInProcess` must
 * have made reachable): the scenario is reset, the inputs parsed as the action parses them, the
 * facts read as a run reads them, then runSetup acts on a fake clock, so that its waits pass at
 * once while every request still goes to the simulator.
 */
export async function runSetupAgainst(
  sim: Simulator,
  scenario: Partial<Scenario>,
  inputs: Record<string, string> = {},
  /** Changes the services make after the facts were read and before setup acts (a race). */
  meanwhile: (sim: Simulator) => void = () => undefined,
  /** Faults or changes in place before the facts are read. */
  before: (sim: Simulator) => void = () => undefined
): Promise<SetupRun> {
  resetSimulator(sim, scenario)
  before(sim)
  const parsed = parseSettings(reader({ ...defaultInputs(sim), ...inputs }), process.env)
  if (!parsed.ok) throw new Error(`unexpected input problems: ${parsed.message}`)
  const { settings } = parsed
  if (settings.mode === 'summarize') throw new Error('these runs are about one vault and key')
  const services = createServices(settings, new AbortController().signal, {
    log: silentLog,
    idToken: () => Promise.reject(new Error('no ID token in this test'))
  })
  const target = readTargetOf(settings)
  const facts = await gatherFacts(services, target)
  meanwhile(sim)
  sim.clearRequests()
  const evaluate = (current: Facts) => evaluateChecks(current, checkContextFor(settings, undefined))
  const statuses: string[] = []
  const clock = fakeClock()
  const log = recordingLog()
  const outcome = await runSetup(services, setupPlanOf(settings, target), facts, evaluate, {
    clock,
    log,
    onStatus: (config: AdobeConfig) => statuses.push(config.status)
  })
  return {
    outcome,
    logs: log.lines.filter(line => !line.startsWith('debug: ')),
    statuses,
    writes: writesOf(sim),
    requests: sim.requests
      .filter(r => !isTokenRequest(r))
      .map(r => `${r.method} ${r.service} ${r.path}`),
    clock
  }
}
