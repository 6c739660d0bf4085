import { RestError } from '@azure/core-rest-pipeline'
import type { ReadError } from '../facts.js'
import { redact } from '../http/secrets.js'
import { ServiceError } from '../http/service-error.js'

/** Turns what an SDK or our own client threw into the ReadError that checks reason about. */
export function toReadError(call: string, error: unknown): ReadError {
  let status: number | undefined
  let message: string
  if (error instanceof ServiceError) {
    status = error.status
    // A read can fail in a call it depends on (e.g. the Entra token for an ARM GET): name it.
    message = error.call === call ? error.serviceMessage : error.message
  } else if (error instanceof RestError || (error as { statusCode?: number })?.statusCode) {
    const e = error as RestError
    status = e.statusCode
    const code = e.code && !e.message.includes(e.code) ? `${e.code}: ` : ''
    message = `${code}${firstLine(e.message)}`
  } else if (error instanceof Error) {
    message = firstLine(error.message)
  } else {
    message = String(error)
  }
  const kind =
    status === 404 ? 'not-found' : status === 401 || status === 403 ? 'forbidden' : 'error'
  return { call, status, kind, message: redact(message) }
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}
