import type { ConsentLink } from '../facts/consent-url.js'
import type { Settings } from '../inputs/settings.js'
import type { Mode } from '../model/choices.js'

/** What the checks read of the run's settings, with the consent URL the facts gave. */
export interface CheckContext {
  mode: Mode
  keyVaultName: string
  keyName: string
  minKeySize: number
  minKeyValidityDays: number
  /** Input require-hsm. */
  requireHsm: boolean
  now: Date
  subscriptionId: string
  resourceGroup?: string | undefined
  /** Adobe's consent URL, tenant-specific when the vault's tenant is known, judged. */
  consentLink?: ConsentLink | undefined
}

export function checkContextFor(
  settings: Pick<
    Settings,
    | 'mode'
    | 'keyVaultName'
    | 'keyName'
    | 'minKeySize'
    | 'minKeyValidityDays'
    | 'requireHsm'
    | 'subscriptionId'
    | 'resourceGroup'
  >,
  consentLink: ConsentLink | undefined,
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
    consentLink
  }
}
