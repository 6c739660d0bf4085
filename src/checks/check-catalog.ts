/*
 * Every check, one module each under definitions/: what it needs, how it is decided, its SARIF
 * rule, next step, docs, fix and repair. The id list is src/model/finding.ts's CHECK_IDS; this
 * record is total over it, so a check without a definition does not compile. The evaluator, the
 * SARIF rules, the next steps, the repairs and docs/checks.md are all read from here.
 *
 * Adding a check: its id in CHECK_IDS (where it sits is the order it is reported in, after every
 * check it needs), a module in definitions/, and its line below.
 */
import type { CheckId } from '../model/finding.js'
import { CHECK_IDS } from '../model/finding.js'
import type { CheckDefinition } from './check-definition.js'
import { adobeSignIn } from './definitions/adobe-sign-in.js'
import { appConsented } from './definitions/app-consented.js'
import { appRegistered } from './definitions/app-registered.js'
import { appRole } from './definitions/app-role.js'
import { azureSignIn } from './definitions/azure-sign-in.js'
import { configKey } from './definitions/config-key.js'
import { configStatus } from './definitions/config-status.js'
import { keyActive } from './definitions/key-active.js'
import { keyEnabled } from './definitions/key-enabled.js'
import { keyExpiry } from './definitions/key-expiry.js'
import { keyFound } from './definitions/key-found.js'
import { keyOperations } from './definitions/key-operations.js'
import { keyRotation } from './definitions/key-rotation.js'
import { keySize } from './definitions/key-size.js'
import { keyType } from './definitions/key-type.js'
import { vaultAdobeIp } from './definitions/vault-adobe-ip.js'
import { vaultAuditLog } from './definitions/vault-audit-log.js'
import { vaultDeleteLock } from './definitions/vault-delete-lock.js'
import { vaultFound } from './definitions/vault-found.js'
import { vaultNetwork } from './definitions/vault-network.js'
import { vaultPurgeProtection } from './definitions/vault-purge-protection.js'
import { vaultRbac } from './definitions/vault-rbac.js'
import { vaultSoftDelete } from './definitions/vault-soft-delete.js'

export const CHECK_CATALOG: { readonly [Id in CheckId]: CheckDefinition<Id> } = {
  'azure.sign-in': azureSignIn,
  'adobe.sign-in': adobeSignIn,
  'vault.found': vaultFound,
  'vault.soft-delete': vaultSoftDelete,
  'vault.purge-protection': vaultPurgeProtection,
  'vault.rbac': vaultRbac,
  'vault.network': vaultNetwork,
  'vault.adobe-ip': vaultAdobeIp,
  'vault.audit-log': vaultAuditLog,
  'vault.delete-lock': vaultDeleteLock,
  'key.found': keyFound,
  'key.enabled': keyEnabled,
  'key.type': keyType,
  'key.size': keySize,
  'key.operations': keyOperations,
  'key.active': keyActive,
  'key.expiry': keyExpiry,
  'key.rotation': keyRotation,
  'app.registered': appRegistered,
  'app.consented': appConsented,
  'app.role': appRole,
  'config.status': configStatus,
  'config.key': configKey
}

/** Every check's definition, in contract order. */
export function checkDefinitions(): CheckDefinition[] {
  return CHECK_IDS.map((id): CheckDefinition => CHECK_CATALOG[id])
}

/** One total table read off the catalog, e.g. each check's SARIF rule. */
export function catalogTable<T>(pick: (check: CheckDefinition) => T): Record<CheckId, T> {
  return Object.fromEntries(CHECK_IDS.map(id => [id, pick(CHECK_CATALOG[id])])) as Record<
    CheckId,
    T
  >
}
