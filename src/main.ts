import * as core from '@actions/core'
import type { RepairOutcome } from './model/repair-outcome.js'
import type { SetupOutcome } from './actions/setup-flow.js'
import {
  configStatusFinding,
  setupStoppedFinding,
  type ObservedConfigStatus
} from './checks/config-checks.js'
import { checkContextFor } from './checks/check-context.js'
import { blockerOf, evaluateChecks } from './checks/evaluate.js'
import type { Finding } from './model/finding.js'
import { failedCheckIds, upsertFinding } from './checks/finding-list.js'
import { withRepairOutcomes } from './checks/repair-findings.js'
import { skipped } from './checks/skipped.js'
import { errorMessage } from './safety/error-message.js'
import { redact, registerSecret } from './safety/secrets.js'
import type { Services } from './clients/services.js'
import { tenantConsentUrl } from './facts/consent-url.js'
import type { AdobeConfig, Facts } from './model/facts.js'
import { parseSettings, SECRET_INPUTS, type ParsedSettings } from './inputs/parse-settings.js'
import type { Settings } from './inputs/settings.js'
import { summarizeSettings } from './inputs/settings-summary.js'
import type { GitHubReporting } from './report/github-reports.js'
import { publish, type ActionOutputs } from './report/publish.js'
import type { RunResult } from './report/run-result.js'
import { startRunDeadline } from './clients/run-deadline.js'
import { neutralize } from './safety/neutralize.js'

/**
 * What one run ended with, as published; `inputError` when the inputs stopped it first;
 * `deadlineReached` when the run's deadline cancelled work (something may still be pending).
 */
export interface ActionRun {
  result: RunResult
  outputs: ActionOutputs
  inputError: boolean
  deadlineReached?: boolean | undefined
}

/** One run of the action: settings -> facts -> act -> findings -> publish. */
export async function run(): Promise<ActionRun> {
  const startedAt = new Date()
  // Masked before anything can echo them, even when the inputs turn out to be invalid.
  for (const name of SECRET_INPUTS) registerSecret(core.getInput(name))
  const parsed = parseSettings(name => core.getInput(name), process.env)
  if (!parsed.ok) {
    const result = inputErrorResult(parsed, startedAt)
    return { result, outputs: await finish(result, false, parsed.reportFile), inputError: true }
  }
  const { settings } = parsed
  announce(settings)
  // Loaded only now that the inputs are valid, and before the deadline starts: loading code is
  // not time the services took.
  const clients = await loadServiceClients()
  const deadline = startRunDeadline(settings.waitTimeoutSeconds)
  const progress: Progress = {}
  let result: RunResult
  let outputs: ActionOutputs
  try {
    const work = checkAndAct(settings, clients, deadline.signal, startedAt, progress).catch(
      (error: unknown) => unexpectedErrorResult(error, settings, startedAt)
    )
    // Whatever is still pending when the deadline passes, the run reports.
    const overdue = deadline.mustReport.then(() =>
      overdueResult(settings, startedAt, progress, deadline.signal.reason)
    )
    result = await Promise.race([work, overdue])
    outputs = await finish(result, settings.strict, settings.reportFile, gitHubReporting(settings))
  } finally {
    deadline.clear()
  }
  return { result, outputs, inputError: false, deadlineReached: deadline.reached() }
}

/** What the run has seen so far, for a report made at the deadline while work is pending. */
interface Progress {
  lastConfig?: AdobeConfig | null | undefined
}

/**
 * The service clients (Azure SDKs, the Adobe client) and the fact readers that use them: a
 * chunk of their own in the bundle, so that bad input is refused without loading them.
 */
async function loadServiceClients() {
  const [{ createServices }, { gatherFacts }] = await Promise.all([
    import('./clients/services.js'),
    import('./facts/gather-facts.js')
  ])
  return { createServices, gatherFacts }
}

async function checkAndAct(
  settings: Settings,
  { createServices, gatherFacts }: Awaited<ReturnType<typeof loadServiceClients>>,
  signal: AbortSignal,
  startedAt: Date,
  progress: Progress
): Promise<RunResult> {
  const timings: Record<string, number> = {}
  const timed = phaseTimer(timings)
  const services = createServices(settings, signal)
  const evaluate = (facts: Facts): Finding[] =>
    evaluateChecks(facts, checkContextFor(settings, consentUrlOf(facts, settings)))

  const read = await timed('read', () => gatherFacts(services))
  const end =
    settings.mode === 'setup'
      ? await timed('setup', () => act(services, read, evaluate, progress))
      : { facts: read, actions: [], repairs: [], lastConfig: configOf(read) }
  const checked = withRepairOutcomes(evaluate(end.facts), end.repairs)
  const findings = upsertFinding(checked, configStatus(end, settings, checked))
  const failedChecks = failedCheckIds(findings, settings.strict)
  const error = end.setup?.kind === 'stopped' ? end.setup.reason : undefined

  return {
    mode: settings.mode,
    result: failedChecks.length === 0 && !error ? 'pass' : 'fail',
    status: observedStatus(end.lastConfig),
    configName: end.lastConfig?.name ?? settings.configName,
    vaultType: end.facts.vault.ok ? end.facts.vault.value.kind : undefined,
    adobeConfigName: end.lastConfig?.adobeName,
    keyIdentifier: end.facts.key?.ok ? end.facts.key.value.id : undefined,
    applicationId: end.facts.registration.ok
      ? end.facts.registration.value?.applicationId
      : undefined,
    consentUrl: consentUrlOf(end.facts, settings),
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

/** The run as setup left it: the facts, what was written, and the configuration last seen. */
interface RunEnd {
  facts: Facts
  actions: string[]
  repairs: RepairOutcome[]
  /** undefined: the configuration could not be read; null: there is none. */
  lastConfig: AdobeConfig | null | undefined
  setup?: SetupOutcome | undefined
}

async function act(
  services: Services,
  facts: Facts,
  evaluate: (facts: Facts) => Finding[],
  progress: Progress
): Promise<RunEnd> {
  let lastConfig = configOf(facts)
  let setup: SetupOutcome
  try {
    const { runSetup } = await import('./actions/setup-flow.js')
    setup = await runSetup(services, facts, evaluate, {
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

function observedStatus(config: AdobeConfig | null | undefined): ObservedConfigStatus {
  if (config === undefined) return 'UNKNOWN'
  return config === null ? 'NOT_CONFIGURED' : config.status
}

function consentUrlOf(facts: Facts, settings: Settings): string | undefined {
  const registration = facts.registration.ok ? facts.registration.value : null
  const tenant = facts.vault.ok ? facts.vault.value.tenantId : settings.azure.tenantId
  return tenantConsentUrl(registration?.applicationRedirectUrl, tenant)
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

/** Registers the parsed secrets for masking and shows the notices parsing left. */
function announce(settings: Settings): void {
  if (settings.azure.auth === 'secret') registerSecret(settings.azure.clientSecret)
  if (settings.adobe.kind === 'client-credentials') registerSecret(settings.adobe.clientSecret)
  else registerSecret(settings.adobe.accessToken)
  for (const notice of settings.notices) core.warning(notice)
}

/**
 * The report made at the deadline while work is still pending: what is known (the last
 * configuration status seen), and config.status failed because the run ran out of time.
 */
function overdueResult(
  settings: Settings,
  startedAt: Date,
  progress: Progress,
  reason: unknown
): RunResult {
  return {
    ...failedRun(
      startedAt,
      `${errorMessage(reason)}; reported what was known, with calls still pending`
    ),
    mode: settings.mode,
    configName: settings.configName,
    status: observedStatus(progress.lastConfig),
    findings: [
      {
        id: 'config.status',
        outcome: 'fail',
        detail: `Not decided: ${errorMessage(reason)} before the reads and waits were done.`,
        fix: 'Re-run the job; if a service is slow, raise wait-timeout-seconds (the run may take that long plus 300 s).'
      }
    ],
    failedChecks: ['config.status'],
    settings: summarizeSettings(settings)
  }
}

/** A failure nothing expected still ends with outputs, summary and report. */
function unexpectedErrorResult(error: unknown, settings: Settings, startedAt: Date): RunResult {
  core.debug(redact(error instanceof Error ? (error.stack ?? error.message) : String(error)))
  return {
    ...failedRun(startedAt, `unexpected error: ${errorMessage(error)}`),
    mode: settings.mode,
    configName: settings.configName,
    settings: summarizeSettings(settings)
  }
}

function inputErrorResult(
  parsed: Extract<ParsedSettings, { ok: false }>,
  startedAt: Date
): RunResult {
  // Still say which mode failed, so tooling that reads the report or outputs works.
  return {
    ...failedRun(startedAt, parsed.message),
    mode: parsed.mode,
    refusedMode: parsed.refusedMode
  }
}

function failedRun(startedAt: Date, error: string): RunResult {
  return {
    mode: 'setup',
    result: 'fail',
    status: 'UNKNOWN',
    configName: '',
    findings: [],
    failedChecks: [],
    error: redact(error),
    actions: [],
    settings: {},
    timings: {},
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString()
  }
}

function gitHubReporting(settings: Settings): GitHubReporting {
  return {
    key: {
      orgId: settings.adobeOrgId,
      vaultName: settings.keyVaultName,
      keyName: settings.keyName
    },
    sarifFile: settings.sarifFile,
    trackingIssue: settings.trackingIssue
  }
}

async function finish(
  result: RunResult,
  strict: boolean,
  reportFile: string | undefined,
  github?: GitHubReporting
): Promise<ActionOutputs> {
  const { outputs, outputsError } = await publish(result, strict, reportFile, github)
  if (result.result === 'pass' && !outputsError) {
    core.info(
      `CMK ${result.mode}: pass (configuration ${neutralize(result.configName)}: ${neutralize(result.status)})`
    )
    return outputs
  }
  const reasons = [
    result.result === 'pass'
      ? undefined
      : (result.error ?? `failed checks: ${result.failedChecks.join(', ')}`),
    outputsError
  ].filter(reason => reason !== undefined)
  core.setFailed(`CMK ${result.mode}: ${reasons.join('; ')}`)
  return outputs
}
