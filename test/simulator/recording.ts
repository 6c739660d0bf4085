import type { ServiceName } from './context.js'

export interface RecordedRequest {
  service: ServiceName | 'unknown'
  method: string
  host: string
  path: string
  query: Record<string, string>
  /** Lower-cased names. */
  headers: Record<string, string>
  body: string
  /** HTTP status answered; 0 when the connection was dropped or no answer was sent yet. */
  status: number
  /** Date.now() when the request arrived. */
  at: number
  /** Date.now() when the answer was sent (or the connection dropped); undefined until then. */
  answeredAt?: number | undefined
  /** Bytes of an endless body written before the client hung up. */
  bytesSent?: number | undefined
}
