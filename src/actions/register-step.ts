import { failedCheckIds } from '../checks/finding-list.js'
import type { Services } from '../clients/services.js'
import { ServiceError } from '../clients/http/service-error.js'
import { readAppAccess } from '../facts/gather-facts.js'
import { toReadError } from '../facts/read-error.js'
import type { Facts } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import type { Log } from '../model/log.js'
import { neutralize } from '../safety/neutralize.js'
import { registerCmkApp } from './register-app.js'
import type { SetupPlan } from './setup-plan.js'
import type { SetupWait } from './setup-waits.js'

export type RegistrationStep =
  /** Adobe has the app with its consent URL already: nothing was done. */
  | { kind: 'not-needed' }
  /** The app is registered now (or Adobe finished preparing it), and its access was read again. */
  | { kind: 'registered'; facts: Facts }
  /** A check other than the app checks fails, or Adobe refused the registration. */
  | { kind: 'blocked'; facts: Facts }
  | { kind: 'stopped'; facts: Facts; reason: string }

export interface RegistrationContext {
  services: Services
  plan: Pick<SetupPlan, 'target' | 'strict' | 'timing'>
  evaluate: (facts: Facts) => Finding[]
  log: Log
  wait: () => SetupWait
  /** Where the registration is listed for the report, when this run made it. */
  actions: string[]
}

/**
 * Registers the CMK app when Adobe shows none, or waits for the one Adobe is still preparing, until
 * its consent URL appears; then reads the app's access again, which the registration made
 * decidable. Only the app checks may fail meanwhile: they cannot pass before the app exists.
 */
export async function registerWhenNeeded(
  facts: Facts,
  { services, plan, evaluate, log, wait, actions }: RegistrationContext
): Promise<RegistrationStep> {
  const registered = facts.registration.ok ? facts.registration.value : undefined
  if (registered === undefined || registered?.applicationRedirectUrl) return { kind: 'not-needed' }
  const withoutApp = evaluate(facts).filter(f => !f.id.startsWith('app.'))
  if (failedCheckIds(withoutApp, plan.strict).length > 0) return { kind: 'blocked', facts }
  let outcome
  try {
    log.info(
      registered?.applicationId
        ? 'Waiting for Adobe to publish the CMK app consent URL'
        : 'Registering the CMK app with Adobe, then waiting for its consent URL'
    )
    outcome = await registerCmkApp(services.platform, registered, wait())
  } catch (error) {
    const call = error instanceof ServiceError ? error.call : 'Adobe POST CMK app registration'
    return {
      kind: 'blocked',
      facts: { ...facts, registration: { ok: false, error: toReadError(call, error) } }
    }
  }
  const registration = outcome.registration
  if (outcome.conflict)
    log.info(
      'Adobe answered that the CMK app is registered already (another setup run registered it meanwhile); waiting for its consent URL'
    )
  else if (registration?.applicationId && !registered?.applicationId) {
    actions.push(`Registered the CMK app with Adobe (application id ${registration.applicationId})`)
    log.info(neutralize(actions.at(-1)!))
  }
  if (outcome.timedOut || !registration) {
    return {
      kind: 'stopped',
      facts: { ...facts, registration: { ok: true, value: registration } },
      reason: `Adobe did not publish the CMK app's consent URL within wait-timeout-seconds (${plan.timing.waitTimeoutSeconds} s); re-run setup later: it waits for the same registration and does not register again.`
    }
  }
  return {
    kind: 'registered',
    facts: {
      ...facts,
      registration: { ok: true, value: registration },
      ...(await readAppAccess(services, plan.target, registration, Promise.resolve(facts.vault)))
    }
  }
}
