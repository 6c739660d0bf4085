import { followableConsentUrl } from './consent-link.js'
import type { RunResult } from './run-result.js'

/**
 * Sets the action's contract outputs; report-file only when a report was written. The host
 * neutralizes every value (a workflow may echo an output into its log).
 */
export function writeOutputs(
  r: RunResult,
  set: (name: string, value: string) => void,
  reportFile?: string
): void {
  const setOutput = set
  setOutput('result', r.result)
  setOutput('status', r.status)
  setOutput('config-name', r.configName)
  setOutput('vault-type', r.vaultType ?? '')
  setOutput('key-identifier', r.keyIdentifier ?? '')
  setOutput('application-id', r.applicationId ?? '')
  setOutput('consent-url', followableConsentUrl(r) ?? '')
  setOutput('failed-checks', r.failedChecks.join(','))
  if (reportFile) setOutput('report-file', reportFile)
}

/** sarif-file and issue-url, each only when there is one. */
export function writeGitHubOutputs(
  setOutput: (name: string, value: string) => void,
  written: { sarifFile?: string | undefined; issueUrl?: string | undefined }
): void {
  if (written.sarifFile) setOutput('sarif-file', written.sarifFile)
  if (written.issueUrl) setOutput('issue-url', written.issueUrl)
}
