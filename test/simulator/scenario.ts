import type { RoleDefinitionState } from './role-definitions.js'
import {
  auditLogsToWorkspace,
  resourceGroupLock,
  type DiagnosticSettingState,
  type LockState
} from './vault-protection.js'

/**
 * The simulated world: everything the services know. Tests mutate `sim.state` freely between
 * (or during) runs; every handler reads it afresh on each request.
 */

export const CONFIG_STATUSES = [
  'NEW',
  'RUNNING',
  'UPDATE_EXISTING_RESOURCES',
  'COMPLETED',
  'FAILED'
] as const
export type SimConfigStatus = (typeof CONFIG_STATUSES)[number]

/** Status sequences for `configStatusSequence`; the first entry is what the POST answers. */
export const CONFIG_SEQUENCES = {
  normal: ['NEW', 'RUNNING', 'UPDATE_EXISTING_RESOURCES', 'COMPLETED'],
  immediate: ['NEW', 'COMPLETED'],
  failed: ['NEW', 'RUNNING', 'FAILED'],
  neverFinishes: ['NEW', 'RUNNING']
} as const satisfies Record<string, readonly SimConfigStatus[]>

export interface VaultState {
  name: string
  /** Defaults to the scenario's resource group. */
  resourceGroup?: string | undefined
  location: string
  tags: Record<string, string>
  /**
   * ARM `properties`, sent as is. Delete a member to make it absent. `tenantId` and `vaultUri`
   * are filled in (scenario tenant, `https://<name>.vault.localhost:<port>/`) unless set here.
   * The data plane honours them like Key Vault does: `tenantId` (challenge and token tenant),
   * `publicNetworkAccess` and `networkAcls` (against `runnerIp`), and, unless
   * `enableRbacAuthorization` is true, `accessPolicies` ({@link AccessPolicyState}[]).
   */
  properties: Record<string, unknown>
  /** Its diagnostic settings (vault.audit-log); defaultVault sends the audit logs to a workspace. */
  diagnosticSettings: DiagnosticSettingState[]
}

/**
 * A Managed HSM (`Microsoft.KeyVault/managedHSMs`). `properties` are sent as is, with `tenantId`
 * and `hsmUri` (`https://<name>.managedhsm.localhost:<port>/`) filled in unless set. Its data
 * plane honours `publicNetworkAccess` and `networkAcls` like a vault's, and authorises with the
 * HSM's local RBAC (`localRoleAssignments`).
 */
export interface ManagedHsmState {
  name: string
  resourceGroup?: string | undefined
  location: string
  tags: Record<string, string>
  properties: Record<string, unknown>
  /** Its diagnostic settings (vault.audit-log), as a vault's. */
  diagnosticSettings: DiagnosticSettingState[]
  /** Local RBAC role assignments (data plane), scopes `/`, `/keys` or `/keys/<key>`. */
  localRoleAssignments: LocalRoleAssignmentState[]
  /**
   * Whether the subscription has the preview IP network firewall (Managed HSM network security
   * docs: enabled through a support ticket, at most 10 IPv4 ranges). Unset: enabled.
   */
  ipFirewallPreview?: boolean | undefined
}

export interface LocalRoleAssignmentState {
  principalId: string
  /** A local role definition's GUID, e.g. {@link HSM_ROLE}. */
  roleDefinitionGuid: string
  scope: '/' | '/keys' | `/keys/${string}`
  name?: string | undefined
}

/** An entry of a vault's `properties.accessPolicies`, as ARM shows it. */
export interface AccessPolicyState {
  tenantId: string
  objectId: string
  applicationId?: string | undefined
  permissions: { keys?: string[]; secrets?: string[]; certificates?: string[] }
}

export interface KeyState {
  name: string
  kty: 'RSA' | 'RSA-HSM' | 'EC' | 'EC-HSM' | 'oct-HSM'
  /** RSA modulus size in bits. */
  size: number
  /** EC curve, for EC keys. */
  crv?: string | undefined
  ops: string[]
  enabled: boolean
  /** Unix seconds; undefined = absent. */
  nbf?: number | undefined
  exp?: number | undefined
  created: number
  updated: number
  recoveryLevel: string
  recoverableDays?: number | undefined
  /** Version ids (32 hex chars), oldest first; the last one is the latest. */
  versions: string[]
  tags?: Record<string, string> | undefined
  /** The key's rotation policy; undefined = none was ever set. */
  rotationPolicy?: RotationPolicyState | undefined
}

/** A key rotation policy: durations are ISO 8601 (P30D, P1Y). */
export interface RotationPolicyState {
  expiryTime?: string | undefined
  lifetimeActions: Array<{
    trigger: { timeAfterCreate: string } | { timeBeforeExpiry: string }
    action: 'Rotate' | 'Notify'
  }>
  created: number
  updated: number
}

export interface RoleAssignmentState {
  principalId: string
  roleDefinitionGuid: string
  /** Resource id the role is assigned at, e.g. the vault id or `/subscriptions/<sub>`. */
  scope: string
  principalType?: 'ServicePrincipal' | 'User' | 'Group' | undefined
  /** Assignment name (a GUID); generated when absent. */
  name?: string | undefined
  /** An ABAC condition (conditionVersion 2.0). */
  condition?: string | undefined
}

export interface StoredConfig {
  /** The submitted name, by which Adobe's docs say status is read. */
  name: string
  /** The `name` Adobe's answers carry; defaults to {@link adobeInternalConfigName}. */
  internalName?: string | undefined
  id: string
  imsOrgId: string
  subscriptionId?: string | undefined
  status: SimConfigStatus
  /** Statuses still to come: each GET moves the first of these into `status` before answering. */
  upcoming: SimConfigStatus[]
  configData: {
    providerType: string
    keyVaultUri?: string | undefined
    keyVaultKeyIdentifier?: string | undefined
    keyName?: string | undefined
    keyVersion?: string | undefined
  }
}

/** An issue or pull request of the repository, as GitHub's issues API lists it. */
export interface SimIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  stateReason?: string | undefined
  labels: string[]
  /** A pull request: listed among the issues, with a `pull_request` key. */
  pullRequest?: boolean | undefined
  createdAt: string
  updatedAt: string
  closedAt?: string | undefined
}

export interface SimComment {
  id: number
  issueNumber: number
  body: string
}

export type RegistrationStatus = 'registered' | 'absent' | 'pending'

export interface Scenario {
  tenantId: string
  subscriptionId: string
  resourceGroup: string
  /**
   * Public IPv4 address the runner's requests come from, as Key Vault's firewall sees it: a vault
   * whose public network access is Disabled, or whose firewall defaults to Deny without an ipRule
   * containing this address, refuses the runner with 403 (bypass AzureServices does not help it).
   */
  runnerIp: string
  /** The identity the action signs in to Azure with. */
  azure: {
    clientId: string
    clientSecret: string
    objectId: string
    /** Subject of the federated credential; an OIDC assertion with another `sub` is refused. */
    federatedSubject: string
    /** Lifetime of issued Entra access tokens. */
    tokenLifetimeSeconds: number
    /** The client secret has passed its end date: Entra answers AADSTS7000222. */
    secretExpired?: boolean | undefined
    /**
     * false: the app registration has no service principal in the tenant (an app created in the
     * API without one): Entra answers AADSTS7000229.
     */
    hasServicePrincipal?: boolean | undefined
  }
  github: {
    requestToken: string
    /** `sub` of issued ID tokens. */
    subject: string
    issuer: string
    repository: string
  }
  /** GitHub's REST API for the repository `github.repository`, as the job token sees it. */
  githubApi: {
    /** The job token (github-token) the API accepts. */
    token: string
    /** The job's `permissions: issues:`; read refuses writes, none refuses everything (403). */
    issuesPermission: 'write' | 'read' | 'none'
    /** false: the repository has issues turned off (Settings, Features); writes answer 410. */
    issuesEnabled: boolean
    /** Issues and pull requests; numbers are shared, as on GitHub. */
    issues: SimIssue[]
    comments: SimComment[]
    /** Largest page the list answers, whatever per_page asks (GitHub: 100). */
    maxPerPage: number
  }
  adobe: {
    orgId: string
    clientId: string
    clientSecret: string
    /** A ready token the Platform gateway accepts besides the ones IMS issues. */
    accessToken: string
    /** Scopes the credential may request. */
    scopes: string[]
    /**
     * false: no Experience Platform role of the credential has the "Manage Customer Managed Key"
     * permission, so the CMK endpoints answer 403.
     */
    manageCmkPermission?: boolean | undefined
  }
  vault: VaultState | null
  /**
   * A Managed HSM in the subscription; when it is the one the action is pointed at, `key` is its
   * key (and `vault` should be null or another name).
   */
  managedHsm: ManagedHsmState | null
  /** More vaults in the subscription, for listing and paging. */
  otherVaults: VaultState[]
  /**
   * Page size of the vault listings by subscription. ARM's Key Vault listing pages by 25
   * ({@link ARM_VAULT_LIST_PAGE_SIZE}, the default); a test may page by less.
   */
  vaultListPageSize: number
  /**
   * Names of resources ARM's generic resource listing does not show yet (it lags behind a vault
   * created minutes ago); the provider listings and GETs show them.
   */
  notYetListed: string[]
  /** The key in `vault`; null = no such key. */
  key: KeyState | null
  /**
   * Whether ARM's key resource carries the key's rotation policy. The REST specification says
   * only "Omitted if empty"; whether ARM fills it for every key with a policy is not documented,
   * so both are simulated: 'omitted' makes the action fall back to the data plane.
   */
  armKeyRotationPolicy: 'included' | 'omitted'
  registration: {
    status: RegistrationStatus
    /** While pending: GETs still to come, counting the one that first shows the registration. */
    getsUntilReady: number
    /** What a GET answers while pending: 404, or 200 without `applicationRedirectUrl`. */
    pendingAnswer: 'not-found' | 'partial'
    /** `getsUntilReady` given to a registration the POST starts. */
    readyAfterGets: number
  }
  /** Adobe's multi-tenant CMK app, as it appears in the customer's tenant. */
  cmkApp: { appId: string; objectId: string; displayName: string }
  servicePrincipalPresent: boolean
  graph403: boolean
  roleAssignments: RoleAssignmentState[]
  /** Entra groups: group object id -> member object ids (users, service principals, groups). */
  groups: Record<string, string[]>
  /** Page size of role-assignment listings; more follow through `nextLink`. */
  roleAssignmentPageSize: number
  /**
   * Listings that never end: past their last item they keep answering an empty page with a
   * same-origin link to another one (ARM's `nextLink` with a `$skiptoken`, GitHub's `Link`
   * rel="next"), like a faulty or hostile service.
   */
  endlessListings: EndlessListing[]
  /** Role definitions besides the built-ins (which include the Key Vault roles). */
  customRoles: RoleDefinitionState[]
  /**
   * Management locks on any scope (vault.delete-lock). Unless given, a CanNotDelete lock on the
   * scenario's resource group, which every vault and HSM in it inherits.
   */
  locks: LockState[]
  /** ARM actions the action's identity is denied (403 AuthorizationFailed), e.g. 'Microsoft.KeyVault/vaults/read'. */
  armDeniedActions: string[]
  /**
   * ARM write actions the action's identity holds, e.g. 'Microsoft.Authorization/roleAssignments/write'
   * or 'Microsoft.KeyVault/vaults/write'. Default none, like an identity with Reader: any other
   * write is refused with 403 AuthorizationFailed naming the action.
   */
  armWriteActions: string[]
  /**
   * Microsoft Graph application permissions (the token's roles) and directory roles the action's
   * identity holds, e.g. 'Application.ReadWrite.All' or 'Cloud Application Administrator'.
   * Creating a service principal needs one that allows it, else 403 Authorization_RequestDenied.
   */
  graphGrants: string[]
  /**
   * The next this-many role assignment writes are answered 400 PrincipalNotFound, like ARM does
   * while a new principal is still replicating; each answer counts it down.
   */
  principalNotFoundTimes: number
  /**
   * The action's identity lacks keys get on the vault whatever its access policies say: 403
   * ForbiddenByRbac on an RBAC vault, AccessDenied on an access-policy vault.
   */
  keyVaultForbidden: boolean
  /** Adobe configurations by (case-sensitive) name. */
  configs: Record<string, StoredConfig>
  configStatusSequence: SimConfigStatus[]
  /**
   * Which name a status GET finds a configuration by. Adobe's API guide: the submitted name ("remember
   * it: status is read by it"), while every answer carries an internal `name`. 'internal' simulates
   * the other reading (only the answer's name is found), for the action's fallback.
   */
  configLookupBy: 'submitted' | 'internal'
  /** Shape of the POST config answer: current (config + status) or legacy (a job). */
  configResponseShape: 'current' | 'legacy'
  /**
   * When a configuration reaches COMPLETED, Adobe checks the vault, key and CMK app: it ends
   * FAILED instead when the key is missing, disabled, not RSA, lacks wrapKey/unwrapKey, is not
   * active (nbf/exp), when Adobe (20.88.123.53) cannot reach the vault, or when the app lacks its
   * role (RBAC vault) or its wrapKey/unwrapKey/get access policy (access-policy vault).
   */
  configChecksAccess: boolean
  /**
   * What a second POST answers while the first one's result stands. Adobe's docs do not say:
   * 'accept' (the default) answers it like the first (registration) or replaces the stored
   * configuration; 'conflict' answers 409 in Adobe's service error shape, for a registration that
   * exists (pending or ready) and for a configuration of that name that is not FAILED: what a
   * second setup run for the same org meets.
   */
  secondPost: 'accept' | 'conflict'
  latencyMs: number
  idTokenLifetimeSeconds: number
}

const DAY = 86_400

/** The listings `endlessListings` can make endless. */
export type EndlessListing = 'arm-role-assignments' | 'github-issues'

/** How many vaults one page of ARM's Key Vault listing by subscription holds. */
export const ARM_VAULT_LIST_PAGE_SIZE = 25

export function defaultVault(name = 'kv-aep-cmk-prod', location = 'eastus'): VaultState {
  return {
    name,
    location,
    tags: { owner: 'platform-team' },
    properties: {
      sku: { family: 'A', name: 'premium' },
      accessPolicies: [],
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: true,
      enablePurgeProtection: true,
      publicNetworkAccess: 'Enabled',
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: 'Allow',
        ipRules: [],
        virtualNetworkRules: []
      },
      provisioningState: 'Succeeded'
    },
    diagnosticSettings: [auditLogsToWorkspace()]
  }
}

/**
 * A vault configured as Azure's security baseline and Adobe ask: the firewall denies by default,
 * trusted Azure services may bypass it, and only Adobe's address 20.88.123.53 is allowed. A
 * runner (any other address) is refused by the data plane; the key is read through ARM.
 */
export function firewalledVault(name = 'kv-aep-cmk-prod', location = 'eastus'): VaultState {
  const vault = defaultVault(name, location)
  vault.properties.networkAcls = {
    bypass: 'AzureServices',
    defaultAction: 'Deny',
    ipRules: [{ value: '20.88.123.53' }],
    virtualNetworkRules: []
  }
  return vault
}

export function defaultKey(name = 'aep-cmk-key', now = Math.floor(Date.now() / 1000)): KeyState {
  return {
    name,
    kty: 'RSA-HSM',
    size: 3072,
    ops: ['wrapKey', 'unwrapKey'],
    enabled: true,
    exp: now + 365 * DAY,
    created: now - 30 * DAY,
    updated: now - DAY,
    recoveryLevel: 'Recoverable',
    recoverableDays: 90,
    versions: ['2f1c0e5d9b8a47c6a1e3d4f5b6c7d8e9', '7d3e9a1f4c2b4e8d9f0a1b2c3d4e5f60'],
    rotationPolicy: {
      expiryTime: 'P1Y',
      lifetimeActions: [
        { trigger: { timeBeforeExpiry: 'P60D' }, action: 'Rotate' },
        { trigger: { timeBeforeExpiry: 'P30D' }, action: 'Notify' }
      ],
      created: now - 30 * DAY,
      updated: now - 30 * DAY
    }
  }
}

/** Managed HSM local RBAC built-in roles (learn.microsoft.com, managed-hsm/built-in-roles). */
export const HSM_ROLE = {
  administrator: 'a290e904-7015-4bba-90c8-60543313cdb4',
  cryptoOfficer: '515eb02d-2335-4d2d-92f2-b1cbdf9c3778',
  cryptoUser: '21dbd100-6940-42c2-9190-5d6cb909625b',
  policyAdministrator: '4bd23610-cdcf-4971-bdee-bdc562cc28e4',
  cryptoAuditor: '2c18b078-7c48-4d3a-af88-5a3a1b3f82b3',
  cryptoServiceEncryptionUser: '33413926-3206-4cdd-b39a-83574fe37a17',
  backup: '7b127d3c-77bd-4e3e-bbe0-dbb8971fa7f8'
} as const

/**
 * A healthy Managed HSM: purge protection on, public access from all networks, the CMK app
 * holding Managed HSM Crypto Service Encryption User on the key and the action's identity
 * (`actionObjectId`) Managed HSM Crypto Auditor on `/` (it may read the local role assignments).
 */
export function defaultManagedHsm(
  actionObjectId: string,
  cmkAppObjectId: string,
  keyName = 'aep-cmk-key',
  name = 'mhsm-aep-cmk-prod'
): ManagedHsmState {
  return {
    name,
    location: 'eastus',
    tags: { owner: 'platform-team' },
    properties: {
      initialAdminObjectIds: [actionObjectId],
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      publicNetworkAccess: 'Enabled',
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: 'Allow',
        ipRules: [],
        virtualNetworkRules: []
      },
      provisioningState: 'Succeeded',
      statusMessage: 'The Managed HSM is provisioned and ready to use.',
      securityDomainProperties: {
        activationStatus: 'Active',
        activationStatusMessage:
          'Your HSM has been activated and can be used for cryptographic operations.'
      },
      regions: []
    },
    diagnosticSettings: [auditLogsToWorkspace()],
    localRoleAssignments: [
      {
        principalId: cmkAppObjectId,
        roleDefinitionGuid: HSM_ROLE.cryptoServiceEncryptionUser,
        scope: `/keys/${keyName}`,
        name: '0c6b3b4e-5f1a-4d7e-9a2b-8c3d4e5f6a7b'
      },
      {
        principalId: actionObjectId,
        roleDefinitionGuid: HSM_ROLE.cryptoAuditor,
        scope: '/',
        name: '6e2f1a9b-3c4d-4e5f-8a7b-9c0d1e2f3a4b'
      }
    ]
  }
}

export function managedHsmResourceId(scenario: Scenario, hsm: ManagedHsmState): string {
  const rg = hsm.resourceGroup ?? scenario.resourceGroup
  return `/subscriptions/${scenario.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.KeyVault/managedHSMs/${hsm.name}`
}

/**
 * The default scenario with the action pointed at a healthy Managed HSM instead of a Key Vault:
 * no vault, the HSM holds the key (an RSA-HSM key, as every HSM key is).
 */
export function managedHsmScenario(overrides: Partial<Scenario> = {}): Scenario {
  const base = makeScenario({ vault: null, roleAssignments: [] })
  return {
    ...base,
    managedHsm: defaultManagedHsm(base.azure.objectId, base.cmkApp.objectId),
    ...overrides
  }
}

export const BUILTIN_ROLE = {
  keyVaultCryptoServiceEncryptionUser: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424',
  keyVaultCryptoOfficer: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
  keyVaultAdministrator: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  keyVaultReader: '21090545-7ca7-4776-b22c-e363652d74d2',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
} as const

export function vaultResourceId(scenario: Scenario, vault: VaultState): string {
  const rg = vault.resourceGroup ?? scenario.resourceGroup
  return `/subscriptions/${scenario.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${vault.name}`
}

/** Everything healthy: setup would succeed and end COMPLETED. */
export function defaultScenario(): Scenario {
  return makeScenario()
}

/** The ARM actions `remediate` writes with: the role assignment and the vault's firewall. */
export const REMEDIATION_WRITE_ACTIONS = {
  role: 'Microsoft.Authorization/roleAssignments/write',
  vault: 'Microsoft.KeyVault/vaults/write'
} as const

/**
 * A tenant where nothing is set up yet: Adobe has no CMK app registration, the tenant has no
 * service principal for it, no role, and the vault's firewall denies by default with only the
 * runner's address (and another range) allowed. The job's identity may make every repair.
 */
export function nothingSetUp(runnerIp: string): Partial<Scenario> {
  const vault = defaultVault()
  vault.properties.networkAcls = {
    bypass: 'AzureServices',
    defaultAction: 'Deny',
    ipRules: [{ value: `${runnerIp}/32` }, { value: '198.51.100.0/24' }],
    virtualNetworkRules: []
  }
  return {
    vault,
    registration: {
      status: 'absent',
      getsUntilReady: 1,
      pendingAnswer: 'not-found',
      readyAfterGets: 1
    },
    servicePrincipalPresent: false,
    roleAssignments: [],
    armWriteActions: [REMEDIATION_WRITE_ACTIONS.role, REMEDIATION_WRITE_ACTIONS.vault],
    graphGrants: ['Application.ReadWrite.All']
  }
}

/**
 * Nothing set up, on a Managed HSM whose firewall allows only the runner; the job's identity may
 * make every repair but (mayAssign false) the local role.
 */
export function nothingSetUpOnHsm(mayAssign: boolean): Partial<Scenario> {
  const scenario = managedHsmScenario()
  const hsm = scenario.managedHsm!
  hsm.properties.networkAcls = {
    bypass: 'AzureServices',
    defaultAction: 'Deny',
    ipRules: [{ value: `${scenario.runnerIp}/32` }],
    virtualNetworkRules: []
  }
  const me = scenario.azure.objectId
  hsm.localRoleAssignments = [
    { principalId: me, roleDefinitionGuid: HSM_ROLE.cryptoAuditor, scope: '/keys' },
    // Policy Administrator holds all local role management (assignments and definitions: read,
    // write, delete); Crypto User may only read them.
    {
      principalId: me,
      roleDefinitionGuid: mayAssign ? HSM_ROLE.policyAdministrator : HSM_ROLE.cryptoUser,
      scope: '/'
    }
  ]
  return {
    ...scenario,
    registration: {
      status: 'absent',
      getsUntilReady: 1,
      pendingAnswer: 'not-found',
      readyAfterGets: 1
    },
    servicePrincipalPresent: false,
    armWriteActions: ['Microsoft.KeyVault/managedHSMs/write'],
    graphGrants: ['Application.ReadWrite.All']
  }
}

/** The CMK app holding Key Vault Crypto Service Encryption User on the scenario's vault. */
export function cmkAppVaultRole(scenario: Scenario): RoleAssignmentState[] {
  if (!scenario.vault) return []
  return [
    {
      principalId: scenario.cmkApp.objectId,
      roleDefinitionGuid: BUILTIN_ROLE.keyVaultCryptoServiceEncryptionUser,
      scope: vaultResourceId(scenario, scenario.vault),
      principalType: 'ServicePrincipal',
      name: '5d2c9e7a-1b3f-4a6d-8e0c-9f7b2a4d6c18'
    }
  ]
}

/**
 * The default scenario with the given top-level members replaced (nested objects are not
 * merged). Unless `roleAssignments` is given, the CMK app holds its role on the (possibly
 * replaced) vault.
 */
export function makeScenario(overrides: Partial<Scenario> = {}): Scenario {
  const scenario: Scenario = {
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    runnerIp: '203.0.113.10',
    subscriptionId: '6f1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6',
    resourceGroup: 'rg-aep-cmk',
    azure: {
      clientId: '3c9b7e21-5a4d-4f8e-9b2a-6d1e0f7c8a93',
      clientSecret: 'sim~azure.client-secret_5rT8qW2eY6uI0oP4aS',
      objectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      federatedSubject: 'repo:octo-org/aep-infra:environment:production',
      tokenLifetimeSeconds: 3599
    },
    github: {
      requestToken: 'sim-actions-id-token-request-token-8f3a2c71',
      subject: 'repo:octo-org/aep-infra:environment:production',
      issuer: 'https://token.actions.githubusercontent.com',
      repository: 'octo-org/aep-infra'
    },
    githubApi: {
      token: 'ghs_SimJobToken0123456789abcdefABCDEF0123',
      issuesPermission: 'write',
      issuesEnabled: true,
      issues: [],
      comments: [],
      maxPerPage: 100
    },
    adobe: {
      orgId: 'ABC123DEF456789012345678@AdobeOrg',
      clientId: 'b1d4e9f27c8a4f3e9d0c1b2a3f4e5d6c',
      clientSecret: 'p8e-SimAdobeClientSecret-4kLm9Nq2Rs7Tv',
      accessToken: 'sim-adobe-ready-access-token-2b7e151628aed2a6',
      scopes: [
        'openid',
        'session',
        'AdobeID',
        'read_organizations',
        'additional_info.projectedProductContext'
      ]
    },
    vault: defaultVault(),
    managedHsm: null,
    otherVaults: [],
    notYetListed: [],
    vaultListPageSize: ARM_VAULT_LIST_PAGE_SIZE,
    key: defaultKey(),
    armKeyRotationPolicy: 'included',
    registration: {
      status: 'registered',
      getsUntilReady: 1,
      pendingAnswer: 'not-found',
      readyAfterGets: 1
    },
    cmkApp: {
      appId: '8a1e6d1c-3f7b-4c5e-9a2d-0b4f6e8c1d35',
      objectId: 'c4f2a9e1-7b3d-4e6a-8f5c-2d9b1a0e7f64',
      displayName: 'Adobe Experience Platform CMK App'
    },
    servicePrincipalPresent: true,
    graph403: false,
    roleAssignments: [],
    groups: {},
    roleAssignmentPageSize: 100,
    endlessListings: [],
    customRoles: [],
    locks: [],
    armDeniedActions: [],
    armWriteActions: [],
    graphGrants: [],
    principalNotFoundTimes: 0,
    keyVaultForbidden: false,
    configs: {},
    configStatusSequence: [...CONFIG_SEQUENCES.normal],
    configLookupBy: 'submitted',
    configResponseShape: 'current',
    configChecksAccess: true,
    secondPost: 'accept',
    latencyMs: 0,
    idTokenLifetimeSeconds: 300,
    ...overrides
  }
  if (!overrides.roleAssignments) scenario.roleAssignments = cmkAppVaultRole(scenario)
  if (!overrides.locks)
    scenario.locks = [resourceGroupLock(scenario.subscriptionId, scenario.resourceGroup)]
  return scenario
}

/**
 * Adobe's internal configuration name, shaped like the API guide's example
 * (`acpcf978863Aaepcmkmultitenantapp`). How Adobe derives it is not documented; it looks tied to
 * the organisation rather than to the submission, so it is derived from the org id here, which
 * also shows why look-ups by it are not safe.
 */
export function adobeInternalConfigName(orgId: string): string {
  return `acp${orgId.slice(0, 9).toLowerCase()}Aaepcmkmultitenantapp`
}
