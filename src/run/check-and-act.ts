import type { SetupOutcome } from '../actions/setup-flow.js'
import { configStatusFinding, setupStoppedFinding } from '../checks/config-checks.js'
import { checkContextFor } from '../checks/check-context.js'
import { blockerOf, evaluateChecks } from '../checks/evaluate.js'
import { failedCheckIds, upsertFinding } from '../checks/finding-list.js'
import { withRepairOutcomes } from '../checks/repair-findings.js'
import { skipped } from '../checks/skipped.js'
import type { Services } from '../clients/services.js'
import type { gatherFacts as GatherFacts } from '../facts/gather-facts.js'
import type { createServices as CreateServices } from '../clients/services.js'
import { consentLinkFor, type ConsentLink } from '../facts/consent-url.js'
import { readTargetOf } from '../facts/read-target.js'
import { setupPlanOf, type SetupPlan } from '../actions/setup-plan.js'
import type { Settings } from '../inputs/settings.js'
import { summarizeSettings } from '../inputs/settings-summary.js'
import type { AdobeConfig, Facts } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import type { Log } from '../model/log.js'
import type { Host } from '../host/host.js'
import type { RepairOutcome } from '../model/repair-outcome.js'
import type { RunResult } from '../report/run-result.js'
import { errorMessage } from '../safety/error-message.js'
import { redact } from '../safety/secrets.js'
import { observedStatus, statusOf, type Progress } from './observed-status.js'

/** The service clients and fact readers: loaded only once the inputs are valid. */
export interface ServiceClients {
  createServices: typeof CreateServices
  gatherFacts: typeof GatherFacts
}

/** The run as setup left it: the facts, what was written, and the configuration last seen. */
interface RunEnd {
  facts: Facts
  actions: string[]
  repairs: RepairOutcome[]
  /** undefined: the configuration could not be read; null: there is none. */
  lastConfig: AdobeConfig | null | undefined
  setup?: SetupOutcome | undefined
}

export async function checkAndAct(
  settings: Settings,
  { createServices, gatherFacts }: ServiceClients,
  signal: AbortSignal,
  startedAt: Date,
  progress: Progress,
  host: Host
): Promise<RunResult> {
  const timings: Record<string, number> = {}
  const timed = phaseTimer(timings)
  const services = createServices(settings, signal, {
    log: host,
    idToken: audience => host.idToken(audience)
  })
  const evaluate = (facts: Facts): Finding[] =>
    evaluateChecks(facts, checkContextFor(settings, consentLinkOf(facts, settings)))

  const target = readTargetOf(settings)
  const read = await timed('read', () => gatherFacts(services, target))
  const end =
    settings.mode === 'setup'
      ? await timed('setup', () =>
          act(services, setupPlanOf(settings, target), read, evaluate, progress, host)
        )
      : { facts: read, actions: [], repairs: [], lastConfig: configOf(read) }
  const checked = withRepairOutcomes(evaluate(end.facts), end.repairs)
  const findings = upsertFinding(checked, configStatus(end, settings, checked))
  const failedChecks = failedCheckIds(findings, settings.strict)
  const error = end.setup?.kind === 'stopped' ? end.setup.reason : undefined

  return {
    mode: settings.mode,
    result: failedChecks.length === 0 && !error ? 'pass' : 'fail',
    ...statusOf(end.lastConfig),
    configName: end.lastConfig?.name ?? settings.configName,
    vaultType: end.facts.vault.ok ? end.facts.vault.value.kind : undefined,
    adobeConfigName: end.lastConfig?.adobeName,
    keyIdentifier: end.facts.key?.ok ? end.facts.key.value.id : undefined,
    applicationId: end.facts.registration.ok
      ? end.facts.registration.value?.applicationId
      : undefined,
    consentLink: consentLinkOf(end.facts, settings),
    findings,
    failedChecks,
    error,
    actions: end.actions,
    repairs: end.repairs,
    settings: summarizeSettings(settings),
    facts: factsForReport(end.facts),
    timings,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString()
  }
}

async function act(
  services: Services,
  plan: SetupPlan,
  facts: Facts,
  evaluate: (facts: Facts) => Finding[],
  progress: Progress,
  log: Log
): Promise<RunEnd> {
  let lastConfig = configOf(facts)
  let setup: SetupOutcome
  try {
    const { runSetup } = await import('../actions/setup-flow.js')
    setup = await runSetup(services, plan, facts, evaluate, {
      log,
      onStatus: config => (lastConfig = progress.lastConfig = config)
    })
  } catch (error) {
    setup = {
      kind: 'stopped',
      facts,
      actions: [],
      repairs: [],
      reason: redact(errorMessage(error))
    }
  }
  // Judge config.key by the configuration as it ended, not as it was before setup acted.
  const ended =
    lastConfig === undefined
      ? setup.facts
      : { ...setup.facts, config: { ok: true as const, value: lastConfig } }
  return { facts: ended, actions: setup.actions, repairs: setup.repairs, lastConfig, setup }
}

function configStatus(end: RunEnd, settings: Settings, checked: Finding[]): Finding {
  // E.g. without an Adobe token the status could not be read; adobe.sign-in already says why.
  const blocker = blockerOf('config.status', checked)
  if (blocker) return skipped('config.status', blocker)
  if (end.setup?.kind === 'stopped') return setupStoppedFinding(end.setup.reason)
  return configStatusFinding(observedStatus(end.lastConfig), settings.mode, {
    configName: end.lastConfig?.name ?? settings.configName,
    timedOut: end.setup?.kind === 'timed-out',
    waitedSeconds: settings.waitTimeoutSeconds,
    submitBlocked: end.setup?.kind === 'blocked',
    blockedBy: failedCheckIds(checked, settings.strict)[0],
    readError: end.facts.config.ok ? undefined : end.facts.config.error
  })
}

function configOf(facts: Facts): AdobeConfig | null | undefined {
  return facts.config.ok ? facts.config.value : undefined
}

function consentLinkOf(facts: Facts, settings: Settings): ConsentLink | undefined {
  const registration = facts.registration.ok ? facts.registration.value : null
  const tenant = facts.vault.ok ? facts.vault.value.tenantId : settings.azure.tenantId
  return consentLinkFor(
    registration?.applicationRedirectUrl,
    tenant,
    settings.endpoints.authorityHost
  )
}

function factsForReport(facts: Facts): Record<string, unknown> {
  return JSON.parse(JSON.stringify(facts)) as Record<string, unknown>
}

function phaseTimer(timings: Record<string, number>) {
  return async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now()
    try {
      return await work()
    } finally {
      timings[phase] = Date.now() - t0
    }
  }
}
