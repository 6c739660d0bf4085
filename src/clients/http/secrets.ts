import * as core from '@actions/core'

const known = new Set<string>()

/** Masks a secret in the runner's logs and remembers it so that our own messages can be scrubbed. */
export function registerSecret(value: string | undefined): void {
  if (!value || known.has(value)) return
  core.setSecret(value)
  known.add(value)
}

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi

/** Removes every known secret and anything token-shaped from text meant for people. */
export function redact(text: string): string {
  let out = text
  for (const secret of known) out = out.split(secret).join('***')
  return out.replace(BEARER, '$1 ***').replace(JWT, '***')
}
