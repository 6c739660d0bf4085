import * as core from '@actions/core'
import { toReadError } from '../facts/read-error.js'
import { ServiceError } from '../clients/http/service-error.js'
import type { Finding } from '../checks/finding.js'
import { failedCheckIds } from '../checks/finding-list.js'
import type { AdobeConfig, Facts } from '../facts/facts.js'
import { readAppAccess } from '../facts/gather-facts.js'
import type { Services } from '../clients/services.js'
import { ensureConfig } from './ensure-config.js'
import { realClock, type Clock } from './poll-schedule.js'
import { registerCmkApp } from './register-app.js'

/**
 * How the setup sequence ended, with the facts as setup left them and what it wrote:
 * - blocked: writes were skipped because a check failed (or warned, under strict);
 * - timed-out: the configuration did not reach a final status within wait-timeout-seconds;
 * - stopped: setup gave up short of a failed check, for the reason given;
 * - done: the configuration reached a final status (COMPLETED or FAILED).
 */
export type SetupOutcome = { facts: Facts; actions: string[] } & (
  | { kind: 'blocked' }
  | { kind: 'timed-out' }
  | { kind: 'stopped'; reason: string }
  | { kind: 'done' }
)

/**
 * The setup mode's sequence around the writers in src/actions: registers the CMK app when Adobe
 * has none, re-reads the app's access and re-evaluates, then submits and follows the
 * configuration; stops before each write while any check fails.
 */
export async function runSetup(
  services: Services,
  facts: Facts,
  evaluate: (facts: Facts) => Finding[],
  options: { clock?: Clock; onStatus?: (config: AdobeConfig) => void } = {}
): Promise<SetupOutcome> {
  const { settings, platform } = services
  const actions: string[] = []
  const blockedBy = (findings: Finding[]): boolean =>
    failedCheckIds(findings, settings.strict).length > 0
  const clock = options.clock ?? realClock
  // The registration wait and the configuration wait share one wait-timeout-seconds budget.
  const waitDeadline = clock.now() + settings.waitTimeoutSeconds * 1000
  const remainingWaitMs = (): number => Math.max(0, waitDeadline - clock.now())
  const waitOptions = {
    firstIntervalMs: settings.pollIntervalSeconds * 1000,
    clock,
    signal: services.signal
  }

  const registered = facts.registration.ok ? facts.registration.value : undefined
  if (registered !== undefined && !registered?.applicationRedirectUrl) {
    const withoutApp = evaluate(facts).filter(f => !f.id.startsWith('app.'))
    if (blockedBy(withoutApp)) return { kind: 'blocked', facts, actions }
    let outcome
    try {
      core.info(
        registered?.applicationId
          ? 'Waiting for Adobe to publish the CMK app consent URL'
          : 'Registering the CMK app with Adobe, then waiting for its consent URL'
      )
      outcome = await registerCmkApp(platform, registered, {
        ...waitOptions,
        timeoutMs: remainingWaitMs()
      })
    } catch (error) {
      const call = error instanceof ServiceError ? error.call : 'Adobe POST CMK app registration'
      const failed = {
        ...facts,
        registration: { ok: false as const, error: toReadError(call, error) }
      }
      return { kind: 'blocked', facts: failed, actions }
    }
    const registration = outcome.registration
    if (registration?.applicationId && !registered?.applicationId) {
      actions.push(
        `Registered the CMK app with Adobe (application id ${registration.applicationId})`
      )
      core.info(actions.at(-1)!)
    }
    if (outcome.timedOut || !registration) {
      return {
        kind: 'stopped',
        facts: { ...facts, registration: { ok: true, value: registration } },
        actions,
        reason: `Adobe did not publish the CMK app's consent URL within wait-timeout-seconds (${settings.waitTimeoutSeconds} s); re-run setup later: it waits for the same registration and does not register again.`
      }
    }
    const vault = Promise.resolve(facts.vault)
    facts = {
      ...facts,
      registration: { ok: true, value: registration },
      ...(await readAppAccess(services, registration, vault))
    }
  }

  const findings = evaluate(facts)
  if (blockedBy(findings) || !facts.key?.ok || !facts.config.ok)
    return { kind: 'blocked', facts, actions }

  const key = facts.key.value
  let lastStatus: string | undefined
  const result = await ensureConfig(platform, {
    existing: facts.config.value,
    name: settings.configName,
    keyIdentifier: key.id,
    keyName: key.name,
    payloadFormat: settings.payloadFormat,
    ...waitOptions,
    timeoutMs: remainingWaitMs(),
    onSubmit: () =>
      core.info(`Submitting configuration ${settings.configName} for ${key.id} to Adobe`),
    onStatus: config => {
      // One line per change keeps a long wait readable without a line per poll.
      if (config.status !== lastStatus) core.info(`Configuration ${config.name}: ${config.status}`)
      lastStatus = config.status
      options.onStatus?.(config)
    }
  })
  if (result.submitted) {
    let line = `Submitted configuration ${result.config.name} for ${key.id} (${settings.payloadFormat} payload)`
    if (result.config.name !== settings.configName) {
      const advice = `Adobe stored the configuration as "${result.config.name}", not "${settings.configName}": set config-name: ${result.config.name} in this workflow so that later runs find it instead of submitting again.`
      core.warning(advice, { title: 'config-name' })
      line += `. ${advice}`
    }
    actions.push(line)
  }
  return { kind: result.timedOut ? 'timed-out' : 'done', facts, actions }
}
