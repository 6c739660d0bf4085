import type { TokenCredential } from '@azure/core-auth'
import {
  ClientAssertionCredential,
  ClientSecretCredential,
  ManagedIdentityCredential
} from '@azure/identity'
import { registerSecret } from '../../safety/secrets.js'
import type { AzureIdentity } from '../../inputs/settings.js'
import { azureClientOptions } from './sdk-client-options.js'
import type { HttpContext } from '../http/http-context.js'
import { createAzureCliCredential } from './azure-cli-credential.js'
import { githubIdTokenAssertion } from './github-id-token.js'
import { SharedTokenCredential } from './shared-token-credential.js'

const KNOWN_AUTHORITY_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn'
]

/** Picks the credential explicitly; DefaultAzureCredential's probing is slow and confusing in CI. */
export function createAzureCredential(
  identity: AzureIdentity,
  authorityHost: string,
  http: HttpContext,
  /** Fetches a GitHub ID token (the host's), for oidc. */
  fetchIdToken: (audience: string) => Promise<string>,
  /** Told each GitHub ID token the oidc method fetched, e.g. to report the subject it presented. */
  onIdToken?: (idToken: string) => void
): SharedTokenCredential {
  // MSAL knows the public clouds' metadata; anything else must not be "discovered" through them.
  const common = {
    ...azureClientOptions('token', http),
    authorityHost,
    disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.includes(new URL(authorityHost).hostname)
  }
  let inner: TokenCredential
  switch (identity.auth) {
    case 'oidc':
      inner = new ClientAssertionCredential(
        identity.tenantId,
        identity.clientId,
        githubIdTokenAssertion(fetchIdToken, undefined, onIdToken),
        common
      )
      break
    case 'secret':
      registerSecret(identity.clientSecret)
      inner = new ClientSecretCredential(
        identity.tenantId,
        identity.clientId,
        identity.clientSecret,
        common
      )
      break
    case 'managed-identity':
      inner = identity.clientId
        ? new ManagedIdentityCredential({
            ...azureClientOptions('token', http),
            clientId: identity.clientId
          })
        : new ManagedIdentityCredential(azureClientOptions('token', http))
      break
    case 'cli':
      inner = createAzureCliCredential(identity.tenantId, http.tuning.httpTimeoutMs)
      break
  }
  return new SharedTokenCredential(inner, identity.tenantId, http.signal)
}
