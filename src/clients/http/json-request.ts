import fetch, { FetchError } from 'node-fetch'
import { AnswerTooLargeError, readCappedText } from './capped-body.js'
import { proxyAgentFor } from './proxy-agent.js'
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  refusedRetryAfter,
  realRetryDeps,
  scaleRetryPolicy,
  withRetry,
  type RetryPolicy
} from './retry.js'
import { redact } from '../../safety/secrets.js'
import { ServiceError, serviceMessage } from './service-error.js'
import { sleep } from './sleep.js'
import { describeNonJson } from './non-json.js'
import { redirectRefusal } from './redirect-refusal.js'
import type { HttpContext } from './http-context.js'

export interface JsonRequest {
  /** Names the call in errors and debug lines, e.g. "Adobe GET app registration". */
  call: string
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string> | undefined
  /** A JSON body (sent as application/json) or a form (sent as x-www-form-urlencoded). */
  json?: unknown
  form?: Record<string, string> | undefined
  /** 404 is an answer, not an error: returns { status: 404 }. */
  allow404?: boolean | undefined
  /**
   * A POST that can safely be sent again (a token grant): retried like a GET. Other POSTs are
   * only retried on 429, since the service may have stored them.
   */
  idempotent?: boolean | undefined
  /** The run's cancellation, log and tuning. */
  http: HttpContext
  /** Per-try timeout; defaults to the run's. */
  timeoutMs?: number | undefined
  retry?: RetryPolicy | undefined
}

export interface JsonResponse {
  status: number
  body: unknown
}

/**
 * One JSON call with a per-try timeout and retries for network errors, 408, 429 and 5xx.
 * A POST is only retried when the service certainly did not act on it (429), since it may
 * otherwise have been stored; callers read the state back instead. Every call carries a secret
 * or a token, so a redirect is never followed (it is an error naming the location's host), and
 * no answer is read beyond MAX_ANSWER_BYTES.
 */
export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const retryable = (error: unknown): boolean => {
    if (!(error instanceof ServiceError)) return false
    if (request.method === 'POST' && !request.idempotent) return error.status === 429
    return error.retryable
  }
  return withRetry(
    () => sendOnce(request),
    error => ({
      retry: retryable(error) && !request.http.signal.aborted,
      retryAfterMs: error instanceof ServiceError ? error.retryAfterMs : undefined
    }),
    request.retry ?? scaleRetryPolicy(DEFAULT_RETRY_POLICY, request.http.tuning.retryScale),
    // A long Retry-After must not outlast the run's deadline.
    {
      ...realRetryDeps,
      sleep: ms => {
        request.http.log.debug(`${request.call}: retrying in ${ms} ms`)
        return sleep(ms, request.http.signal)
      }
    }
  )
}

async function sendOnce(request: JsonRequest): Promise<JsonResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers }
  let body: string | undefined
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(request.json)
  } else if (request.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(request.form).toString()
  }
  const timeoutMs = request.timeoutMs ?? request.http.tuning.httpTimeoutMs
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = AbortSignal.any([timeout, request.http.signal])
  const started = Date.now()
  let response
  let text: string
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      ...(body !== undefined && { body }),
      signal,
      // The request carries a secret or a token: a redirect must not take it elsewhere.
      redirect: 'manual',
      agent: proxyAgentFor(request.url)
    })
    // The body can stall or break after the headers came: that is a network error too.
    text = await readCappedText(response.body, response.headers.get('content-length'))
  } catch (error) {
    if (error instanceof AnswerTooLargeError)
      throw new ServiceError(request.call, response?.status, error.message)
    const reason =
      timeout.aborted && !request.http.signal.aborted
        ? `no answer within ${timeoutMs / 1000} s`
        : request.http.signal.aborted
          ? 'cancelled: the run reached its deadline'
          : error instanceof FetchError || error instanceof Error
            ? error.message
            : String(error)
    request.http.log.debug(
      `${request.method} ${redact(request.url)} -> network error after ${Date.now() - started} ms: ${redact(reason)}`
    )
    throw new ServiceError(request.call, undefined, reason)
  }
  request.http.log.debug(
    `${request.method} ${redact(request.url)} -> ${response.status} in ${Date.now() - started} ms`
  )
  let parsed: unknown = undefined
  let malformed = false
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text)
    } catch {
      malformed = true
    }
  }
  if (response.status >= 300 && response.status < 400)
    throw new ServiceError(
      request.call,
      response.status,
      redirectRefusal(response.headers.get('location'), request.url)
    )
  if (response.status === 404 && request.allow404) return { status: 404, body: parsed }
  if (response.status >= 400) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now())
    const message = serviceMessage(
      parsed,
      malformed
        ? describeNonJson(text, response.headers.get('content-type'))
        : response.statusText || 'no message'
    )
    const refused = refusedRetryAfter(retryAfterMs)
    throw new ServiceError(
      request.call,
      response.status,
      refused ? `${message} (${refused})` : message,
      retryAfterMs
    )
  }
  if (malformed)
    throw new ServiceError(
      request.call,
      response.status,
      `the answer is not valid JSON: ${describeNonJson(text, response.headers.get('content-type'))}`
    )
  return { status: response.status, body: parsed }
}
