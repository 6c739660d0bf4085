import { AZURE_AUTH_METHODS, type AzureAuth, type AzureAuthInput } from '../model/choices.js'
import type { InputReader } from './parse-settings.js'
import type { AzureIdentity } from './settings.js'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The Azure identity the job signs in with: the method azure-auth names (auto picks oidc when the
 * job can request an ID token and both ids are set, secret when a secret is, else cli) and
 * exactly the ids that method needs. Problems are added to `problems`, never thrown.
 */
export function parseAzureIdentity(
  read: InputReader,
  env: Record<string, string | undefined>,
  problems: string[],
  notices: string[],
  oneOf: <T extends string>(name: string, allowed: readonly T[], fallback: T) => T,
  matching: (name: string, pattern: RegExp, rule: string, required: boolean) => string
): AzureIdentity {
  const requested: AzureAuthInput = oneOf('azure-auth', AZURE_AUTH_METHODS, 'auto')
  const tenantId = matching('azure-tenant-id', GUID, 'a GUID', false).toLowerCase()
  const clientId = matching('azure-client-id', GUID, 'a GUID', false).toLowerCase()
  const clientSecret = read('azure-client-secret')
  const canRequestIdToken = Boolean(
    env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  )

  let auth: AzureAuth
  if (requested !== 'auto') auth = requested
  else if (clientId && tenantId && canRequestIdToken) auth = 'oidc'
  else if (clientSecret) auth = 'secret'
  else auth = 'cli'

  const need = (input: string, value: string): void => {
    if (!value) problems.push(`${input}: is required when azure-auth is ${auth}`)
  }
  // A job that cannot request an ID token (no `permissions: id-token: write`) is not bad input:
  // signing in fails, and azure.sign-in names the permission, with outputs and report written.
  if (auth === 'oidc') {
    need('azure-tenant-id', tenantId)
    need('azure-client-id', clientId)
  }
  if (auth === 'secret') {
    need('azure-tenant-id', tenantId)
    need('azure-client-id', clientId)
    need('azure-client-secret', clientSecret)
  }
  if (clientSecret && auth === 'oidc' && requested === 'auto')
    notices.push(
      'azure-client-secret: ignored, because azure-auth auto picked oidc (the job can request an ID token); set azure-auth: secret to use the secret'
    )
  else if (clientSecret && auth !== 'secret')
    problems.push(
      `azure-client-secret: is only used with azure-auth secret, but azure-auth is ${auth}; remove one of them`
    )

  switch (auth) {
    case 'oidc':
      return { auth, tenantId, clientId }
    case 'secret':
      return { auth, tenantId, clientId, clientSecret }
    case 'cli':
      return { auth, tenantId: tenantId || undefined }
    case 'managed-identity':
      return { auth, tenantId: tenantId || undefined, clientId: clientId || undefined }
  }
}
