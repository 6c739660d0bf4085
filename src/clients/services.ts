import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { KeyVaultManagementClient } from '@azure/arm-keyvault'
import { ManagementLockClient } from '@azure/arm-locks'
import { MonitorClient } from '@azure/arm-monitor'
import { ResourceManagementClient } from '@azure/arm-resources'
import { PlatformClient } from './adobe/platform-client.js'
import { fetchAdobeToken } from './adobe/ims-token.js'
import { createAzureCredential } from './azure/credential.js'
import { azureClientOptions } from './azure/sdk-client-options.js'
import { ManagedHsmRbacClient } from './azure/managed-hsm-rbac-client.js'
import type { SharedTokenCredential } from './azure/shared-token-credential.js'
import type { Endpoints, Settings } from '../inputs/settings.js'
import { jwtClaims, stringClaim } from './http/jwt-claims.js'
import type { PresentedIdToken } from '../model/facts.js'
import type { Log } from '../model/log.js'
import type { HttpContext } from './http/http-context.js'

/** The clients of one run, built once from the settings. Nothing here sends a request. */
export interface Services {
  /** Where the Azure clients send their requests: ARM, and Microsoft Graph for the readers. */
  endpoints: Pick<Endpoints, 'arm' | 'graph'>
  credential: SharedTokenCredential
  keyVaultManagement: KeyVaultManagementClient
  /** ARM's generic resources: finds a vault by name without paging through every vault. */
  resources: ResourceManagementClient
  authorization: AuthorizationManagementClient
  /** The vault's diagnostic settings (vault.audit-log). */
  monitor: MonitorClient
  /** Management locks on the vault and above (vault.delete-lock). */
  locks: ManagementLockClient
  /** The local RBAC client of the Managed HSM at `hsmUri`, one per HSM. */
  managedHsmRbac(hsmUri: string): ManagedHsmRbacClient
  platform: PlatformClient
  /** The Adobe IMS token, asked for once and shared by every Platform call. */
  adobeToken: () => Promise<string>
  /** The claims of the last GitHub ID token the oidc sign-in presented to Entra. */
  presentedIdToken: () => PresentedIdToken | undefined
  /** The run's cancellation, log and tuning, for every HTTP call. */
  http: HttpContext
  signal: AbortSignal
}

/** What the clients need from where the run runs. */
export interface ServiceHost {
  log: Log
  /** A GitHub ID token for `audience`, for the oidc sign-in. */
  idToken: (audience: string) => Promise<string>
}

/** What the clients are built from. */
export type ServiceSettings = Pick<
  Settings,
  'azure' | 'adobe' | 'adobeOrgId' | 'subscriptionId' | 'endpoints' | 'tuning'
>

export function createServices(
  settings: ServiceSettings,
  signal: AbortSignal,
  host: ServiceHost
): Services {
  let presented: PresentedIdToken | undefined
  const http: HttpContext = { signal, log: host.log, tuning: settings.tuning }
  const credential = createAzureCredential(
    settings.azure,
    settings.endpoints.authorityHost,
    http,
    host.idToken,
    idToken => {
      const claims = jwtClaims(idToken)
      const audience = claims?.aud
      presented = {
        subject: stringClaim(claims, 'sub'),
        issuer: stringClaim(claims, 'iss'),
        audience: Array.isArray(audience) ? audience.join(',') : stringClaim(claims, 'aud')
      }
    }
  )
  const arm = settings.endpoints.arm
  const armScope = `${arm}/.default`
  let adobeToken: Promise<string> | undefined
  const token = (): Promise<string> =>
    (adobeToken ??= fetchAdobeToken(settings.adobe, settings.endpoints.ims, http).catch(error => {
      adobeToken = undefined
      throw error
    }))
  const hsmClients = new Map<string, ManagedHsmRbacClient>()
  return {
    endpoints: { arm, graph: settings.endpoints.graph },
    credential,
    keyVaultManagement: new KeyVaultManagementClient(credential, settings.subscriptionId, {
      ...azureClientOptions('api', http),
      endpoint: arm,
      credentials: { scopes: [armScope] }
    }),
    resources: new ResourceManagementClient(credential, settings.subscriptionId, {
      ...azureClientOptions('api', http),
      endpoint: arm,
      credentials: { scopes: [armScope] }
    }),
    authorization: new AuthorizationManagementClient(credential, settings.subscriptionId, {
      ...azureClientOptions('api', http),
      endpoint: arm,
      credentialScopes: [armScope]
    }),
    monitor: new MonitorClient(credential, settings.subscriptionId, {
      ...azureClientOptions('api', http),
      endpoint: arm,
      credentials: { scopes: [armScope] }
    }),
    locks: new ManagementLockClient(credential, settings.subscriptionId, {
      ...azureClientOptions('api', http),
      endpoint: arm,
      credentialScopes: [armScope]
    }),
    managedHsmRbac: hsmUri => {
      let client = hsmClients.get(hsmUri)
      if (!client)
        hsmClients.set(hsmUri, (client = new ManagedHsmRbacClient(hsmUri, credential, http)))
      return client
    },
    platform: new PlatformClient(settings.endpoints.platform, settings.adobeOrgId, token, http),
    adobeToken: token,
    presentedIdToken: () => presented,
    http,
    signal
  }
}
