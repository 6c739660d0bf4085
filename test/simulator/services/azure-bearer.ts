import type { SimContext, SimRequest } from '../context.js'
import { audiences, bearerToken, sameAudience, type Claims } from '../tokens.js'

export type BearerProblem = 'missing' | 'invalid' | 'expired' | 'audience' | 'tenant'

export type BearerCheck = { ok: true; claims: Claims } | { ok: false; problem: BearerProblem }

/**
 * Checks an Entra access token the way Azure resource providers do: signature, expiry, aud, tid.
 * `tenantId` is the tenant the resource belongs to (a vault's own tenant); default the scenario's.
 */
export function checkAzureBearer(
  req: SimRequest,
  ctx: SimContext,
  audience: string,
  tenantId: string = ctx.state.tenantId
): BearerCheck {
  const token = bearerToken(req.headers.authorization)
  if (!token) return { ok: false, problem: 'missing' }
  const checked = ctx.tokens.verify(token)
  if (!checked.ok) {
    return { ok: false, problem: checked.reason === 'expired' ? 'expired' : 'invalid' }
  }
  const { claims } = checked
  if (!audiences(claims).some(aud => sameAudience(aud, audience))) {
    return { ok: false, problem: 'audience' }
  }
  if (typeof claims.tid !== 'string' || claims.tid.toLowerCase() !== tenantId.toLowerCase()) {
    return { ok: false, problem: 'tenant' }
  }
  return { ok: true, claims }
}

/** The token's audience, for error messages. */
export function presentedAudience(req: SimRequest): string {
  const token = bearerToken(req.headers.authorization) ?? ''
  try {
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()
    ) as Claims
    return audiences(claims).join(',')
  } catch {
    return ''
  }
}
