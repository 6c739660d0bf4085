import { consentRefusal, type ConsentLink } from '../facts/consent-url.js'

/**
 * The app.consented fix for a CMK app without a service principal: the consent link when it is on
 * Entra's sign-in host (the configured authority host), why not otherwise, or that Adobe has not
 * published one yet; with the evidence that says which.
 */
export function consentFix(
  link: ConsentLink | undefined,
  applicationId: string | undefined
): { fix: string; evidence: Record<string, unknown> } {
  if (!link)
    return {
      fix: "Adobe has not published the CMK app's consent URL yet: re-run setup in a few minutes to get it (output consent-url); an administrator of the vault's tenant must then open it and accept, and re-run the job.",
      evidence: { applicationId, consentUrl: undefined }
    }
  return link.kind === 'entra'
    ? {
        fix: `An administrator of the vault's tenant must open ${link.url} and accept, then re-run the job.`,
        evidence: { applicationId, consentUrl: link.url }
      }
    : {
        fix: consentRefusal(link, applicationId),
        evidence: { applicationId, consentUrlHost: link.host }
      }
}
