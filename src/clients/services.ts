import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { KeyVaultManagementClient } from '@azure/arm-keyvault'
import { ResourceManagementClient } from '@azure/arm-resources'
import { PlatformClient } from './adobe/platform-client.js'
import { fetchAdobeToken } from './adobe/ims-token.js'
import { createAzureCredential } from './azure/credential.js'
import { azureClientOptions } from './azure/sdk-client-options.js'
import { ManagedHsmRbacClient } from './azure/managed-hsm-rbac-client.js'
import type { SharedTokenCredential } from './azure/shared-token-credential.js'
import type { Settings } from '../inputs/settings.js'

/** The clients of one run, built once from the settings. Nothing here sends a request. */
export interface Services {
  settings: Settings
  credential: SharedTokenCredential
  keyVaultManagement: KeyVaultManagementClient
  /** ARM's generic resources: finds a vault by name without paging through every vault. */
  resources: ResourceManagementClient
  authorization: AuthorizationManagementClient
  /** The local RBAC client of the Managed HSM at `hsmUri`, one per HSM. */
  managedHsmRbac(hsmUri: string): ManagedHsmRbacClient
  platform: PlatformClient
  signal: AbortSignal
}

export function createServices(settings: Settings, signal: AbortSignal): Services {
  const credential = createAzureCredential(settings.azure, settings.endpoints.authorityHost, signal)
  const arm = settings.endpoints.arm
  const armScope = `${arm}/.default`
  let adobeToken: Promise<string> | undefined
  const token = (): Promise<string> =>
    (adobeToken ??= fetchAdobeToken(settings.adobe, settings.endpoints.ims, signal).catch(error => {
      adobeToken = undefined
      throw error
    }))
  const hsmClients = new Map<string, ManagedHsmRbacClient>()
  return {
    settings,
    credential,
    keyVaultManagement: new KeyVaultManagementClient(credential, settings.subscriptionId, {
      ...azureClientOptions('api', signal),
      endpoint: arm,
      credentials: { scopes: [armScope] }
    }),
    resources: new ResourceManagementClient(credential, settings.subscriptionId, {
      ...azureClientOptions('api', signal),
      endpoint: arm,
      credentials: { scopes: [armScope] }
    }),
    authorization: new AuthorizationManagementClient(credential, settings.subscriptionId, {
      ...azureClientOptions('api', signal),
      endpoint: arm,
      credentialScopes: [armScope]
    }),
    managedHsmRbac: hsmUri => {
      let client = hsmClients.get(hsmUri)
      if (!client)
        hsmClients.set(hsmUri, (client = new ManagedHsmRbacClient(hsmUri, credential, signal)))
      return client
    },
    platform: new PlatformClient(settings.endpoints.platform, settings.adobeOrgId, token, signal),
    signal
  }
}
