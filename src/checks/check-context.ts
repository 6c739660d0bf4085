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
  /** The consent URL for the app.consented fix, tenant-specific when the vault's tenant is known. */
  consentUrl?: string | undefined
  /** Entra's authority host: a consent URL elsewhere is not shown as a link. */
  authorityHost?: string | undefined
}

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
    consentUrl,
    authorityHost: settings.endpoints.authorityHost
  }
}
