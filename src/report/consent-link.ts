import { judgeConsentUrl, type ConsentLink } from '../facts/consent-url.js'
import { PUBLIC_ENDPOINTS } from '../inputs/endpoints.js'
import type { RunResult } from './run-result.js'

/**
 * The run's consent URL judged against Entra's sign-in host: only a link there is shown (output
 * consent-url, summary, JSON report). The run's authority host reaches the report only in its
 * settings summary (settings.endpoints); without one, the public cloud's.
 */
export function consentLinkOf(r: RunResult): ConsentLink | undefined {
  if (!r.consentUrl) return undefined
  return judgeConsentUrl(r.consentUrl, authorityHostOf(r.settings))
}

/** The consent URL when it may be followed, else undefined. */
export function followableConsentUrl(r: RunResult): string | undefined {
  const link = consentLinkOf(r)
  return link?.kind === 'entra' ? link.url : undefined
}

function authorityHostOf(settings: Record<string, unknown>): string {
  const endpoints = settings.endpoints
  if (typeof endpoints === 'object' && endpoints !== null && 'authorityHost' in endpoints) {
    const host = endpoints.authorityHost
    if (typeof host === 'string' && host !== '') return host
  }
  return PUBLIC_ENDPOINTS.authorityHost
}
