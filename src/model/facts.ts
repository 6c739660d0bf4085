import type { AzureAuth, VaultType } from './choices.js'

/**
 * Everything the action reads before it decides anything. Each read either produced a value
 * or failed with a ReadError; checks turn both into findings.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; error: ReadError }

export interface ReadError {
  /** The call that failed, e.g. "ARM GET vault". */
  call: string
  /** HTTP status, when the service answered. */
  status?: number | undefined
  /** not-found: 404; forbidden: 401/403 (not a firewall's, which no permission fixes); error: anything else. */
  kind: 'not-found' | 'forbidden' | 'error'
  message: string
}

export interface NetworkAcls {
  bypass?: string | undefined
  defaultAction?: string | undefined
  ipRules: string[]
  virtualNetworkRules: string[]
}

/**
 * A Key Vault or a Managed HSM, as ARM describes it. `vaultUri` is the data-plane URL (a Managed
 * HSM's `hsmUri`); a Managed HSM has no `enableRbacAuthorization` (it always uses its local RBAC).
 */
export interface VaultFacts {
  kind: VaultType
  id: string
  name: string
  location?: string | undefined
  tenantId: string
  vaultUri: string
  skuName?: string | undefined
  enableSoftDelete?: boolean | undefined
  softDeleteRetentionInDays?: number | undefined
  enablePurgeProtection?: boolean | undefined
  enableRbacAuthorization?: boolean | undefined
  publicNetworkAccess?: string | undefined
  networkAcls?: NetworkAcls | undefined
}

export interface KeyFacts {
  /** Versioned key identifier of the latest version (ARM's keyUriWithVersion, default port dropped). */
  id: string
  name: string
  version: string
  keyType: string
  /** RSA modulus size in bits (ARM's keySize); undefined for non-RSA keys. */
  keySize?: number | undefined
  keyOperations: string[]
  enabled: boolean
  notBefore?: KeyDate | undefined
  expiresOn?: KeyDate | undefined
  createdOn?: KeyDate | undefined
  /**
   * From ARM's answer; where ARM omits it, read from the data plane, best effort: a refusal
   * there (e.g. the vault firewall, ForbiddenByFirewall) is an error here and nothing else.
   * ok with null: the key has no rotation policy.
   */
  rotationPolicy: Read<KeyRotationPolicy | null>
}

/** A key's date attribute: a date, or what the service sent where no date can be made of it. */
export type KeyDate = Date | UnusableDate

/** A date attribute outside the years a key's dates can have (e.g. an `exp` of 1e13 seconds). */
export interface UnusableDate {
  /** The value as the service sent it, e.g. "10000000000000" (Unix seconds). */
  unusable: string
}

export interface KeyRotationPolicy {
  /** Where the policy was read: ARM's key resource, or the data plane's rotationpolicy. */
  source: 'arm' | 'data-plane'
  /** ISO 8601 duration after which new versions expire (the policy's expiryTime), when set. */
  expiryTime?: string | undefined
  lifetimeActions: KeyLifetimeAction[]
}

export interface KeyLifetimeAction {
  /** Lower-cased, as ARM ('rotate') and the data plane ('Rotate') spell it differently. */
  /** 'rotate' or 'notify' as documented; any other value is kept as sent. */
  action: string
  /** ISO 8601 durations. */
  timeAfterCreate?: string | undefined
  timeBeforeExpiry?: string | undefined
}

/** One diagnostic setting of the vault (`Microsoft.Insights/diagnosticSettings`). */
export interface DiagnosticSettingFact {
  name: string
  /** The log entries: a `category` (e.g. AuditEvent) or a `categoryGroup` (audit, allLogs). */
  logs: Array<{
    category?: string | undefined
    categoryGroup?: string | undefined
    enabled: boolean
  }>
  /** Where the logs go; a setting with none sends them nowhere. */
  workspaceId?: string | undefined
  storageAccountId?: string | undefined
  eventHubAuthorizationRuleId?: string | undefined
  /** A partner solution (e.g. a SIEM offered through Azure Marketplace). */
  marketplacePartnerId?: string | undefined
}

/** A management lock (`Microsoft.Authorization/locks`) that applies to the vault. */
export interface ManagementLockFact {
  id: string
  name: string
  /** CanNotDelete, ReadOnly (NotSpecified in ARM's schema, never on a real lock). */
  level: string
  /** Where the lock sits: on the vault itself, its resource group, or its subscription. */
  scope: 'vault' | 'resource-group' | 'subscription'
}

export interface AppRegistration {
  applicationId?: string | undefined
  applicationRedirectUrl?: string | undefined
  name?: string | undefined
}

export interface ServicePrincipal {
  objectId: string
  appId?: string | undefined
  displayName?: string | undefined
  /**
   * Where the object id came from: 'input' is input cmk-app-object-id (the directory was not
   * looked up, so nothing is known about the principal beyond its id); 'graph' (or absent) is a
   * Microsoft Graph look-up.
   */
  source: 'input' | 'graph'
}

export interface RolePermission {
  actions: string[]
  notActions: string[]
  dataActions: string[]
  notDataActions: string[]
}

export interface RoleAssignmentFact {
  id: string
  scope: string
  /** The CMK app's service principal, or a group it belongs to. */
  principalId: string
  principalType?: string | undefined
  /** An ABAC condition: the role applies only when it holds, which the action cannot evaluate. */
  condition?: string | undefined
  roleDefinitionId: string
  roleName?: string | undefined
  /** Undefined when the role definition could not be read. */
  permissions?: RolePermission[] | undefined
}

export const CONFIG_STATUSES = [
  'NEW',
  'RUNNING',
  'UPDATE_EXISTING_RESOURCES',
  'COMPLETED',
  'FAILED'
] as const
export type ConfigStatus = (typeof CONFIG_STATUSES)[number]
/**
 * A status Adobe's docs do not list, kept as Adobe sent it. Adobe documents four statuses (plus
 * NEW in the POST answer) and may add more: an unknown one is treated as still in progress.
 */
export type UndocumentedStatus = string & { readonly undocumented: unique symbol }
export type AdobeStatus = ConfigStatus | UndocumentedStatus

export function isDocumentedStatus(status: string): status is ConfigStatus {
  return (CONFIG_STATUSES as readonly string[]).includes(status)
}

/** Whether Adobe is still working on it: NEW, RUNNING, UPDATE_EXISTING_RESOURCES or undocumented. */
export function isInProgress(status: AdobeStatus): boolean {
  return status !== 'COMPLETED' && status !== 'FAILED'
}

export interface AdobeConfig {
  /**
   * The name the configuration was read by: the submitted config-name, as Adobe documents, or
   * Adobe's own name when only that answered (see ensureConfig).
   */
  name: string
  /**
   * The `name` in Adobe's answer: an internal one of Adobe's (e.g.
   * `acpcf978863Aaepcmkmultitenantapp`), reported but not used for look-ups.
   */
  adobeName?: string | undefined
  status: AdobeStatus
  keyVaultKeyIdentifier?: string | undefined
  keyVaultUri?: string | undefined
  keyName?: string | undefined
  keyVersion?: string | undefined
}

/** Who the action signed in to Azure as, from the ARM token's claims when it is a JWT. */
export interface AzureSession {
  tenantId?: string | undefined
  appId?: string | undefined
  objectId?: string | undefined
}

/** What a federated credential is matched against: the GitHub ID token's claims. */
export interface PresentedIdToken {
  subject?: string | undefined
  issuer?: string | undefined
  audience?: string | undefined
}

/** Signing in to Azure: the method used and its result. */
export interface AzureSignIn {
  /** azure-auth, after auto was resolved. */
  method: AzureAuth
  tenantId?: string | undefined
  clientId?: string | undefined
  /** The claims of the GitHub ID token this run presented to Entra (oidc), once one was fetched. */
  presented?: PresentedIdToken | undefined
  session: Read<AzureSession>
}

/** Signing in to Adobe: an IMS token (client credentials) or the ready token given. */
export interface AdobeSignIn {
  credential: 'client-credentials' | 'access-token'
  orgId: string
  clientId?: string | undefined
  scopes?: string[] | undefined
  /** ok: IMS issued a token, or a ready token was given (Platform then judges it). */
  token: Read<null>
}

export interface Facts {
  azureSignIn: AzureSignIn
  adobeSignIn: AdobeSignIn
  vault: Read<VaultFacts>
  /** Absent when the vault could not be read (the key cannot be reached without its vaultUri). */
  key?: Read<KeyFacts> | undefined
  /** The vault's diagnostic settings (ARM). Absent when the vault could not be read. */
  diagnosticSettings?: Read<DiagnosticSettingFact[]> | undefined
  /**
   * Management locks on the vault, its resource group and its subscription (ARM), never a lock on
   * another resource. Absent when the vault could not be read.
   */
  managementLocks?: Read<ManagementLockFact[]> | undefined
  /** ok with null: the service answered that no registration exists. */
  registration: Read<AppRegistration | null>
  /**
   * ok with null: no service principal for the app in the tenant. Absent: not looked up and not
   * given (the app is not registered, or its registration could not be read).
   */
  servicePrincipal?: Read<ServicePrincipal | null> | undefined
  /**
   * Role assignments of the CMK app's principal, directly or through its groups, at the key, the
   * vault or above. Absent: not looked up.
   */
  roleAssignments?: Read<RoleAssignmentFact[]> | undefined
  /**
   * The ids of the groups the CMK app's principal is in, directly or through other groups
   * (Microsoft Graph), read for a Managed HSM, whose local RBAC cannot list by member. When they
   * cannot be read, `roleAssignments` also holds the other principals' assignments at the key's
   * scopes: any of them may be a group the app is in. Absent: not read (a Key Vault's
   * assignedTo() expands groups itself).
   */
  groupMemberships?: Read<string[]> | undefined
  /** ok with null: the service has no configuration of that name. */
  config: Read<AdobeConfig | null>
}
