import { parseSettings } from '../../../src/inputs/parse-settings.js'
import { summarizeSettings } from '../../../src/inputs/settings-summary.js'
import { reader, VALID_INPUTS } from './valid-inputs.js'

function settingsOf(overrides: Record<string, string | undefined>) {
  const inputs: Record<string, string> = { ...VALID_INPUTS }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete inputs[name]
    else inputs[name] = value
  }
  const parsed = parseSettings(reader(inputs), {})
  if (!parsed.ok) throw new Error(parsed.message)
  if (parsed.settings.mode === 'summarize') throw new Error('expected settings for one vault')
  return parsed.settings
}

describe("the report's settings", () => {
  it('shows every value a person may need, and no secret', () => {
    const summary = summarizeSettings(
      settingsOf({
        'azure-resource-group': 'rg-cmk',
        'cmk-app-object-id': VALID_INPUTS['azure-client-id']
      })
    )
    expect(summary).toEqual({
      mode: 'setup',
      keyVaultName: 'kv-aep-prod',
      keyName: 'aep-cmk',
      subscriptionId: '11111111-2222-3333-4444-555555555555',
      resourceGroup: 'rg-cmk',
      azureAuth: 'secret',
      azureTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      azureClientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      adobeOrgId: 'ABCDEF0123456789ABCDEF01@AdobeOrg',
      adobeCredential: 'client-credentials',
      adobeClientId: 'adobe-client',
      adobeScopes: [
        'openid',
        'session',
        'AdobeID',
        'read_organizations',
        'additional_info.projectedProductContext'
      ],
      adobeRegion: 'va7',
      configName: 'cmk-kv-aep-prod-aep-cmk',
      payloadFormat: 'current',
      cmkAppObjectId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      minKeySize: 3072,
      minKeyValidityDays: 30,
      strict: false,
      waitTimeoutSeconds: 1800,
      pollIntervalSeconds: 10,
      endpoints: {
        arm: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        graph: 'https://graph.microsoft.com',
        ims: 'https://ims-na1.adobelogin.com',
        platform: 'https://platform.adobe.io'
      }
    })
    const text = JSON.stringify(summary)
    expect(text).not.toContain(VALID_INPUTS['azure-client-secret'])
    expect(text).not.toContain(VALID_INPUTS['adobe-client-secret'])
  })

  it('shows null for what was not given or does not apply', () => {
    const summary = summarizeSettings(
      settingsOf({
        'azure-auth': 'cli',
        'azure-tenant-id': undefined,
        'azure-client-id': undefined,
        'azure-client-secret': undefined,
        'adobe-client-id': undefined,
        'adobe-client-secret': undefined,
        'adobe-access-token': 'ready-ims-token'
      })
    )
    expect(summary).toMatchObject({
      resourceGroup: null,
      azureAuth: 'cli',
      azureTenantId: null,
      azureClientId: null,
      adobeCredential: 'access-token',
      adobeClientId: null,
      adobeScopes: null,
      cmkAppObjectId: null
    })
    expect(JSON.stringify(summary)).not.toContain('ready-ims-token')
  })

  it('shows null for a managed identity without a client id', () => {
    const summary = summarizeSettings(
      settingsOf({
        'azure-auth': 'managed-identity',
        'azure-client-id': undefined,
        'azure-client-secret': undefined
      })
    )
    expect(summary).toMatchObject({ azureAuth: 'managed-identity', azureClientId: null })
  })
})
