import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import type { SimIssue } from '../scenario.js'

/**
 * GitHub's REST API for the issues of one repository, as the job token (GITHUB_TOKEN) sees it:
 * list (pull requests included, as GitHub does; paginated with a `Link` header), create, update
 * and comment. The token must be sent (`token …` or `Bearer …`); what it may do follows
 * `githubApi.issuesPermission`, refused with GitHub's 403 "Resource not accessible by
 * integration". A User-Agent is required, as on api.github.com.
 */
export function githubApi(req: SimRequest, ctx: SimContext): Answer {
  const { githubApi: api, github } = ctx.state
  if (!req.headers['user-agent']) {
    return json(403, {
      message:
        'Request forbidden by administrative rules. Please make sure your request has a User-Agent header'
    })
  }
  const credentials = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  if (!credentials || credentials[1] !== api.token) {
    return json(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
  }
  const match = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+)(\/comments)?)?\/?$/.exec(req.path)
  if (!match || `${match[1]}/${match[2]}`.toLowerCase() !== github.repository.toLowerCase()) {
    return notFound()
  }
  const writes = req.method !== 'GET'
  if (api.issuesPermission === 'none' || (writes && api.issuesPermission !== 'write')) {
    return json(403, {
      message: 'Resource not accessible by integration',
      documentation_url: DOCS,
      status: '403'
    })
  }
  const number = match[3] === undefined ? undefined : Number(match[3])
  const comments = match[4] !== undefined
  // GitHub: "If issues are disabled in the repository, the API returns a 410 Gone status" (Create
  // an issue; Update an issue and Create an issue comment list 410 too). The docs list no 410 for
  // List repository issues: the listing answers, without the issues (pull requests remain).
  if (!api.issuesEnabled && (writes || number !== undefined)) return issuesDisabled()
  if (number === undefined && req.method === 'GET') return list(req, ctx)
  if (number === undefined && req.method === 'POST') return create(req, ctx)
  const issue = api.issues.find(i => i.number === number)
  if (!issue) return notFound()
  if (comments && req.method === 'POST') return comment(req, ctx, issue)
  if (!comments && req.method === 'PATCH') return update(req, ctx, issue)
  if (!comments && req.method === 'GET') return json(200, render(ctx, issue))
  return json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
}

const DOCS = 'https://docs.github.com/rest/issues/issues'

function issuesDisabled(): Answer {
  return json(410, {
    message: 'Issues are disabled for this repo',
    documentation_url: DOCS,
    status: '410'
  })
}

function notFound(): Answer {
  return json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
}

function invalid(message: string): Answer {
  return json(422, { message: 'Validation Failed', errors: [{ message }], status: '422' })
}

function parseBody(req: SimRequest): Record<string, unknown> | undefined {
  if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) return undefined
  try {
    const body = JSON.parse(req.body) as unknown
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** GET /repos/{owner}/{repo}/issues: newest first, `state` (default open), `labels` (all of them). */
function list(req: SimRequest, ctx: SimContext): Answer {
  const api = ctx.state.githubApi
  const state = req.query.state ?? 'open'
  const labels = (req.query.labels ?? '')
    .split(',')
    .map(l => l.trim().toLowerCase())
    .filter(l => l !== '')
  const matching = api.issues
    .filter(i => api.issuesEnabled || i.pullRequest)
    .filter(i => state === 'all' || i.state === state)
    .filter(i => labels.every(l => i.labels.some(own => own.toLowerCase() === l)))
    .sort((a, b) => b.number - a.number)
  const perPage = Math.min(Math.max(Number(req.query.per_page ?? 30) || 30, 1), api.maxPerPage)
  const page = Math.max(Number(req.query.page ?? 1) || 1, 1)
  const lastPage = Math.max(Math.ceil(matching.length / perPage), 1)
  const items = matching.slice((page - 1) * perPage, page * perPage)
  const link = (p: number) => {
    const query = new URLSearchParams({ ...req.query, page: String(p), per_page: String(perPage) })
    return `https://${req.host}${req.path}?${query.toString()}`
  }
  const rels: string[] = []
  if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`, `<${link(1)}>; rel="first"`)
  if (ctx.state.endlessListings.includes('github-issues'))
    rels.push(`<${link(page + 1)}>; rel="next"`)
  else if (page < lastPage)
    rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`)
  return json(
    200,
    items.map(i => render(ctx, i)),
    rels.length > 0 ? { link: rels.join(', ') } : undefined
  )
}

function create(req: SimRequest, ctx: SimContext): Answer {
  const body = parseBody(req)
  if (!body) return json(400, { message: 'Problems parsing JSON', status: '400' })
  if (typeof body.title !== 'string' || body.title.trim() === '') return invalid('title is missing')
  const api = ctx.state.githubApi
  const now = new Date().toISOString()
  const issue: SimIssue = {
    number: Math.max(0, ...api.issues.map(i => i.number)) + 1,
    title: body.title,
    body: typeof body.body === 'string' ? body.body : '',
    state: 'open',
    // GitHub creates labels that do not exist yet when the token may push.
    labels: Array.isArray(body.labels) ? body.labels.map(String) : [],
    createdAt: now,
    updatedAt: now
  }
  api.issues.push(issue)
  return json(201, render(ctx, issue))
}

function update(req: SimRequest, ctx: SimContext, issue: SimIssue): Answer {
  const body = parseBody(req)
  if (!body) return json(400, { message: 'Problems parsing JSON', status: '400' })
  if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed')
    return invalid('state is not included in the list')
  if (typeof body.title === 'string') issue.title = body.title
  if (typeof body.body === 'string') issue.body = body.body
  if (body.state === 'closed' && issue.state === 'open') {
    issue.state = 'closed'
    issue.stateReason = typeof body.state_reason === 'string' ? body.state_reason : 'completed'
    issue.closedAt = new Date().toISOString()
  } else if (body.state === 'open') {
    issue.state = 'open'
    issue.stateReason = 'reopened'
    issue.closedAt = undefined
  }
  issue.updatedAt = new Date().toISOString()
  return json(200, render(ctx, issue))
}

function comment(req: SimRequest, ctx: SimContext, issue: SimIssue): Answer {
  const body = parseBody(req)
  if (!body || typeof body.body !== 'string' || body.body === '') return invalid('body is missing')
  const api = ctx.state.githubApi
  const id = api.comments.length + 1
  api.comments.push({ id, issueNumber: issue.number, body: body.body })
  return json(201, {
    id,
    body: body.body,
    html_url: `${htmlUrl(ctx, issue)}#issuecomment-${id}`,
    issue_url: `${ctx.urls.githubApi}/repos/${ctx.state.github.repository}/issues/${issue.number}`
  })
}

function htmlUrl(ctx: SimContext, issue: SimIssue): string {
  const kind = issue.pullRequest ? 'pull' : 'issues'
  return `${ctx.urls.github}/${ctx.state.github.repository}/${kind}/${issue.number}`
}

function render(ctx: SimContext, issue: SimIssue): Record<string, unknown> {
  const api = `${ctx.urls.githubApi}/repos/${ctx.state.github.repository}`
  return {
    id: 1_000_000 + issue.number,
    number: issue.number,
    url: `${api}/issues/${issue.number}`,
    html_url: htmlUrl(ctx, issue),
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason ?? null,
    labels: issue.labels.map((name, index) => ({ id: index + 1, name, color: 'ededed' })),
    comments: ctx.state.githubApi.comments.filter(c => c.issueNumber === issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt ?? null,
    user: { login: 'github-actions[bot]', type: 'Bot' },
    ...(issue.pullRequest
      ? { pull_request: { url: `${api}/pulls/${issue.number}`, html_url: htmlUrl(ctx, issue) } }
      : {})
  }
}
