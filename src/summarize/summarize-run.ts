import type { Host } from '../host/host.js'
import type { SummarizeSettings } from '../inputs/settings.js'
import type { RunResult } from '../report/run-result.js'
import { errorMessage } from '../safety/error-message.js'
import { buildFleet, targetName, type Fleet } from './fleet.js'
import { renderFleetSummary } from './fleet-summary.js'
import { readReports } from './read-reports.js'

/** Annotations of each kind: a step shows at most 10 errors and 10 warnings anyway. */
const MAX_ANNOTATIONS = 10

/** What one summarize run ended with: the fleet, and the outputs as set. */
export interface SummarizeRun {
  fleet: Fleet
  /** The run in the shape every run reports (mode summarize, no findings of its own). */
  result: RunResult
  outputs: Record<string, string>
  /** Whether the step passes: every target passed, every report was used, outputs were written. */
  passed: boolean
}

/**
 * `mode: summarize`: reads the JSON reports the patterns match (no sign-in, no service call: the
 * service clients are never loaded), then writes one job summary over every target, the outputs
 * (result, status UNKNOWN, failed-checks, failed-targets), the SARIF file when asked, one
 * annotation per failing target, and passes or fails the step.
 */
export async function summarize(
  settings: SummarizeSettings,
  host: Host,
  startedAt = new Date()
): Promise<SummarizeRun> {
  for (const notice of settings.notices) host.warning(notice)
  const readStart = performance.now()
  const read = await readReports(settings.reports, settings.workspace)
  const readMs = performance.now() - readStart
  const fleet = buildFleet(settings.reports, read.targets, read.unusable)
  host.info(
    `Read ${read.matched} file(s) matching ${settings.reports.join(', ')}: ${fleet.targets.length} target(s), ${fleet.unusable.length} unusable, ${fleet.superseded.length} superseded`
  )
  annotate(host, fleet)

  const outputs: Record<string, string> = {}
  let outputsError: string | undefined
  const setOutput = (name: string, value: string): void => {
    if (outputsError !== undefined) return
    try {
      host.setOutput(name, value)
      outputs[name] = value
    } catch (error) {
      outputsError = errorMessage(error)
    }
  }
  setOutput('result', fleet.result)
  setOutput('status', 'UNKNOWN')
  setOutput('failed-checks', fleet.failedChecks.join(','))
  setOutput('failed-targets', fleet.failedTargets.join(','))
  const sarifFiles = settings.sarifFile
    ? await writeFleetSarif(host, fleet, settings.sarifFile)
    : []
  if (sarifFiles.length > 0) setOutput('sarif-file', sarifFiles.join(','))
  try {
    await host.writeSummary(renderFleetSummary(fleet, { workspace: settings.workspace, readMs }))
  } catch (error) {
    host.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }

  const passed = fleet.result === 'pass' && outputsError === undefined
  const failure = passed ? undefined : failureMessage(fleet, outputsError)
  if (failure === undefined)
    host.info(`CMK summarize: pass (${fleet.targets.length} target(s), every one passed)`)
  else host.fail(`CMK summarize: ${failure}`)
  return {
    fleet,
    outputs,
    passed,
    result: {
      mode: 'summarize',
      result: passed ? 'pass' : 'fail',
      status: 'UNKNOWN',
      configName: '',
      findings: [],
      failedChecks: [],
      error: failure,
      actions: [],
      settings: {},
      timings: { read: Math.round(readMs) },
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString()
    }
  }
}

function annotate(host: Host, fleet: Fleet): void {
  const failing = fleet.targets.filter(t => t.result === 'fail')
  for (const target of failing.slice(0, MAX_ANNOTATIONS)) {
    const checks = target.failed.map(c => c.id).join(', ') || target.error || 'the run failed'
    const run = target.runUrl ? `; its run: ${target.runUrl}` : ''
    host.annotate(
      'error',
      `${targetName(target)} (${target.identity?.orgId ?? target.file}): ${checks}${run}`,
      `aep-cmk fleet: ${targetName(target)}`
    )
  }
  for (const unusable of fleet.unusable.slice(0, MAX_ANNOTATIONS))
    host.annotate(
      'warning',
      `${unusable.file}: ${unusable.reason}`,
      'aep-cmk fleet: report not used'
    )
  const more =
    Math.max(0, failing.length - MAX_ANNOTATIONS) +
    Math.max(0, fleet.unusable.length - MAX_ANNOTATIONS)
  if (more > 0)
    host.info(`${more} more failing target(s) or unusable report(s): see the job summary`)
}

/** Writes the SARIF file(s); returns their paths, none when nothing could be written. */
async function writeFleetSarif(host: Host, fleet: Fleet, path: string): Promise<string[]> {
  try {
    // Loaded only when asked for: the workflow's location needs a YAML parser.
    const [{ fleetSarif, MAX_RUNS_PER_UPLOAD }, { workflowLocation }, { writeSarif }] =
      await Promise.all([
        import('./fleet-sarif.js'),
        import('../report/workflow-location.js'),
        import('../report/sarif.js')
      ])
    const parts = fleetSarif(fleet.targets, await workflowLocation(host.context), path)
    if (parts.length === 0) {
      host.warning(
        `sarif-file: no SARIF written, since no report is of a run that read the services (only such a run has code scanning results)`
      )
      return []
    }
    for (const part of parts) await writeSarif(part.path, part.log)
    if (parts.length > 1)
      host.warning(
        `sarif-file: ${parts.length} files of at most ${MAX_RUNS_PER_UPLOAD} runs (GitHub's limit per upload): ${parts.map(p => p.path).join(', ')}. Upload each with its own github/codeql-action/upload-sarif step (a directory is merged into one upload and refused), or upload each org's SARIF from its own job.`
      )
    return parts.map(p => p.path)
  } catch (error) {
    host.warning(`Could not write sarif-file ${path}: ${errorMessage(error)}`)
    return []
  }
}

function failureMessage(fleet: Fleet, outputsError: string | undefined): string {
  const failing = fleet.targets.filter(t => t.result === 'fail')
  const named = (names: string[]) =>
    names.length <= 5
      ? names.join(', ')
      : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`
  const reasons = [
    fleet.targets.length === 0 && fleet.unusable.length === 0
      ? `no file matches ${fleet.patterns.join(', ')}`
      : undefined,
    failing.length > 0
      ? `${failing.length} of ${fleet.targets.length} target(s) failed (${named(failing.map(targetName))})`
      : undefined,
    fleet.unusable.length > 0
      ? `${fleet.unusable.length} report(s) could not be used (${named(fleet.unusable.map(u => u.file))})`
      : undefined,
    outputsError
  ]
  return reasons.filter(r => r !== undefined).join('; ')
}
