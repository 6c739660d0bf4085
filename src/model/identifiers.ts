const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// Key Vault and Managed HSM key versions are 32 hexadecimal digits.
const KEY_PATH = /^\/keys\/([A-Za-z0-9-]{1,127})\/([0-9a-f]{32})$/i

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value)
}

/**
 * Why a versioned key identifier a service returned is not one of this key
 * (`<vault URI>keys/<key name>/<version>`), or undefined when it is. The identifier is logged,
 * put in an output and sent to Adobe, so nothing else may pass.
 */
export function keyIdentifierProblem(
  id: string,
  vaultUri: string,
  keyName: string
): string | undefined {
  let url: URL
  let vault: URL
  try {
    url = new URL(id)
    vault = new URL(vaultUri)
  } catch {
    return 'it is not a URL'
  }
  // URL() drops tabs and line breaks, so a valid URL may still come from a string holding them.
  if (/[\s\p{Cc}]/u.test(id)) return 'it contains white space or control characters'
  if (url.protocol !== 'https:' || url.search !== '' || url.hash !== '' || url.username !== '')
    return 'it is not a plain https URL'
  if (url.host.toLowerCase() !== vault.host.toLowerCase())
    return `its host is not the vault's (${vault.host})`
  const match = KEY_PATH.exec(url.pathname)
  if (!match || match[1]?.toLowerCase() !== keyName.toLowerCase())
    return `its path is not /keys/${keyName}/<32 hex digit version>`
  return undefined
}
