import type { ParsedSettings } from '../inputs/parse-settings.js'
import type { Settings } from '../inputs/settings.js'
import { summarizeSettings } from '../inputs/settings-summary.js'
import type { Log } from '../model/log.js'
import type { RunResult } from '../report/run-result.js'
import { errorMessage } from '../safety/error-message.js'
import { redact } from '../safety/secrets.js'
import { statusOf, type Progress } from './observed-status.js'

/**
 * The report made at the deadline while work is still pending: what is known (the last
 * configuration status seen), and config.status failed because the run ran out of time.
 */
export function overdueResult(
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
    ...statusOf(progress.lastConfig),
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
export function unexpectedErrorResult(
  error: unknown,
  settings: Settings,
  startedAt: Date,
  log: Log
): RunResult {
  log.debug(redact(error instanceof Error ? (error.stack ?? error.message) : String(error)))
  return {
    ...failedRun(startedAt, `unexpected error: ${errorMessage(error)}`),
    mode: settings.mode,
    configName: settings.configName,
    settings: summarizeSettings(settings)
  }
}

export function inputErrorResult(
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
