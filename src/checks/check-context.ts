import type { Settings } from '../inputs/settings.js'
import type { CheckContext } from './evaluate.js'

/** What the checks read of the run's settings, with the consent URL the facts gave. */
export function checkContextFor(
  settings: Settings,
  consentUrl: string | undefined,
  now: Date = new Date()
): CheckContext {
  return {
    mode: settings.mode,
    keyVaultName: settings.keyVaultName,
    keyName: settings.keyName,
    minKeySize: settings.minKeySize,
    minKeyValidityDays: settings.minKeyValidityDays,
    requireHsm: settings.requireHsm,
    now,
    subscriptionId: settings.subscriptionId,
    resourceGroup: settings.resourceGroup,
    consentUrl
  }
}
