import { errorMessage } from './clients/http/error-message.js'
import * as core from '@actions/core'
import { runSetup } from './actions/setup-flow.js'
import { configStatusFinding, type ObservedConfigStatus } from './checks/config-checks.js'
import { evaluateChecks } from './checks/evaluate.js'
import type { Finding } from './checks/finding.js'
import { failedCheckIds, upsertFinding } from './checks/finding-list.js'
import { tenantConsentUrl } from './facts/consent-url.js'
import type { AdobeConfig, Facts } from './facts/facts.js'
import { gatherFacts } from './facts/gather-facts.js'
import { redact, registerSecret } from './clients/http/secrets.js'
import { parseSettings, SECRET_INPUTS } from './inputs/parse-settings.js'
import { MODES, type Settings } from './inputs/settings.js'
import { summarizeSettings } from './inputs/settings-summary.js'
import { publish } from './report/publish.js'
import type { RunResult } from './report/run-result.js'
import { createServices } from './clients/services.js'

/** Seconds the reads may take on top of wait-timeout-seconds before the run is cancelled. */
const READ_ALLOWANCE_SECONDS = 300

export async function run(): Promise<void> {
  const startedAt = new Date()
  // Masked before anything can echo them, even when the inputs turn out to be invalid.
  for (const name of SECRET_INPUTS) registerSecret(core.getInput(name))
  let settings: Settings
  try {
    settings = parseSettings(name => core.getInput(name), process.env)
  } catch (error) {
    // Still say which mode failed and honour report-file, so tooling that reads them works.
    const mode = MODES.find(m => m === core.getInput('mode').trim().toLowerCase()) ?? 'setup'
    const reportFile = core.getInput('report-file').trim() || undefined
    const message = errorMessage(error)
    return finish({ ...failedRun(startedAt, message), mode }, false, reportFile)
  }
  if (settings.azure.auth === 'secret') registerSecret(settings.azure.clientSecret)
  if (settings.adobe.kind === 'client-credentials') registerSecret(settings.adobe.clientSecret)
  else registerSecret(settings.adobe.accessToken)
  for (const notice of settings.notices) core.warning(notice)

  const deadline = new AbortController()
  const timer = setTimeout(
    () =>
      deadline.abort(
        new Error(
          `the run reached its deadline (wait-timeout-seconds + ${READ_ALLOWANCE_SECONDS} s)`
        )
      ),
    (settings.waitTimeoutSeconds + READ_ALLOWANCE_SECONDS) * 1000
  )
  timer.unref()
  try {
    let result: RunResult
    try {
      result = await checkAndAct(settings, deadline.signal, startedAt)
    } catch (error) {
      core.debug(redact(error instanceof Error ? (error.stack ?? error.message) : String(error)))
      result = {
        ...failedRun(startedAt, `unexpected error: ${errorMessage(error)}`),
        mode: settings.mode,
        configName: settings.configName,
        settings: summarizeSettings(settings)
      }
    }
    await finish(result, settings.strict, settings.reportFile)
  } finally {
    clearTimeout(timer)
  }
}

async function checkAndAct(
  settings: Settings,
  signal: AbortSignal,
  startedAt: Date
): Promise<RunResult> {
  const timings: Record<string, number> = {}
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now()
    try {
      return await work()
    } finally {
      timings[phase] = Date.now() - t0
    }
  }
  const services = createServices(settings, signal)
  let facts: Facts = await timed('read', () => gatherFacts(services))
  const evaluate = (f: Facts): Finding[] =>
    evaluateChecks(f, {
      mode: settings.mode,
      keyVaultName: settings.keyVaultName,
      keyName: settings.keyName,
      minKeySize: settings.minKeySize,
      minKeyValidityDays: settings.minKeyValidityDays,
      now: new Date(),
      subscriptionId: settings.subscriptionId,
      resourceGroup: settings.resourceGroup,
      consentUrl: consentUrlOf(f, settings)
    })

  let lastConfig: AdobeConfig | null | undefined = facts.config.ok ? facts.config.value : undefined
  let actions: string[] = []
  let timedOut = false
  let blocked = false
  let error: string | undefined
  if (settings.mode === 'setup') {
    try {
      const outcome = await timed('setup', () =>
        runSetup(services, facts, evaluate, { onStatus: config => (lastConfig = config) })
      )
      ;({ facts, actions, timedOut, blocked } = outcome)
      error = outcome.stoppedBecause
    } catch (e) {
      error = redact(errorMessage(e))
    }
  }

  const status: ObservedConfigStatus =
    lastConfig === undefined
      ? 'UNKNOWN'
      : lastConfig === null
        ? 'NOT_CONFIGURED'
        : lastConfig.status
  const configName = lastConfig?.name ?? settings.configName
  // Judge config.key by the configuration as it ended, not as it was before setup acted.
  if (lastConfig !== undefined) facts = { ...facts, config: { ok: true, value: lastConfig } }
  let findings = upsertFinding(
    evaluate(facts),
    configStatusFinding(status, settings.mode, {
      configName,
      timedOut,
      waitedSeconds: settings.waitTimeoutSeconds,
      submitBlocked: blocked,
      readError: facts.config.ok ? undefined : facts.config.error
    })
  )
  if (error)
    findings = upsertFinding(findings, {
      id: 'config.status',
      outcome: 'fail',
      detail: `Setup stopped: ${error}`,
      fix: 'Re-run the job: the action reads the current state first and never submits a configuration Adobe already has.'
    })
  const failedChecks = failedCheckIds(findings, settings.strict)
  const passed = failedChecks.length === 0 && !error
  return {
    mode: settings.mode,
    result: passed ? 'pass' : 'fail',
    status,
    configName,
    keyIdentifier: facts.key?.ok ? facts.key.value.id : undefined,
    applicationId: facts.registration.ok ? facts.registration.value?.applicationId : undefined,
    consentUrl: consentUrlOf(facts, settings),
    findings,
    failedChecks,
    error,
    actions,
    settings: summarizeSettings(settings),
    facts: factsForReport(facts),
    timings,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString()
  }
}

function consentUrlOf(facts: Facts, settings: Settings): string | undefined {
  const registration = facts.registration.ok ? facts.registration.value : null
  const tenant = facts.vault.ok ? facts.vault.value.tenantId : settings.azure.tenantId
  return tenantConsentUrl(registration?.applicationRedirectUrl, tenant)
}

function factsForReport(facts: Facts): Record<string, unknown> {
  return JSON.parse(JSON.stringify(facts)) as Record<string, unknown>
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

async function finish(result: RunResult, strict: boolean, reportFile?: string): Promise<void> {
  await publish(result, strict, reportFile)
  if (result.result === 'pass') {
    core.info(`CMK ${result.mode}: pass (configuration ${result.configName}: ${result.status})`)
    return
  }
  const reasons = result.error ?? `failed checks: ${result.failedChecks.join(', ')}`
  core.setFailed(`CMK ${result.mode}: ${reasons}`)
}
