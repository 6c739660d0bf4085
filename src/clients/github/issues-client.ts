import type { Log } from '../../model/log.js'
import { cappedPages } from '../http/capped-pages.js'
import { errorMessage } from '../../safety/error-message.js'
import { redact } from '../../safety/secrets.js'
import { ServiceError } from '../http/service-error.js'

export interface OpenIssue {
  number: number
  /** The issue's page on GitHub (html_url). */
  url: string
  body: string
}

/** The GitHub issues calls the tracking issue needs. */
export interface IssuesApi {
  /** Every open issue with the label, across pages, pull requests left out. */
  listOpen(label: string): Promise<OpenIssue[]>
  /** Returns the new issue with the labels GitHub actually set. */
  create(issue: {
    title: string
    body: string
    labels: string[]
  }): Promise<OpenIssue & { labels: string[] }>
  update(number: number, change: { title?: string; body?: string; state?: 'closed' }): Promise<void>
  comment(number: number, body: string): Promise<void>
}

export interface IssuesClient {
  api: IssuesApi
  /** GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID, when the runner set them. */
  runUrl?: string | undefined
}

/**
 * Pages of open labelled issues read before the listing fails: GitHub answers at most 100 a
 * page (per_page, "List repository issues"), and the action keeps one open issue per org,
 * vault and key, so 100 pages (10,000 open issues and pull requests with the label) is more
 * than any repository that tracks its keys needs.
 */
export const ISSUE_LIST_PAGES = 100

/** All the GitHub calls of one run together may take this long. */
const GITHUB_BUDGET_MS = 60_000

/**
 * The issues API of the repository the workflow runs in, through @actions/github: getOctokit
 * reads GITHUB_API_URL (GitHub Enterprise Server has its own) and honours the runner's proxy;
 * the run context reads GITHUB_REPOSITORY, GITHUB_SERVER_URL and GITHUB_RUN_ID. Loaded only when
 * open-issue is on.
 */
export async function issuesClient(token: string, log: Log): Promise<IssuesClient> {
  const { context, getOctokit } = await import('@actions/github')
  const { owner, repo } = context.repo
  const octokit = getOctokit(token)
  const signal = AbortSignal.timeout(GITHUB_BUDGET_MS)
  octokit.hook.wrap('request', async (request, options) => {
    const line = `${options.method} ${options.url}`
    try {
      const response = await request({ ...options, request: { ...options.request, signal } })
      log.debug(
        `${response.url ? `${options.method} ${response.url}` : line} -> ${response.status}`
      )
      return response
    } catch (error) {
      log.debug(`${line} -> ${statusOf(error) || 'network error'}`)
      throw error
    }
  })
  const call = async <T>(name: string, work: (callName: string) => Promise<T>): Promise<T> => {
    try {
      return await work(`GitHub ${name}`)
    } catch (error) {
      // Our own errors (a listing past its cap) already name the call.
      throw error instanceof ServiceError ? error : gitHubError(`GitHub ${name}`, error)
    }
  }
  const api: IssuesApi = {
    listOpen: label =>
      call(`GET /repos/${owner}/${repo}/issues (open, label ${label})`, async listing => {
        const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
          owner,
          repo,
          state: 'open',
          labels: label,
          per_page: 100
        })
        const issues: OpenIssue[] = []
        for await (const { data } of cappedPages(pages, listing, ISSUE_LIST_PAGES))
          for (const item of data)
            if (!item.pull_request)
              issues.push({ number: item.number, url: item.html_url, body: item.body ?? '' })
        return issues
      }),
    create: issue =>
      call(`POST /repos/${owner}/${repo}/issues`, async () => {
        const { data } = await octokit.rest.issues.create({ owner, repo, ...issue })
        return {
          number: data.number,
          url: data.html_url,
          body: data.body ?? '',
          labels: data.labels.map(label => (typeof label === 'string' ? label : (label.name ?? '')))
        }
      }),
    update: (number, change) =>
      call(`PATCH /repos/${owner}/${repo}/issues/${number}`, async () => {
        await octokit.rest.issues.update({
          owner,
          repo,
          issue_number: number,
          ...change,
          ...(change.state === 'closed' ? { state_reason: 'completed' as const } : {})
        })
      }),
    comment: (number, body) =>
      call(`POST /repos/${owner}/${repo}/issues/${number}/comments`, async () => {
        await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
      })
  }
  const runUrl =
    context.runId > 0
      ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`
      : undefined
  return { api, runUrl }
}

function statusOf(error: unknown): number {
  return typeof error === 'object' && error !== null && 'status' in error
    ? Number(error.status) || 0
    : 0
}

/**
 * Names the call, the status and GitHub's message; for the answers a setting causes (a missing
 * permission, issues turned off), also the setting to change.
 */
function gitHubError(call: string, error: unknown): ServiceError {
  const status = statusOf(error) || undefined
  const data =
    typeof error === 'object' && error !== null && 'response' in error
      ? (error as { response?: { data?: unknown } }).response?.data
      : undefined
  const message =
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : errorMessage(error)
  return new ServiceError(call, status, redact(`${message}${hintFor(status)}`))
}

/** What the answers a setting causes ask the user to change. */
function hintFor(status: number | undefined): string {
  switch (status) {
    // GitHub answers 410 Gone when issues are disabled in the repository ("Create an issue").
    case 410:
      return ' (issues are disabled in this repository: turn them on under Settings, General, Features, Issues, or set open-issue: false)'
    case 403:
    case 404:
      return ' (the job token needs `permissions: issues: write`)'
    case 401:
      return ' (check github-token: the default is ${{ github.token }})'
    default:
      return ''
  }
}
