import type { RunResult } from './run-result.js'

/** The consent URL when it may be followed (on Entra's sign-in host), else undefined. */
export function followableConsentUrl(r: RunResult): string | undefined {
  return r.consentLink?.kind === 'entra' ? r.consentLink.url : undefined
}
