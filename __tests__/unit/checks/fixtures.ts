import type {
  AdobeSignIn,
  AzureSignIn,
  DiagnosticSettingFact,
  Facts,
  KeyFacts,
  ManagementLockFact,
  ReadError,
  RoleAssignmentFact,
  RolePermission,
  VaultFacts
} from '../../../src/model/facts.js'
import type { CheckContext } from '../../../src/checks/check-context.js'
import type { CheckId, Finding } from '../../../src/model/finding.js'

export const NOW = new Date('2025-06-01T00:00:00Z')
export const DAY_MS = 24 * 60 * 60 * 1000
export const SUBSCRIPTION_ID = '11111111-2222-3333-4444-555555555555'
export const TENANT_ID = '99999999-8888-7777-6666-555555555555'
export const VAULT_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-cmk/providers/Microsoft.KeyVault/vaults/kv-cmk`
export const APP_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
export const SP_OBJECT_ID = '12121212-3434-5656-7878-909090909090'
export const KEY_ID = 'https://kv-cmk.vault.azure.net/keys/cmk-key/0123456789abcdef0123456789abcdef'

export const CRYPTO_SERVICE_ENCRYPTION_USER: RolePermission[] = [
  {
    actions: ['Microsoft.EventGrid/eventSubscriptions/read'],
    notActions: [],
    dataActions: [
      'Microsoft.KeyVault/vaults/keys/read',
      'Microsoft.KeyVault/vaults/keys/wrap/action',
      'Microsoft.KeyVault/vaults/keys/unwrap/action'
    ],
    notDataActions: []
  }
]

export function healthyVault(): VaultFacts {
  return {
    kind: 'vault',
    id: VAULT_ID,
    name: 'kv-cmk',
    location: 'eastus',
    tenantId: TENANT_ID,
    vaultUri: 'https://kv-cmk.vault.azure.net/',
    skuName: 'premium',
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    enablePurgeProtection: true,
    enableRbacAuthorization: true,
    publicNetworkAccess: 'Enabled',
    networkAcls: {
      bypass: 'AzureServices',
      defaultAction: 'Allow',
      ipRules: [],
      virtualNetworkRules: []
    }
  }
}

export function healthyKey(): KeyFacts {
  return {
    id: KEY_ID,
    name: 'cmk-key',
    version: '0123456789abcdef0123456789abcdef',
    keyType: 'RSA-HSM',
    keySize: 3072,
    keyOperations: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    enabled: true,
    notBefore: new Date(NOW.getTime() - 10 * DAY_MS),
    expiresOn: new Date(NOW.getTime() + 365 * DAY_MS),
    rotationPolicy: {
      ok: true,
      value: {
        source: 'arm',
        expiryTime: 'P1Y',
        lifetimeActions: [{ action: 'rotate', timeBeforeExpiry: 'P60D' }]
      }
    }
  }
}

export function roleAssignment(
  permissions: RolePermission[] | undefined = CRYPTO_SERVICE_ENCRYPTION_USER,
  overrides: Partial<RoleAssignmentFact> = {}
): RoleAssignmentFact {
  return {
    id: `${VAULT_ID}/providers/Microsoft.Authorization/roleAssignments/r1`,
    scope: VAULT_ID,
    principalId: SP_OBJECT_ID,
    roleDefinitionId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
    roleName: 'Key Vault Crypto Service Encryption User',
    permissions,
    ...overrides
  }
}

export const ACTION_CLIENT_ID = '31313131-4242-5353-6464-757575757575'
export const ADOBE_ORG_ID = 'ABC123DEF456789012345678@AdobeOrg'

/** Signed in to Azure with oidc as the action's app. */
export function azureSignedIn(overrides: Partial<AzureSignIn> = {}): AzureSignIn {
  return {
    method: 'oidc',
    tenantId: TENANT_ID,
    clientId: ACTION_CLIENT_ID,
    presented: {
      subject: 'repo:octo-org/aep-infra:environment:production',
      issuer: 'https://token.actions.githubusercontent.com',
      audience: 'api://AzureADTokenExchange'
    },
    session: { ok: true, value: { tenantId: TENANT_ID, appId: ACTION_CLIENT_ID } },
    ...overrides
  }
}

/** Signed in to Adobe with the OAuth Server-to-Server credential. */
export function adobeSignedIn(overrides: Partial<AdobeSignIn> = {}): AdobeSignIn {
  return {
    credential: 'client-credentials',
    orgId: ADOBE_ORG_ID,
    clientId: 'b1d4e9f27c8a4f3e9d0c1b2a3f4e5d6c',
    scopes: ['openid', 'AdobeID'],
    token: { ok: true, value: null },
    ...overrides
  }
}

export function healthyFacts(): Facts {
  return {
    azureSignIn: azureSignedIn(),
    adobeSignIn: adobeSignedIn(),
    vault: { ok: true, value: healthyVault() },
    key: { ok: true, value: healthyKey() },
    registration: {
      ok: true,
      value: {
        name: 'acpaepcmkmultitenantapp',
        applicationId: APP_ID,
        applicationRedirectUrl: `https://login.microsoftonline.com/common/oauth2/authorize?response_type=code&client_id=${APP_ID}`
      }
    },
    servicePrincipal: {
      ok: true,
      value: { objectId: SP_OBJECT_ID, appId: APP_ID, source: 'graph' }
    },
    roleAssignments: { ok: true, value: [roleAssignment()] },
    diagnosticSettings: { ok: true, value: [auditLogSetting()] },
    managementLocks: { ok: true, value: [resourceGroupLock()] },
    config: {
      ok: true,
      value: {
        name: 'cmk-kv-cmk-cmk-key',
        status: 'COMPLETED',
        keyVaultKeyIdentifier: KEY_ID,
        keyVaultUri: 'https://kv-cmk.vault.azure.net',
        keyName: 'cmk-key',
        keyVersion: '0123456789abcdef0123456789abcdef'
      }
    }
  }
}

export const WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-ops`

/** A diagnostic setting that sends the vault's audit logs to a Log Analytics workspace. */
export function auditLogSetting(
  overrides: Partial<DiagnosticSettingFact> = {}
): DiagnosticSettingFact {
  return {
    name: 'audit-to-law',
    logs: [{ categoryGroup: 'audit', enabled: true }],
    workspaceId: WORKSPACE_ID,
    ...overrides
  }
}

/** A CanNotDelete lock on the vault's resource group. */
export function resourceGroupLock(overrides: Partial<ManagementLockFact> = {}): ManagementLockFact {
  return {
    id: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-cmk/providers/Microsoft.Authorization/locks/rg-no-delete`,
    name: 'rg-no-delete',
    level: 'CanNotDelete',
    scope: 'resource-group',
    ...overrides
  }
}

/** A healthy Managed HSM as ARM describes it: no access policies, soft delete always on. */
export function healthyManagedHsm(): VaultFacts {
  return {
    ...healthyVault(),
    kind: 'managed-hsm',
    id: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-cmk/providers/Microsoft.KeyVault/managedHSMs/mhsm-cmk`,
    name: 'mhsm-cmk',
    vaultUri: 'https://mhsm-cmk.managedhsm.azure.net/',
    skuName: 'Standard_B1',
    enableRbacAuthorization: undefined
  }
}

export function healthyContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    mode: 'setup',
    keyVaultName: 'kv-cmk',
    keyName: 'cmk-key',
    minKeySize: 3072,
    minKeyValidityDays: 30,
    requireHsm: false,
    now: NOW,
    subscriptionId: SUBSCRIPTION_ID,
    ...overrides
  }
}

export function readError(kind: ReadError['kind'], overrides: Partial<ReadError> = {}): ReadError {
  const status = { 'not-found': 404, forbidden: 403, error: 500 }[kind]
  return { call: 'TEST GET thing', status, kind, message: `service said ${kind}`, ...overrides }
}

export function findingOf(findings: Finding[], id: CheckId): Finding {
  const finding = findings.find(f => f.id === id)
  if (!finding) throw new Error(`no finding ${id}`)
  return finding
}

/** An assignment whose role definition could not be read. */
export function unreadableAssignment(
  overrides: Partial<RoleAssignmentFact> = {}
): RoleAssignmentFact {
  return { ...roleAssignment(), roleName: undefined, ...overrides, permissions: undefined }
}
