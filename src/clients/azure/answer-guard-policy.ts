import {
  RestError,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
  type SendRequest
} from '@azure/core-rest-pipeline'
import { AnswerTooLargeError, readCappedText } from '../http/capped-body.js'
import { describeNonJson } from '../http/non-json.js'
import { redirectRefusal } from '../http/redirect-refusal.js'
import { parseRetryAfter, refusedRetryAfter } from '../http/retry.js'

const RETRY_AFTER_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'retry-after']
// The transport streams every status to this policy instead of buffering the body itself.
const STREAM_EVERY_STATUS = new Set([Number.POSITIVE_INFINITY])

/**
 * Checks each answer the Azure SDKs receive before they act on it, so that a hostile or broken
 * answer ends in an error that says what came back:
 * - the body is read here, at most MAX_ANSWER_BYTES (the transport would buffer any amount);
 * - a redirect is refused, naming the location's host: requests carry a token or a client
 *   secret (the SDK's redirect policy would follow a same-origin one);
 * - a success answer that is an HTML page (a proxy's or a captive portal's) is refused;
 * - a Retry-After longer than MAX_RETRY_AFTER_MS is refused, since the SDK's throttling retry
 *   waits any Retry-After, a day included. For an API call the 429 becomes an error that says
 *   so; for a token request (`for: 'token'`) the 429 is handed back without its Retry-After,
 *   since @azure/identity quotes Entra's own error (the AADSTS code) only from the answer and
 *   turns a thrown error into a bare "network_error";
 * - a token request's 429 says in its error_description that it was throttling, and the wait.
 * Runs once per try (position perRetry, inside the per-try timeout).
 */
export function answerGuardPolicy(calls: 'api' | 'token'): PipelinePolicy {
  return {
    name: 'aepCmkAnswerGuard',
    sendRequest: (request, next) => guard(calls, request, next)
  }
}

async function guard(
  calls: 'api' | 'token',
  request: PipelineRequest,
  next: SendRequest
): Promise<PipelineResponse> {
  const ownStreaming = request.streamResponseStatusCodes
  if (!ownStreaming) request.streamResponseStatusCodes = STREAM_EVERY_STATUS
  let response: PipelineResponse
  try {
    response = await next(request)
  } finally {
    if (!ownStreaming) delete request.streamResponseStatusCodes
  }
  if (!ownStreaming) await bufferBody(request, response)
  const { status, headers } = response
  if (status >= 300 && status < 400)
    throw refusal(redirectRefusal(headers.get('location'), request.url), request, response)
  if (status >= 200 && status < 300 && looksLikeHtml(response))
    throw refusal(
      `the answer is not JSON: ${describeNonJson(response.bodyAsText ?? '', headers.get('content-type'))}`,
      request,
      response
    )
  const wait = retryAfterMs(response)
  if (status === 429 && calls === 'token') noteThrottling(response, wait)
  const refused = refusedRetryAfter(wait)
  if (refused) {
    // Without the header the SDK's throttling retry does not wait; a 429 is then not retried.
    for (const name of RETRY_AFTER_HEADERS) headers.delete(name)
    if (status === 429 && calls === 'api')
      throw refusal(`${statusText(response)}: ${refused}`, request, response)
  }
  return response
}

async function bufferBody(request: PipelineRequest, response: PipelineResponse): Promise<void> {
  const stream = response.readableStreamBody
  delete response.readableStreamBody
  try {
    response.bodyAsText = await readCappedText(stream, response.headers.get('content-length'))
  } catch (error) {
    if (error instanceof AnswerTooLargeError) throw refusal(error.message, request, response)
    throw error
  }
}

/** The words azure.sign-in recognises a throttled token request by (see noteThrottling). */
const ENTRA_THROTTLED = 'Entra throttled the token request (HTTP 429)'

/**
 * @azure/identity reports a failed token request with Entra's error text only (the AADSTS code,
 * e.g. 90033 "a transient error"), without the status or the Retry-After. So a 429's
 * error_description is prefixed with what the answer said: that it was throttling and how long
 * Entra asked to wait. The first line then carries it to azure.sign-in.
 */
function noteThrottling(response: PipelineResponse, waitMs: number | undefined): void {
  const wait =
    waitMs === undefined ? '' : ` and asked to wait ${Math.ceil(waitMs / 1000)} s (Retry-After)`
  let body: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(response.bodyAsText ?? '')
    body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  } catch {
    body = {}
  }
  const described = typeof body.error_description === 'string' ? body.error_description : ''
  response.bodyAsText = JSON.stringify({
    ...body,
    error: typeof body.error === 'string' ? body.error : 'temporarily_unavailable',
    error_description: `${ENTRA_THROTTLED}${wait}. ${described}`.trim()
  })
}

function looksLikeHtml(response: PipelineResponse): boolean {
  const body = response.bodyAsText ?? ''
  if (body.trim() === '') return false
  const media = response.headers.get('content-type') ?? ''
  if (/json/i.test(media)) return false
  return /html|xml/i.test(media) || /^\s*</.test(body)
}

function retryAfterMs(response: PipelineResponse): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined
  const ms =
    response.headers.get('retry-after-ms') ?? response.headers.get('x-ms-retry-after-ms') ?? ''
  if (/^\d+$/.test(ms.trim())) return Number(ms)
  return parseRetryAfter(response.headers.get('retry-after'), Date.now())
}

function statusText(response: PipelineResponse): string {
  const body = response.bodyAsText ?? ''
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }
    const parts = [parsed.error?.code, parsed.error?.message].filter(
      (x): x is string => typeof x === 'string' && x !== ''
    )
    if (parts.length > 0) return parts.join(': ')
  } catch {
    // not JSON: the status alone
  }
  return `HTTP ${response.status}`
}

/**
 * A RestError carrying the answer's status: the SDK's retry policy does not retry it (unless
 * the status is a 5xx) and the read that failed reports the message and the status.
 */
function refusal(message: string, request: PipelineRequest, response: PipelineResponse): RestError {
  return new RestError(message, { statusCode: response.status, request, response })
}
