import type { CheckDefinition } from '../check-definition.js'
import { purgeProtectionFinding } from '../vault-checks.js'
import { bicepVault, terraformVault } from './code-forms.js'

export const vaultPurgeProtection: CheckDefinition<'vault.purge-protection'> = {
  id: 'vault.purge-protection',
  needs: ['vault.found'],
  evaluation: { over: 'vault', evaluate: purgeProtectionFinding },
  rule: {
    short: 'Purge protection is enabled on the vault',
    full: 'Adobe requires purge protection so that a deleted key can be recovered during the retention period.',
    help: 'Enable purge protection (irreversible): az keyvault update --name <vault> --enable-purge-protection true.',
    securitySeverity: 8.0
  },
  nextStep: 'enable purge protection on the vault',
  docs: {
    checks: '`enablePurgeProtection` (absent counts as off).',
    why: 'Adobe requires purge protection: without it a deleted key can be purged before the retention period ends, which Adobe treats as revocation, and the data is lost for good.',
    failsWhen: 'Purge protection is not enabled.'
  },
  fix: {
    az: '`az keyvault update --subscription <sub> --name <vault> --enable-purge-protection true` (Managed HSM: `az keyvault update-hsm --hsm-name <hsm> --enable-purge-protection true`). It cannot be turned off again.',
    // azurerm v5.2.0 key_vault.html.markdown: purge_protection_enabled (updatable in place).
    terraform: terraformVault('vault', [
      'purge_protection_enabled = true # cannot be turned off again'
    ]),
    // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.enablePurgeProtection.
    bicep: bicepVault('vault', ['enablePurgeProtection: true // cannot be turned off again']),
    managedHsm: {
      // azurerm v5.2.0 key_vault_managed_hardware_security_module.html.markdown:
      // purge_protection_enabled, "Changing this forces a new resource" (ForceNew in its schema).
      terraform: terraformVault(
        'managed-hsm',
        ['purge_protection_enabled = true'],
        [
          'In azurerm this argument forces a new HSM, which would take every key with it: run the',
          'az command first, then set it here so that the plan shows no change.'
        ]
      ),
      // Bicep reference, Microsoft.KeyVault/managedHSMs 2025-05-01: properties.enablePurgeProtection.
      bicep: bicepVault('managed-hsm', [
        'enablePurgeProtection: true // cannot be turned off again'
      ])
    }
  }
}
