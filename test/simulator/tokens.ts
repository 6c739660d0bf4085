import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'

export type Claims = Record<string, unknown> & { exp?: number; nbf?: number; aud?: unknown }

export type TokenCheck =
  | { ok: true; claims: Claims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'not-yet-valid' }

export const nowSeconds = (): number => Math.floor(Date.now() / 1000)

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')

/**
 * JWT-shaped tokens (HS256 with a per-simulator secret). Every token handed out is remembered,
 * so a leak sweep can look for it.
 */
export class TokenMinter {
  private readonly key = randomBytes(32)
  readonly issued: string[] = []

  mint(claims: Claims, header: Record<string, unknown> = {}): string {
    const head = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'sim', ...header }))
    const body = base64url(JSON.stringify({ jti: randomUUID(), ...claims }))
    const token = `${head}.${body}.${this.sign(`${head}.${body}`)}`
    this.issued.push(token)
    return token
  }

  verify(token: string): TokenCheck {
    const parts = token.split('.')
    if (parts.length !== 3) return { ok: false, reason: 'malformed' }
    const [head, body, signature] = parts as [string, string, string]
    const expected = Buffer.from(this.sign(`${head}.${body}`))
    const actual = Buffer.from(signature)
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      return { ok: false, reason: 'signature' }
    }
    let claims: Claims
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims
    } catch {
      return { ok: false, reason: 'malformed' }
    }
    const now = nowSeconds()
    if (typeof claims.exp === 'number' && claims.exp <= now) return { ok: false, reason: 'expired' }
    if (typeof claims.nbf === 'number' && claims.nbf > now + 300) {
      return { ok: false, reason: 'not-yet-valid' }
    }
    return { ok: true, claims }
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url')
  }
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  return match?.[1]
}

/** Audience values compared the way the services do: scheme/host/port/path, trailing slash ignored. */
export function sameAudience(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase()
}

export function audiences(claims: Claims): string[] {
  const aud = claims.aud
  if (typeof aud === 'string') return [aud]
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string')
  return []
}
