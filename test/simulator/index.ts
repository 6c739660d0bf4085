export { startSimulator, withSimulator, LOOPBACK_DNS_PRELOAD, type Simulator } from './server.js'
export {
  adobeInternalConfigName,
  BUILTIN_ROLE,
  CONFIG_SEQUENCES,
  cmkAppVaultRole,
  defaultKey,
  defaultScenario,
  defaultVault,
  firewalledVault,
  defaultManagedHsm,
  HSM_ROLE,
  makeScenario,
  managedHsmResourceId,
  managedHsmScenario,
  nothingSetUp,
  nothingSetUpOnHsm,
  REMEDIATION_WRITE_ACTIONS,
  vaultResourceId,
  type KeyState,
  type LocalRoleAssignmentState,
  type ManagedHsmState,
  type RegistrationStatus,
  type RoleAssignmentState,
  type SimComment,
  type SimIssue,
  type Scenario,
  type SimConfigStatus,
  type StoredConfig,
  type VaultState
} from './scenario.js'
export {
  AUDIT_STORAGE_ACCOUNT_ID,
  SECURITY_WORKSPACE_ID,
  auditEventToStorage,
  auditLogsToWorkspace,
  metricsOnly,
  resourceGroupLock,
  type DiagnosticSettingState,
  type LockState
} from './vault-protection.js'
export { BUILTIN_ROLE_DEFINITIONS, type RoleDefinitionState } from './role-definitions.js'
export type { FaultAction, FaultRule } from './faults.js'
export type { RecordedRequest } from './recording.js'
export type { ServiceName, SimCounters, SimUrls } from './context.js'
export { REGISTRATION_PATH, CONFIG_PATH } from './services/platform.js'
export { useSimulatorInProcess } from './in-process.js'
export { simFetch, type SimResponse, type SimRequestInit } from './client.js'
