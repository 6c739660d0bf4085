import * as core from '@actions/core'
import { errorMessage } from '../safety/error-message.js'
import { redact } from '../safety/secrets.js'
import { annotate } from './annotations.js'
import { publishSarif, publishTrackingIssue, type GitHubReporting } from './github-reports.js'
import { writeJsonReport } from './json-report.js'
import { writeGitHubOutputs, writeOutputs } from './outputs.js'
import type { RunResult } from './run-result.js'
import { renderSummary } from './summary.js'
import { skippedLines } from './skipped-lines.js'

/** The action's outputs as set, by output name. */
export type ActionOutputs = Record<string, string>

export interface Published {
  outputs: ActionOutputs
  /** Why the outputs could not be written (GITHUB_OUTPUT missing or unwritable), when so. */
  outputsError?: string | undefined
}

/**
 * Writes everything a run reports: annotations, outputs, the JSON report, the SARIF file, the
 * tracking issue and the job summary. Each part is attempted even when another fails. The
 * contract's outputs come before the files, so that a report-file that cannot be written (or
 * would block) never costs them. `github` is absent when the inputs were invalid. Returns the
 * outputs it set (the command line prints them).
 */
export async function publish(
  r: RunResult,
  strict: boolean,
  reportFile?: string,
  github?: GitHubReporting
): Promise<Published> {
  const outputs: ActionOutputs = {}
  const setOutput = (name: string, value: string): void => {
    outputs[name] = value
    core.setOutput(name, value)
  }
  annotate(r.findings, strict, core)
  for (const line of skippedLines(r.findings)) core.info(line)
  const outputsError = setOutputs(() => writeOutputs(r, setOutput))
  if (reportFile) {
    try {
      await writeJsonReport(reportFile, r)
      if (!outputsError) setOutputs(() => setOutput('report-file', reportFile))
    } catch (error) {
      core.warning(`Could not write report-file ${reportFile}: ${redact(errorMessage(error))}`)
    }
  }
  const sarifFile = await publishSarif(r, github, strict)
  const issueUrl = await publishTrackingIssue(r, github)
  if (!outputsError) setOutputs(() => writeGitHubOutputs(setOutput, { sarifFile, issueUrl }))
  try {
    await core.summary.addRaw(redact(renderSummary(r))).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${redact(errorMessage(error))}`)
  }
  return { outputs, outputsError }
}

/** Runs the output writes; the first failure is returned as one line, never thrown. */
function setOutputs(write: () => void): string | undefined {
  try {
    write()
    return undefined
  } catch (error) {
    const file = process.env.GITHUB_OUTPUT
    return `could not write the outputs to GITHUB_OUTPUT${file ? ` (${file})` : ''}: ${redact(errorMessage(error))}`
  }
}
