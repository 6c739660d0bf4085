import type { VaultType } from '../model/choices.js'
import type { CheckId, Finding } from '../model/finding.js'
import type { IssuesApi } from '../clients/github/issues-client.js'
import { errorMessage } from '../safety/error-message.js'
import { redact } from '../safety/secrets.js'
import type { GuardedKey } from './guarded-key.js'
import {
  changedComment,
  issueBody,
  issueMarker,
  issueTitle,
  passedComment,
  recordedFailedChecks,
  TRACKING_LABEL
} from './tracking-issue-text.js'

/** What a run did to the tracking issue; `url` is set whenever an issue was found or made. */
export type IssueOutcome =
  | { kind: 'opened'; url: string; warning?: string | undefined }
  | { kind: 'updated'; url: string; commented: boolean }
  | { kind: 'closed'; url: string }
  | { kind: 'nothing-open' }
  | { kind: 'failed'; url?: string | undefined; warning: string }

export interface TrackedRun {
  result: 'pass' | 'fail'
  mode: string
  status: string
  findings: readonly Finding[]
  failedChecks: readonly CheckId[]
  runUrl?: string | undefined
  error?: string | undefined
  vaultType?: VaultType | undefined
}

/**
 * Keeps one open issue per org, vault and key: a failing run opens it or updates it (commenting
 * only when the failed checks changed, so a nightly schedule does not notify anyone for
 * nothing), a passing run comments and closes it. A closed issue is history: it is never
 * reopened, the next failure opens a new one. Never throws: a failed call is a warning.
 */
export async function keepTrackingIssue(
  api: IssuesApi,
  key: GuardedKey,
  run: TrackedRun
): Promise<IssueOutcome> {
  let url: string | undefined
  try {
    const marker = issueMarker(key)
    const open = (await api.listOpen(TRACKING_LABEL))
      .filter(issue => issue.body.includes(marker))
      .sort((a, b) => a.number - b.number)
    const issue = open[0]
    url = issue?.url
    if (run.result === 'pass') {
      if (!issue) return { kind: 'nothing-open' }
      await api.comment(issue.number, passedComment(run.runUrl))
      await api.update(issue.number, { state: 'closed' })
      return { kind: 'closed', url: issue.url }
    }
    const body = issueBody(run.findings, run.failedChecks, { key, ...run })
    if (!issue) {
      const created = await api.create({
        title: issueTitle(key),
        body,
        labels: [TRACKING_LABEL]
      })
      url = created.url
      const warning = created.labels.includes(TRACKING_LABEL)
        ? undefined
        : `GitHub did not set the label ${TRACKING_LABEL} on ${created.url} (only tokens that may push to the repository set labels), so the next run will not find it: add the label by hand.`
      return { kind: 'opened', url: created.url, warning }
    }
    const before = recordedFailedChecks(issue.body)
    const changed =
      before.length !== run.failedChecks.length || run.failedChecks.some(id => !before.includes(id))
    await api.update(issue.number, { title: issueTitle(key), body })
    if (changed)
      await api.comment(issue.number, changedComment(before, [...run.failedChecks], run.runUrl))
    return { kind: 'updated', url: issue.url, commented: changed }
  } catch (error) {
    return { kind: 'failed', url, warning: redact(errorMessage(error)) }
  }
}
