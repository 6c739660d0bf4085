import type { VaultLookup } from '../clients/azure/vault-reader.js'
import type { Settings } from '../inputs/settings.js'
import type { AdobeSignIn, AzureSignIn } from '../model/facts.js'

/**
 * What one run reads, as its inputs name it. The readers take this rather than the settings: no
 * secret is in it (the credentials hold those), and nothing that only the checks or setup use.
 */
export interface ReadTarget {
  vault: VaultLookup
  keyName: string
  configName: string
  /** Input cmk-app-object-id: when given, the CMK app's principal is not looked up in Graph. */
  cmkAppObjectId?: string | undefined
  /** The Azure sign-in as the inputs describe it; the session comes from signing in. */
  azure: Omit<AzureSignIn, 'session' | 'presented'>
  /** The Adobe sign-in as the inputs describe it; the token comes from signing in. */
  adobe: Omit<AdobeSignIn, 'token'>
}

export function readTargetOf(settings: Settings): ReadTarget {
  const { azure, adobe } = settings
  return {
    vault: {
      name: settings.keyVaultName,
      type: settings.keyVaultType,
      resourceGroup: settings.resourceGroup
    },
    keyName: settings.keyName,
    configName: settings.configName,
    cmkAppObjectId: settings.cmkAppObjectId,
    azure: {
      method: azure.auth,
      tenantId: azure.tenantId,
      clientId: azure.auth === 'cli' ? undefined : azure.clientId
    },
    adobe:
      adobe.kind === 'client-credentials'
        ? {
            credential: adobe.kind,
            orgId: settings.adobeOrgId,
            clientId: adobe.clientId,
            scopes: adobe.scopes
          }
        : { credential: adobe.kind, orgId: settings.adobeOrgId }
  }
}
