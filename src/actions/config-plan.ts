import { isInProgress, type AdobeConfig } from '../model/facts.js'

export type ConfigPlan = 'submit' | 'poll' | 'nothing'

/**
 * What setup does about the configuration it read: submit when there is none or the last one
 * FAILED, follow one that is in progress, leave a COMPLETED one alone. A configuration for
 * another vault or key never gets here: the config.key check fails first.
 */
export function planConfig(existing: AdobeConfig | null): ConfigPlan {
  if (!existing || existing.status === 'FAILED') return 'submit'
  if (isInProgress(existing.status)) return 'poll'
  return 'nothing'
}
