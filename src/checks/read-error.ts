import type { ReadError } from '../model/facts.js'

/** "ARM GET vault answered 404: Vault not found", for one-sentence details. */
export function describeReadError(error: ReadError): string {
  const answer = error.status === undefined ? 'failed' : `answered ${error.status}`
  const message = error.message.trim().replace(/\.+$/, '')
  return message ? `${error.call} ${answer}: ${message}` : `${error.call} ${answer}`
}

export function readErrorEvidence(error: ReadError): Record<string, unknown> {
  return { call: error.call, status: error.status, kind: error.kind, message: error.message }
}
