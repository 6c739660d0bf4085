import type { Settings } from './settings.js'

/** The settings as shown in the JSON report: every value a person may need, no secret. */
export function summarizeSettings(settings: Settings): Record<string, unknown> {
  return {
    mode: settings.mode,
    keyVaultName: settings.keyVaultName,
    keyName: settings.keyName,
    subscriptionId: settings.subscriptionId,
    resourceGroup: settings.resourceGroup ?? null,
    azureAuth: settings.azure.auth,
    azureTenantId: settings.azure.tenantId ?? null,
    azureClientId: 'clientId' in settings.azure ? (settings.azure.clientId ?? null) : null,
    adobeOrgId: settings.adobeOrgId,
    adobeCredential: settings.adobe.kind,
    adobeClientId: settings.adobe.kind === 'client-credentials' ? settings.adobe.clientId : null,
    adobeScopes: settings.adobe.kind === 'client-credentials' ? settings.adobe.scopes : null,
    adobeRegion: settings.adobeRegion,
    configName: settings.configName,
    payloadFormat: settings.payloadFormat,
    cmkAppObjectId: settings.cmkAppObjectId ?? null,
    minKeySize: settings.minKeySize,
    minKeyValidityDays: settings.minKeyValidityDays,
    strict: settings.strict,
    waitTimeoutSeconds: settings.waitTimeoutSeconds,
    pollIntervalSeconds: settings.pollIntervalSeconds,
    endpoints: settings.endpoints
  }
}
