import type { CheckId } from '../model/finding.js'

/** What code scanning shows for a check: its rule in the SARIF file. */
export interface CheckRule {
  /** One line, shown next to each alert. */
  short: string
  /** What the check guards and why it matters to Adobe. */
  full: string
  /** The fix in general terms; each result's message carries the fix for this vault and key. */
  help: string
  /**
   * Code scanning's `security-severity` (critical >= 9, high 7-8.9, medium 4-6.9). Our choice, as
   * no standard scores these: what makes Adobe treat the key as revoked (and purge data per its
   * SLA) is critical, what loses the key's safety nets or blocks setup is high, what cannot be
   * judged (sign-in) or is hygiene is medium.
   */
  securitySeverity: number
}

/**
 * Checks other helpers add to CHECK_IDS; listed here so that this table already covers them.
 * Once every one of them is in CHECK_IDS this alias is redundant and can go.
 */
type UpcomingCheckId = 'azure.sign-in' | 'adobe.sign-in' | 'key.rotation'

export const CHECK_RULES: Readonly<Record<CheckId | UpcomingCheckId, CheckRule>> = {
  'azure.sign-in': {
    short: 'The action can sign in to Azure',
    full: 'Without an Azure token no vault, key or role can be read, so none of the CMK checks can be judged.',
    help: 'Fix the Azure identity the detail names: client or tenant id, the federated credential subject, the client secret, the Azure CLI login or permissions: id-token: write.',
    securitySeverity: 5.0
  },
  'adobe.sign-in': {
    short: 'The action can sign in to Adobe Experience Platform',
    full: 'Without an Adobe token accepted for the org the CMK app registration and configuration cannot be read.',
    help: 'Check the OAuth Server-to-Server credential (client id, secret, scopes), adobe-org-id, and that the product profile grants Manage Customer Managed Key.',
    securitySeverity: 5.0
  },
  'vault.found': {
    short: 'The Key Vault or Managed HSM exists and can be read',
    full: 'Adobe encrypts the org data with a key in this vault; a vault that is gone or unreadable means the key is unreachable, which Adobe treats as revocation.',
    help: 'Check key-vault-name, azure-subscription-id and azure-resource-group, and give the job identity Reader on the vault.',
    securitySeverity: 9.1
  },
  'vault.soft-delete': {
    short: 'Soft delete is enabled on the vault',
    full: 'Without soft delete a deleted key is gone at once and the data encrypted with it cannot be recovered.',
    help: 'Enable soft delete: az keyvault update --name <vault> --enable-soft-delete true.',
    securitySeverity: 8.0
  },
  'vault.purge-protection': {
    short: 'Purge protection is enabled on the vault',
    full: 'Adobe requires purge protection so that a deleted key can be recovered during the retention period.',
    help: 'Enable purge protection (irreversible): az keyvault update --name <vault> --enable-purge-protection true.',
    securitySeverity: 8.0
  },
  'vault.rbac': {
    short: 'The vault uses Azure RBAC',
    full: 'Adobe grants the CMK app its access through an Azure role assignment, which needs the Azure RBAC permission model.',
    help: 'Switch the vault to Azure RBAC: az keyvault update --name <vault> --enable-rbac-authorization true (re-create any access a policy granted as role assignments first).',
    securitySeverity: 7.0
  },
  'vault.network': {
    short: 'Trusted Azure services may reach the vault',
    full: 'With public access disabled or a firewall that denies by default, Adobe reaches the key only through the trusted-services bypass and its allowed address.',
    help: 'Allow trusted Azure services through the firewall: az keyvault update --name <vault> --bypass AzureServices.',
    securitySeverity: 9.1
  },
  'vault.adobe-ip': {
    short: "Adobe's address 20.88.123.53 may reach the vault",
    full: 'Adobe is not an Azure trusted service: behind a firewall it reaches the key only when 20.88.123.53 is allowed; a blocked address prevents key access.',
    help: 'Allow Adobe: az keyvault network-rule add --name <vault> --ip-address 20.88.123.53, and keep public network access enabled.',
    securitySeverity: 9.1
  },
  'key.found': {
    short: 'The key exists and can be read',
    full: 'A missing or unreadable key is a revoked key for Adobe: the org data can no longer be decrypted.',
    help: 'Check key-name, create the key (RSA, wrapKey and unwrapKey) or recover a soft-deleted one, and give the job identity read access.',
    securitySeverity: 9.1
  },
  'key.enabled': {
    short: 'The key is enabled',
    full: 'Adobe treats a disabled key as deliberate revocation and purges the org data per its SLA.',
    help: 'Enable the key: az keyvault key set-attributes --vault-name <vault> --name <key> --enabled true.',
    securitySeverity: 9.5
  },
  'key.type': {
    short: 'The key is an RSA key',
    full: 'Adobe wraps data keys with RSA keys (RSA or RSA-HSM); with require-hsm the key must be HSM-backed.',
    help: 'Create an RSA key (RSA-HSM when HSM-backed keys are required) and point key-name at it.',
    securitySeverity: 7.5
  },
  'key.size': {
    short: 'The RSA key is large enough',
    full: 'The RSA modulus must be at least min-key-size bits.',
    help: 'Create a new key of at least min-key-size bits and point key-name at it.',
    securitySeverity: 7.0
  },
  'key.operations': {
    short: 'The key permits wrapKey and unwrapKey',
    full: 'Adobe wraps and unwraps data keys with this key; without both operations encryption fails.',
    help: 'Allow the operations: az keyvault key set-attributes --vault-name <vault> --name <key> --ops wrapKey unwrapKey.',
    securitySeverity: 9.1
  },
  'key.active': {
    short: 'The key is active (not before its activation date, not expired)',
    full: 'An expired or not yet active key cannot be used; Adobe treats an expired key as revoked.',
    help: 'Set a valid activation and expiry date, or rotate to a new key version.',
    securitySeverity: 9.5
  },
  'key.expiry': {
    short: 'The key does not expire soon',
    full: 'A key that expires within min-key-validity-days will soon be treated as revoked by Adobe.',
    help: 'Extend the expiry date or rotate the key, and add a rotation policy that rotates before expiry.',
    securitySeverity: 8.5
  },
  'key.rotation': {
    short: 'A rotation policy rotates the key before it expires',
    full: 'Adobe keeps the vault and key name, not the version, so a policy that rotates well before expiry keeps the key valid without anyone acting.',
    help: 'Add a rotation policy with a rotate action at least min-key-validity-days before expiry: az keyvault key rotation-policy update.',
    securitySeverity: 5.0
  },
  'app.registered': {
    short: 'The Adobe CMK app is registered for the org',
    full: "Adobe's multi-tenant CMK app must be registered before the org can use a customer-managed key.",
    help: 'Run the action with mode: setup; it registers the CMK app.',
    securitySeverity: 7.0
  },
  'app.consented': {
    short: 'The Adobe CMK app has a service principal in the tenant',
    full: 'The CMK app reaches the key through its service principal in the vault tenant, which consent creates.',
    help: 'Open the consent URL as a tenant administrator (or let setup create it with remediate: service-principal).',
    securitySeverity: 9.1
  },
  'app.role': {
    short: 'The Adobe CMK app may read, wrap and unwrap with the key',
    full: 'Without a role such as Key Vault Crypto Service Encryption User on the key or vault, Adobe cannot use the key, which it treats as revocation.',
    help: 'Assign the CMK app Key Vault Crypto Service Encryption User on the vault (Managed HSM: Managed HSM Crypto Service Encryption User), or use remediate: role.',
    securitySeverity: 9.5
  },
  'config.status': {
    short: 'The Adobe CMK configuration is COMPLETED',
    full: 'Customer-managed keys are in force only once the Adobe configuration has completed.',
    help: 'Fix the failed checks and run the action with mode: setup, then wait for COMPLETED.',
    securitySeverity: 7.5
  },
  'config.key': {
    short: 'The Adobe configuration uses this vault and key',
    full: 'The configuration Adobe holds must name the vault and key this workflow guards.',
    help: 'Point key-vault-name and key-name at the configured vault and key, or set config-name to the configuration of this key.',
    securitySeverity: 8.0
  }
}
