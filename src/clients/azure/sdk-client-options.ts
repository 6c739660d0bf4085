import { errorMessage } from '../../safety/error-message.js'
import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline'
import type { HttpContext } from '../http/http-context.js'
import { redact } from '../../safety/secrets.js'
import { answerGuardPolicy } from './answer-guard-policy.js'
import { sameOriginPolicy } from './same-origin-policy.js'

const CANCELLED = 'cancelled: the run reached its deadline'

/**
 * Logs every try of every Azure SDK request (method, URL, status, duration) for RUNNER_DEBUG,
 * and bounds each try by the same per-try timeout as the Adobe calls (the run's tuning) and by
 * the run's deadline.
 *
 * The timeout is our own, not `request.timeout`: the SDK's node client leaves that timer
 * running when the request fails (a reset, a refused proxy), which keeps the process alive for
 * the whole timeout, and it turns a timeout into an AbortError that is never retried. Here a
 * try that outlasts the timeout becomes a RestError with code ETIMEDOUT, which the SDK's
 * exponential retry treats as a network error and retries.
 *
 * The run's signal is wired in here rather than trusted to the caller: @azure/identity does not
 * pass getToken's abortSignal on to the token requests of its client-secret and
 * client-assertion flows, so only the pipeline can cancel them.
 */
function tryPolicy({ signal: runSignal, log, tuning }: HttpContext): PipelinePolicy {
  return {
    name: 'aepCmkTry',
    async sendRequest(request, next) {
      const started = Date.now()
      const line = `${request.method} ${redact(request.url)}`
      const timeoutMs = tuning.httpTimeoutMs
      const outer = request.abortSignal
      const cancellers = [outer, runSignal].filter(s => s !== undefined)
      const cancelled = (): boolean => cancellers.some(s => s.aborted)
      const controller = new AbortController()
      const onCancel = (): void => controller.abort()
      if (cancelled()) controller.abort()
      else for (const s of cancellers) s.addEventListener('abort', onCancel)
      let timedOut = false
      const handle = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeoutMs)
      request.abortSignal = controller.signal
      try {
        const response = await next(request)
        log.debug(`${line} -> ${response.status} in ${Date.now() - started} ms`)
        return response
      } catch (error) {
        const reason = timedOut
          ? `no answer within ${timeoutMs / 1000} s`
          : cancelled()
            ? CANCELLED
            : errorMessage(error)
        log.debug(`${line} -> network error after ${Date.now() - started} ms: ${redact(reason)}`)
        if (timedOut) throw new RestError(reason, { code: 'ETIMEDOUT', request })
        // The SDK's own words ("Rejecting from abort signal callback ...") do not say why.
        if (cancelled()) throw Object.assign(new Error(CANCELLED), { name: 'AbortError' })
        throw error
      } finally {
        clearTimeout(handle)
        for (const s of cancellers) s.removeEventListener('abort', onCancel)
        if (outer) request.abortSignal = outer
        else delete request.abortSignal
      }
    }
  }
}

/**
 * Options for one Azure SDK client (each call pins its own client to one origin); `token` for
 * the credentials' own clients, which call the token endpoints. `http.signal` is the run's
 * deadline: every try of every request of the client ends when it aborts.
 */
export function azureClientOptions(calls: 'api' | 'token', http: HttpContext) {
  const scale = http.tuning.retryScale
  return {
    retryOptions: {
      maxRetries: 4,
      retryDelayInMs: 500 * scale,
      maxRetryDelayInMs: 30_000 * scale
    },
    // In order, outermost first: the origin check, the per-try timeout, the answer checks.
    additionalPolicies: [sameOriginPolicy(), tryPolicy(http), answerGuardPolicy(calls)].map(
      policy => ({
        policy,
        position: 'perRetry' as const
      })
    ),
    // Belt and braces: answerGuardPolicy already refuses every redirect.
    redirectOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: 'aep-cmk-azure-action' }
  }
}
