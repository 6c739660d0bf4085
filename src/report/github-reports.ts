import { issuesClient } from '../clients/github/issues-client.js'
import { errorMessage } from '../safety/error-message.js'
import type { GuardedKey } from './guarded-key.js'
import type { Host } from '../host/host.js'
import type { RunResult } from './run-result.js'
import { buildSarif, writeSarif } from './sarif.js'
import { keepTrackingIssue } from './tracking-issue.js'

/** What the code scanning and issue reports need besides the result; known once inputs are valid. */
export interface GitHubReporting {
  key: GuardedKey
  sarifFile?: string | undefined
  trackingIssue?: { githubToken: string } | undefined
}

/** Whether the run got as far as reading the services; before that there is nothing to report. */
function gatheredFacts(r: RunResult): boolean {
  return r.facts !== undefined
}

/** Writes the SARIF file when asked and facts were gathered; returns its path once written. */
export async function publishSarif(
  host: Host,
  r: RunResult,
  github: GitHubReporting | undefined,
  strict: boolean
): Promise<string | undefined> {
  if (!github?.sarifFile || !gatheredFacts(r)) return undefined
  try {
    // Loaded here, not at start-up: it brings a YAML parser that only the SARIF file needs.
    const { workflowLocation } = await import('./workflow-location.js')
    const location = await workflowLocation(host.context)
    await writeSarif(github.sarifFile, buildSarif(r.findings, github.key, location, strict))
    return github.sarifFile
  } catch (error) {
    host.warning(`Could not write sarif-file ${github.sarifFile}: ${errorMessage(error)}`)
    return undefined
  }
}

/**
 * Opens, updates or closes the tracking issue when open-issue is on and facts were gathered (a
 * run stopped by bad input touches no issue). A GitHub failure is a warning, never a failed
 * run. Returns the issue's URL whenever GitHub named one.
 */
export async function publishTrackingIssue(
  host: Host,
  r: RunResult,
  github: GitHubReporting | undefined
): Promise<string | undefined> {
  if (!github?.trackingIssue || !gatheredFacts(r)) return undefined
  let client
  try {
    client = await issuesClient(github.trackingIssue.githubToken, host)
  } catch (error) {
    host.warning(`Could not keep the tracking issue: ${errorMessage(error)}`)
    return undefined
  }
  const outcome = await keepTrackingIssue(client.api, github.key, {
    result: r.result,
    mode: r.mode,
    status: r.status,
    findings: r.findings,
    failedChecks: r.failedChecks,
    runUrl: client.runUrl,
    error: r.error,
    vaultType: r.vaultType
  })
  switch (outcome.kind) {
    case 'opened':
      host.info(`Opened the tracking issue ${outcome.url}`)
      if (outcome.warning) host.warning(outcome.warning)
      return outcome.url
    case 'updated':
      host.info(
        `Updated the tracking issue ${outcome.url}${outcome.commented ? ' and commented: the failed checks changed' : ''}`
      )
      return outcome.url
    case 'closed':
      host.info(`Closed the tracking issue ${outcome.url}: every check passes`)
      return outcome.url
    case 'nothing-open':
      return undefined
    case 'failed':
      host.warning(`Could not keep the tracking issue: ${outcome.warning}`)
      return outcome.url
  }
}
