import { RestError } from '@azure/core-rest-pipeline'
import type { ReadError } from '../model/facts.js'
import { redact } from '../safety/secrets.js'
import { ServiceError } from '../clients/http/service-error.js'
import { FailedCall } from '../clients/http/failed-call.js'

/** Turns what an SDK or our own client threw into the ReadError that checks reason about. */
export function toReadError(call: string, error: unknown): ReadError {
  if (error instanceof FailedCall) return toReadError(error.call, error.cause)
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
    const context = azureErrorContext(e)
    const first = firstLine(e.message)
    message = `${code}${context ? first.replace(/\.+$/, '') : first}${context}`
  } else if (error instanceof Error) {
    message = firstLine(error.message)
  } else {
    message = String(error)
  }
  const kind =
    status === 404
      ? 'not-found'
      : (status === 401 || status === 403) && !isNetworkRefusal(error)
        ? 'forbidden'
        : 'error'
  return { call, status, kind, message: redact(message) }
}

/**
 * A Key Vault or Managed HSM data-plane 403 its network rules gave (inner code ForbiddenByFirewall
 * or ForbiddenByConnection): no permission would let the request through, so it is not
 * 'forbidden', whose fixes name a role (a repair refused so would name Policy Administrator).
 */
function isNetworkRefusal(error: unknown): boolean {
  if (!(error instanceof RestError)) return false
  const details = error.details as
    { error?: { innerError?: { code?: unknown }; innererror?: { code?: unknown } } } | undefined
  const inner = details?.error?.innerError?.code ?? details?.error?.innererror?.code
  return inner === 'ForbiddenByFirewall' || inner === 'ForbiddenByConnection'
}

/**
 * What Azure puts after the first line or in the inner error, where it names the cause: Key Vault
 * answers every 403 with code Forbidden and tells a firewall refusal (ForbiddenByFirewall, with
 * "Client address: <ip>" on a later line), public access disabled (ForbiddenByConnection), RBAC
 * and access policies apart only there. Returned as " (<inner code>; client address <ip>)".
 */
function azureErrorContext(e: RestError): string {
  const details = e.details as
    { error?: { innerError?: { code?: unknown }; innererror?: { code?: unknown } } } | undefined
  const inner = details?.error?.innerError?.code ?? details?.error?.innererror?.code
  const parts: string[] = []
  if (typeof inner === 'string' && inner !== '' && !e.message.includes(inner)) parts.push(inner)
  const address = /Client address: ([0-9A-Fa-f.:]+)/.exec(e.message)?.[1]
  if (address) parts.push(`client address ${address}`)
  return parts.length > 0 ? ` (${parts.join('; ')})` : ''
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim()
}
