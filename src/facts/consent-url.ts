/** Adobe's consent URL uses /common/; pointing it at the vault's tenant makes consent land in the right directory. */
export function tenantConsentUrl(
  redirectUrl: string | undefined,
  tenantId: string | undefined
): string | undefined {
  if (!redirectUrl || !tenantId) return redirectUrl
  return redirectUrl.replace('/common/', `/${tenantId}/`)
}
