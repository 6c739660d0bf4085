import type { Host } from './host/host.js'
import { parseSettings, SECRET_INPUTS } from './inputs/parse-settings.js'
import type { Settings } from './inputs/settings.js'
import { startRunDeadline } from './clients/run-deadline.js'
import { publish } from './report/publish.js'
import type { ActionRun } from './run/action-run.js'
import type { checkAndAct as CheckAndAct, ServiceClients } from './run/check-and-act.js'
import type { Progress } from './run/observed-status.js'
import { inputErrorResult, overdueResult, unexpectedErrorResult } from './run/stopped-runs.js'
import { registerSecret } from './safety/secrets.js'

/** One run of the action, wherever `host` runs it: settings -> facts -> act -> findings -> publish. */
export async function run(host: Host): Promise<ActionRun> {
  const startedAt = new Date()
  // Masked before anything can echo them, even when the inputs turn out to be invalid.
  for (const name of SECRET_INPUTS) registerSecret(host.input(name))
  const parsed = parseSettings(name => host.input(name), host.env)
  if (!parsed.ok) {
    const result = inputErrorResult(parsed, startedAt)
    const published = await publish(host, result, { strict: false, reportFile: parsed.reportFile })
    return { result, ...published, inputError: true, deadlineReached: false }
  }
  const { settings } = parsed
  if (settings.mode === 'summarize') {
    // A chunk of its own: reads reports, signs in nowhere, never loads the service clients.
    const { summarize } = await import('./summarize/summarize-run.js')
    const { result, passed } = await summarize(settings, host, startedAt)
    return { result, passed, inputError: false, deadlineReached: false }
  }
  announce(settings, host)
  // Loaded only now that the inputs are valid, and before the deadline starts: loading code is
  // not time the services took.
  const { checkAndAct, ...clients } = await loadServiceClients()
  const deadline = startRunDeadline(
    settings.waitTimeoutSeconds,
    settings.tuning.readAllowanceSeconds
  )
  try {
    const progress: Progress = {}
    const work = checkAndAct(settings, clients, deadline.signal, startedAt, progress, host).catch(
      (error: unknown) => unexpectedErrorResult(error, settings, startedAt, host)
    )
    // Whatever is still pending when the deadline passes, the run reports.
    const overdue = deadline.mustReport.then(() =>
      overdueResult(settings, startedAt, progress, deadline.signal.reason)
    )
    const result = await Promise.race([work, overdue])
    const published = await publish(host, result, {
      strict: settings.strict,
      reportFile: settings.reportFile,
      github: {
        key: {
          orgId: settings.adobeOrgId,
          vaultName: settings.keyVaultName,
          keyName: settings.keyName
        },
        sarifFile: settings.sarifFile,
        trackingIssue: settings.trackingIssue
      }
    })
    return { result, ...published, inputError: false, deadlineReached: deadline.reached() }
  } finally {
    deadline.clear()
  }
}

/**
 * The service clients (Azure SDKs, the Adobe client) and the fact readers that use them: a
 * chunk of their own in the bundle, so that bad input is refused without loading them.
 */
async function loadServiceClients(): Promise<ServiceClients & { checkAndAct: typeof CheckAndAct }> {
  const [{ createServices }, { gatherFacts }, { checkAndAct }] = await Promise.all([
    import('./clients/services.js'),
    import('./facts/gather-facts.js'),
    import('./run/check-and-act.js')
  ])
  return { createServices, gatherFacts, checkAndAct }
}

/** Registers the parsed secrets for masking and shows the notices parsing left. */
function announce(settings: Settings, host: Host): void {
  if (settings.azure.auth === 'secret') registerSecret(settings.azure.clientSecret)
  if (settings.adobe.kind === 'client-credentials') registerSecret(settings.adobe.clientSecret)
  else registerSecret(settings.adobe.accessToken)
  for (const notice of settings.notices) host.warning(notice)
}
