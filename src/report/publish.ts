import type { Host } from '../host/host.js'
import { errorMessage } from '../safety/error-message.js'
import { annotationsFor } from './annotations.js'
import { publishSarif, publishTrackingIssue, type GitHubReporting } from './github-reports.js'
import { writeJsonReport } from './json-report.js'
import { writeGitHubOutputs, writeOutputs } from './outputs.js'
import type { RunResult } from './run-result.js'
import { renderSummary } from './summary.js'
import { skippedLines } from './skipped-lines.js'

export interface PublishOptions {
  strict: boolean
  reportFile?: string | undefined
  /** Absent when the inputs were invalid. */
  github?: GitHubReporting | undefined
}

export interface Published {
  /** Whether the step passes: the run passed and every output was written. */
  passed: boolean
}

/**
 * Writes everything a run reports: annotations, outputs, the JSON report, the SARIF file, the
 * tracking issue and the job summary, then passes or fails the step. Each part is attempted even
 * when another fails. The contract's outputs come before the files, so that a report-file that
 * cannot be written (or would block) never costs them. The host keeps the outputs (the command
 * line prints its own record of them, as the host made them safe).
 */
export async function publish(
  host: Host,
  r: RunResult,
  { strict, reportFile, github }: PublishOptions
): Promise<Published> {
  const setOutput = (name: string, value: string): void => host.setOutput(name, value)
  for (const [level, message, title] of annotationsFor(r.findings, strict))
    host.annotate(level, message, title)
  for (const line of skippedLines(r.findings)) host.info(line)
  const outputsError = setOutputs(() => writeOutputs(r, setOutput))
  if (reportFile) {
    try {
      await writeJsonReport(reportFile, r, host.context.runUrl)
      if (!outputsError) setOutputs(() => setOutput('report-file', reportFile))
    } catch (error) {
      host.warning(`Could not write report-file ${reportFile}: ${errorMessage(error)}`)
    }
  }
  const sarifFile = await publishSarif(host, r, github, strict)
  const issueUrl = await publishTrackingIssue(host, r, github)
  if (!outputsError) setOutputs(() => writeGitHubOutputs(setOutput, { sarifFile, issueUrl }))
  try {
    await host.writeSummary(renderSummary(r))
  } catch (error) {
    host.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
  return { passed: conclude(host, r, outputsError) }
}

/** Runs the output writes; the host's words for the first failure are returned, never thrown. */
function setOutputs(write: () => void): string | undefined {
  try {
    write()
    return undefined
  } catch (error) {
    return errorMessage(error)
  }
}

/** Passes or fails the step; `result` is pass exactly when the step passes. */
function conclude(host: Host, r: RunResult, outputsError: string | undefined): boolean {
  if (r.result === 'pass' && !outputsError) {
    host.info(`CMK ${r.mode}: pass (configuration ${r.configName}: ${r.status})`)
    return true
  }
  const reasons = [
    r.result === 'pass' ? undefined : (r.error ?? `failed checks: ${r.failedChecks.join(', ')}`),
    outputsError
  ].filter(reason => reason !== undefined)
  host.fail(`CMK ${r.mode}: ${reasons.join('; ')}`)
  return false
}
