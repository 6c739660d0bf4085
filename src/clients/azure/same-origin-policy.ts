import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline'

/**
 * Keeps one SDK client's credentials at one origin: the origin of its first request (the ARM
 * endpoint, the vault URI, the authority host). A request that carries an Authorization header
 * to any other origin is refused before it is sent: a `nextLink` in a page of vaults or role
 * assignments is a URL the service chose, and the SDK would send the ARM token to it.
 * Runs after the token is added (position perRetry), so it sees the header.
 */
export function sameOriginPolicy(): PipelinePolicy {
  let home: string | undefined
  return {
    name: 'aepCmkSameOrigin',
    sendRequest(request, next) {
      const origin = new URL(request.url).origin
      home ??= origin
      if (origin !== home && request.headers.has('authorization'))
        return Promise.reject(
          new RestError(
            `refused to send the token to ${new URL(request.url).host}: the service pointed a follow-up request (e.g. a nextLink) away from ${new URL(home).host}`,
            { request }
          )
        )
      return next(request)
    }
  }
}
