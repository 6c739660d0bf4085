import * as core from '@actions/core'
import { redact } from '../clients/http/secrets.js'
import { annotate } from './annotations.js'
import { publishSarif, publishTrackingIssue, type GitHubReporting } from './github-reports.js'
import { writeJsonReport } from './json-report.js'
import { writeGitHubOutputs, writeOutputs } from './outputs.js'
import type { RunResult } from './run-result.js'
import { renderSummary } from './summary.js'
import { skippedLines } from './skipped-lines.js'

/** The action's outputs as set, by output name. */
export type ActionOutputs = Record<string, string>

/**
 * Writes everything a run reports: annotations, the JSON report, the SARIF file, the tracking
 * issue, outputs and the job summary. Each part is attempted even when another fails, so outputs
 * exist on every path. `github` is absent when the inputs were invalid. Returns the outputs it set
 * (the command line prints them).
 */
export async function publish(
  r: RunResult,
  strict: boolean,
  reportFile?: string,
  github?: GitHubReporting
): Promise<ActionOutputs> {
  const outputs: ActionOutputs = {}
  const setOutput = (name: string, value: string): void => {
    outputs[name] = value
    core.setOutput(name, value)
  }
  annotate(r.findings, strict, core)
  for (const line of skippedLines(r.findings)) core.info(line)
  let writtenReport: string | undefined
  if (reportFile) {
    try {
      await writeJsonReport(reportFile, r)
      writtenReport = reportFile
    } catch (error) {
      core.warning(`Could not write report-file ${reportFile}: ${redact(String(error))}`)
    }
  }
  const sarifFile = await publishSarif(r, github, strict)
  const issueUrl = await publishTrackingIssue(r, github)
  writeOutputs(r, setOutput, writtenReport)
  writeGitHubOutputs(setOutput, { sarifFile, issueUrl })
  try {
    await core.summary.addRaw(redact(renderSummary(r))).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${redact(String(error))}`)
  }
  return outputs
}
