import type { Services } from '../clients/services.js'
import type { PayloadFormat } from '../model/choices.js'
import {
  CONFIG_STATUSES,
  isDocumentedStatus,
  type AdobeConfig,
  type KeyFacts
} from '../model/facts.js'
import type { Log } from '../model/log.js'
import { neutralize } from '../safety/neutralize.js'
import { ServiceError } from '../clients/http/service-error.js'
import { planConfig } from './config-plan.js'
import { ensureConfig } from './ensure-config.js'
import type { SetupWait } from './setup-waits.js'

export interface SubmissionContext {
  services: Services
  /** Input config-name. */
  configName: string
  payloadFormat: PayloadFormat
  log: Log
  wait: () => SetupWait
  /** Where the submission is listed for the report, when this run made it. */
  actions: string[]
  onStatus?: ((config: AdobeConfig) => void) | undefined
}

/**
 * Submits the key to Adobe unless a configuration for it is already there or under way, and
 * follows the configuration to a final status within what is left of wait-timeout-seconds.
 */
export async function submitAndFollow(
  key: KeyFacts,
  existing: AdobeConfig | null,
  { services, configName, payloadFormat, log, wait, actions, onStatus }: SubmissionContext
): Promise<{ timedOut: boolean }> {
  // Another setup run for the org may have submitted since the facts were read (the README's
  // workflows hold a concurrency group per org; without one, this keeps the two from racing).
  if (planConfig(existing) === 'submit') existing = await readAgain(services, configName)
  let lastStatus: string | undefined
  const undocumented = new Set<string>()
  const result = await ensureConfig(services.platform, {
    existing,
    name: configName,
    keyIdentifier: key.id,
    keyName: key.name,
    payloadFormat,
    ...wait(),
    onSubmit: () =>
      log.info(`Submitting configuration ${configName} for ${neutralize(key.id)} to Adobe`),
    onStatus: config => {
      // One line per change keeps a long wait readable without a line per poll. Adobe's text is
      // neutralized here so that it stays on its line (the host keeps a text's line breaks).
      if (config.status !== lastStatus)
        log.info(`Configuration ${neutralize(config.name)}: ${neutralize(config.status)}`)
      if (!isDocumentedStatus(config.status) && !undocumented.has(config.status)) {
        undocumented.add(config.status)
        log.info(
          `Adobe answered status ${neutralize(config.status)}, which its docs do not list (${CONFIG_STATUSES.join(', ')}); waiting as if it were still in progress.`
        )
      }
      lastStatus = config.status
      onStatus?.(config)
    }
  })
  if (result.submitted) {
    const adobeName = result.config.adobeName
    actions.push(
      `Submitted configuration ${configName} for ${key.id} (${payloadFormat} payload)` +
        (adobeName && adobeName !== configName
          ? `; Adobe's internal name for it: ${adobeName}`
          : '')
    )
  }
  return { timedOut: result.timedOut }
}

/** The configuration read again right before submitting; a read that fails stops the submission. */
async function readAgain(services: Services, name: string): Promise<AdobeConfig | null> {
  try {
    return await services.platform.getConfig(name)
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error
    throw new ServiceError(
      error.call,
      error.status,
      `${error.serviceMessage}; the configuration was read again right before submitting, in case another setup run had submitted it meanwhile, and setup does not submit without knowing`
    )
  }
}
