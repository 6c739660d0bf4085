import type { ReadTarget } from '../facts/read-target.js'
import type { Settings } from '../inputs/settings.js'
import type { PayloadFormat, Repair } from '../model/choices.js'
import type { SetupTiming } from './setup-waits.js'

/** What setup is asked to do, from the inputs: what it acts on, what it may change, how long. */
export interface SetupPlan {
  /** What the run reads; setup reads parts of it again after it writes. */
  target: ReadTarget
  /** The repairs input remediate allows. */
  remediate: ReadonlySet<Repair>
  /** Input strict: a warning stops the writes as a failure does. */
  strict: boolean
  payloadFormat: PayloadFormat
  timing: SetupTiming
}

export function setupPlanOf(settings: Settings, target: ReadTarget): SetupPlan {
  const { remediate, strict, payloadFormat, waitTimeoutSeconds, pollIntervalSeconds } = settings
  return {
    target,
    remediate,
    strict,
    payloadFormat,
    timing: { waitTimeoutSeconds, pollIntervalSeconds, tuning: settings.tuning }
  }
}
