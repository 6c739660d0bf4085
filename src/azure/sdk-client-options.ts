import * as core from '@actions/core'
import type { PipelinePolicy } from '@azure/core-rest-pipeline'
import { redact } from '../http/secrets.js'

/** No single Azure request may hang longer than this; the SDK's default is no limit. */
export const AZURE_REQUEST_TIMEOUT_MS = 30_000

/** Logs every try of every Azure SDK request (method, URL, status, duration) for RUNNER_DEBUG. */
const debugLogPolicy: PipelinePolicy = {
  name: 'aepCmkDebugLog',
  async sendRequest(request, next) {
    if (request.timeout === 0) request.timeout = AZURE_REQUEST_TIMEOUT_MS
    const started = Date.now()
    const line = `${request.method} ${redact(request.url)}`
    try {
      const response = await next(request)
      core.debug(`${line} -> ${response.status} in ${Date.now() - started} ms`)
      return response
    } catch (error) {
      core.debug(
        `${line} -> network error after ${Date.now() - started} ms: ${redact(String((error as Error).message ?? error))}`
      )
      throw error
    }
  }
}

/**
 * Options shared by every Azure SDK client (ARM, Key Vault, Entra token requests): a bounded
 * exponential retry that honours Retry-After (the SDK's own policy), a per-try timeout and the
 * debug log. The SDKs already honour HTTPS_PROXY / NO_PROXY.
 */
export function azureClientOptions() {
  return {
    retryOptions: { maxRetries: 4, retryDelayInMs: 500, maxRetryDelayInMs: 30_000 },
    additionalPolicies: [{ policy: debugLogPolicy, position: 'perRetry' as const }],
    userAgentOptions: { userAgentPrefix: 'aep-cmk-azure-action' }
  }
}
