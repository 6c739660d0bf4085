/** Adobe's consent URL uses /common/; pointing it at the vault's tenant makes consent land in the right directory. */
export function tenantConsentUrl(
  redirectUrl: string | undefined,
  tenantId: string | undefined
): string | undefined {
  if (!redirectUrl || !tenantId) return redirectUrl
  return redirectUrl.replace('/common/', `/${tenantId}/`)
}

/**
 * Adobe's consent URL for the vault's tenant, judged once for every place that shows it (the
 * app.consented fix, output consent-url, the summary, the JSON report).
 */
export function consentLinkFor(
  redirectUrl: string | undefined,
  tenantId: string | undefined,
  authorityHost: string
): ConsentLink | undefined {
  const url = tenantConsentUrl(redirectUrl, tenantId)
  return url ? judgeConsentUrl(url, authorityHost) : undefined
}

/**
 * What Adobe's consent URL may be shown as. Only Entra's sign-in host asks an administrator for
 * consent; a link anywhere else (an answer Adobe did not mean, or one changed on the way) would
 * send an administrator of the vault's tenant to a page that merely looks like it.
 */
export type ConsentLink =
  { kind: 'entra'; url: string } | { kind: 'elsewhere'; host: string; signInHost: string }

/**
 * Judges a consent URL against the configured authority host (AEP_CMK_AUTHORITY_HOST or AZURE_AUTHORITY_HOST:
 * login.microsoftonline.com in the public cloud). The same scheme and host, port included, and no
 * user name in front of the host (`https://login.microsoftonline.com@evil.example/` is evil.example;
 * `https://x@login.microsoftonline.com/` is refused too: Entra's link never carries one).
 */
export function judgeConsentUrl(url: string, authorityHost: string): ConsentLink {
  const signInHost = hostOf(authorityHost) ?? authorityHost
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { kind: 'elsewhere', host: '(not a URL)', signInHost }
  }
  const entra =
    parsed.protocol === 'https:' &&
    parsed.host === signInHost &&
    parsed.username === '' &&
    parsed.password === ''
  if (entra) return { kind: 'entra', url }
  // A host may hold a backtick or Markdown punctuation: shown as '?', it cannot end the code span.
  const shown = parsed.host.replace(/[^a-z0-9.:\-[\]]/gi, '?')
  const host =
    parsed.protocol === 'https:'
      ? shown || '(no host)'
      : shown
        ? `${parsed.protocol}//${shown}`
        : parsed.protocol
  return { kind: 'elsewhere', host, signInHost }
}

/**
 * Why a consent URL is not offered, and how consent can be given instead. The host is inline code
 * so that no Markdown renderer turns it into a link after all.
 */
export function consentRefusal(
  link: Extract<ConsentLink, { kind: 'elsewhere' }>,
  applicationId: string | undefined
): string {
  const app = applicationId ?? '<application id>'
  return (
    `Adobe's consent URL points at \`${link.host}\`, not Entra's sign-in host \`${link.signInHost}\`, so it is not shown as a link to follow: ` +
    `only Entra's sign-in page may ask for consent. An administrator of the vault's tenant can create the CMK app's service principal instead ` +
    `with \`az ad sp create --id ${app}\` (or input remediate: service-principal), then re-run the job.`
  )
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}
