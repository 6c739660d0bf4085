const known = new Set<string>()
const listeners = new Set<(form: string) => void>()

/**
 * The forms a secret takes when a service echoes a request back: as sent in a form body or a
 * query (URL-encoded, spaces as + or %20) and inside a JSON string.
 */
function encodedForms(value: string): string[] {
  const forms = [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1)
  ]
  return [...new Set(forms)]
}

const MIN_SECRET_LENGTH = 8

/**
 * Remembers a secret, in every encoded form, so that {@link redact} removes it from whatever is
 * shown, and tells the host (which masks it in the runner's log) about each new form. Called
 * wherever a secret appears: inputs, tokens fetched, ID tokens.
 */
export function registerSecret(value: string | undefined): void {
  // Shorter values are not secrets (the inputs refuse them): masking one would blank it everywhere.
  if (!value || value.length < MIN_SECRET_LENGTH || known.has(value)) return
  for (const form of encodedForms(value)) {
    if (known.has(form)) continue
    known.add(form)
    for (const listener of listeners) listener(form)
  }
}

/**
 * Calls `listener` with every secret form registered so far and every one registered later: the
 * host masks them in the runner's log this way. Returns a function that stops the calls.
 */
export function onSecret(listener: (form: string) => void): () => void {
  for (const form of known) listener(form)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi

/** Removes every known secret (raw or encoded) and anything token-shaped from text meant for people. */
export function redact(text: string): string {
  let out = text
  // Longest first, so that a form containing another is removed whole.
  for (const secret of [...known].sort((a, b) => b.length - a.length))
    out = out.split(secret).join('***')
  return out.replace(BEARER, '$1 ***').replace(JWT, '***')
}
