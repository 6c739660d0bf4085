import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import { bearerToken, nowSeconds } from '../tokens.js'

/** The Actions runtime's ID-token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL). */
export function githubOidc(req: SimRequest, ctx: SimContext): Answer {
  if (req.method !== 'GET' || req.path !== '/idtoken') {
    return json(404, { message: 'Not Found' })
  }
  const { github } = ctx.state
  if (bearerToken(req.headers.authorization) !== github.requestToken) {
    return json(401, { message: 'Bad credentials' })
  }
  const owner = github.repository.split('/')[0]
  const audience = req.query.audience || `https://github.com/${owner}`
  const iat = nowSeconds()
  const token = ctx.tokens.mint({
    iss: github.issuer,
    sub: github.subject,
    aud: audience,
    repository: github.repository,
    repository_owner: owner,
    ref: 'refs/heads/main',
    run_id: '8123456789',
    workflow: 'aep-cmk',
    event_name: 'workflow_dispatch',
    runner_environment: 'github-hosted',
    nbf: iat - 5,
    iat,
    exp: iat + ctx.state.idTokenLifetimeSeconds
  })
  ctx.counters.idTokens++
  return json(200, { count: 1, value: token })
}
