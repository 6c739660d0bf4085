import { publishedStatus, type ObservedConfigStatus } from '../checks/config-checks.js'
import type { AdobeConfig } from '../model/facts.js'
import type { RunResult } from '../report/run-result.js'

/** What the run has seen so far, for a report made at the deadline while work is pending. */
export interface Progress {
  lastConfig?: AdobeConfig | null | undefined
}

/** The status to publish, and the one Adobe sent when its docs do not list it. */
export function statusOf(
  config: AdobeConfig | null | undefined
): Pick<RunResult, 'status' | 'statusAsSent'> {
  const observed = observedStatus(config)
  const status = publishedStatus(observed)
  return { status, statusAsSent: status === observed ? undefined : observed }
}

export function observedStatus(config: AdobeConfig | null | undefined): ObservedConfigStatus {
  if (config === undefined) return 'UNKNOWN'
  return config === null ? 'NOT_CONFIGURED' : config.status
}
