import { describeValue } from '../../safety/describe-value.js'
import { redact } from '../../safety/secrets.js'

/** A call to a service that failed: names the call, the HTTP status and the service's message. */
export class ServiceError extends Error {
  constructor(
    readonly call: string,
    readonly status: number | undefined,
    readonly serviceMessage: string,
    readonly retryAfterMs?: number
  ) {
    super(redact(`${call} failed${status ? ` with HTTP ${status}` : ''}: ${serviceMessage}`))
    this.name = 'ServiceError'
  }

  get retryable(): boolean {
    return (
      this.status === undefined || this.status === 408 || this.status === 429 || this.status >= 500
    )
  }
}

/**
 * Pulls the human message out of the error shapes these services use: Adobe gateway
 * {error_code, message}, Adobe service {type, status, title, detail}, IMS/OAuth {error,
 * error_description}, ARM/Key Vault/Graph {error: {code, message}}.
 */
export function serviceMessage(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>
    if (typeof b.error_code === 'string' || typeof b.error_code === 'number')
      return `${describeValue(b.message ?? '')} (error_code ${b.error_code})`.trim()
    if (typeof b.title === 'string' || typeof b.detail === 'string')
      return [b.title, b.detail].filter(x => typeof x === 'string' && x !== '').join(': ')
    if (typeof b.error === 'string')
      return typeof b.error_description === 'string'
        ? `${b.error}: ${b.error_description}`
        : b.error
    if (b.error && typeof b.error === 'object') {
      const e = b.error as Record<string, unknown>
      return [e.code, e.message].filter(x => typeof x === 'string' && x !== '').join(': ')
    }
    if (typeof b.message === 'string') return b.message
  }
  return fallback
}
