import type { InputReader } from './parse-settings.js'
import type { AdobeCredential } from './settings.js'

export const DEFAULT_ADOBE_SCOPES =
  'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext'

const SCOPE = /^[A-Za-z0-9_.:/-]+$/

/** The Adobe credential: a ready access token, or the OAuth Server-to-Server client credential. */
export function parseAdobeCredential(read: InputReader, problems: string[]): AdobeCredential {
  const clientId = read('adobe-client-id')
  const clientSecret = read('adobe-client-secret')
  const accessToken = read('adobe-access-token')
  const scopes = (read('adobe-scopes') || DEFAULT_ADOBE_SCOPES)
    .split(',')
    .map(s => s.trim())
    .filter(s => s !== '')
  if (scopes.length === 0 || scopes.some(s => !SCOPE.test(s)))
    problems.push(
      'adobe-scopes: must be a comma-separated list of scope names (letters, digits, _ . : / -)'
    )

  const hasClient = clientId !== '' || clientSecret !== ''
  if (hasClient && accessToken !== '') {
    problems.push(
      'adobe-access-token: give either adobe-access-token or adobe-client-id with adobe-client-secret, not both'
    )
  } else if (accessToken !== '') {
    return { kind: 'access-token', accessToken }
  } else if (!hasClient) {
    problems.push(
      'adobe-client-id: is required (with adobe-client-secret), unless adobe-access-token is given'
    )
  } else if (clientId === '') {
    problems.push('adobe-client-id: is required when adobe-client-secret is given')
  } else if (clientSecret === '') {
    problems.push('adobe-client-secret: is required when adobe-client-id is given')
  }
  return { kind: 'client-credentials', clientId, clientSecret, scopes }
}
