import { errorMessage } from '../http/error-message.js'
import * as core from '@actions/core'
import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline'
import { httpTimeoutMs } from '../http/json-request.js'
import { retryScale } from '../http/retry.js'
import { redact } from '../http/secrets.js'

/**
 * Logs every try of every Azure SDK request (method, URL, status, duration) for RUNNER_DEBUG,
 * and bounds each try by the same per-try timeout as the Adobe calls (httpTimeoutMs()).
 *
 * The timeout is our own, not `request.timeout`: the SDK's node client leaves that timer
 * running when the request fails (a reset, a refused proxy), which keeps the process alive for
 * the whole timeout, and it turns a timeout into an AbortError that is never retried. Here a
 * try that outlasts the timeout becomes a RestError with code ETIMEDOUT, which the SDK's
 * exponential retry treats as a network error and retries.
 */
const tryPolicy: PipelinePolicy = {
  name: 'aepCmkTry',
  async sendRequest(request, next) {
    const started = Date.now()
    const line = `${request.method} ${redact(request.url)}`
    const timeoutMs = httpTimeoutMs()
    const outer = request.abortSignal
    const controller = new AbortController()
    const onOuterAbort = (): void => controller.abort()
    if (outer?.aborted) controller.abort()
    else outer?.addEventListener('abort', onOuterAbort)
    let timedOut = false
    const handle = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    request.abortSignal = controller.signal
    try {
      const response = await next(request)
      core.debug(`${line} -> ${response.status} in ${Date.now() - started} ms`)
      return response
    } catch (error) {
      const reason = timedOut ? `no answer within ${timeoutMs / 1000} s` : errorMessage(error)
      core.debug(`${line} -> network error after ${Date.now() - started} ms: ${redact(reason)}`)
      if (timedOut) throw new RestError(reason, { code: 'ETIMEDOUT', request })
      throw error
    } finally {
      clearTimeout(handle)
      outer?.removeEventListener('abort', onOuterAbort)
      if (outer) request.abortSignal = outer
      else delete request.abortSignal
    }
  }
}

export function azureClientOptions() {
  const scale = retryScale()
  return {
    retryOptions: {
      maxRetries: 4,
      retryDelayInMs: 500 * scale,
      maxRetryDelayInMs: 30_000 * scale
    },
    additionalPolicies: [{ policy: tryPolicy, position: 'perRetry' as const }],
    userAgentOptions: { userAgentPrefix: 'aep-cmk-azure-action' }
  }
}
