import type { CheckDefinition } from '../check-definition.js'
import { softDeleteFinding } from '../vault-checks.js'
import { bicepVault, terraformVault } from './code-forms.js'

export const vaultSoftDelete: CheckDefinition<'vault.soft-delete'> = {
  id: 'vault.soft-delete',
  needs: ['vault.found'],
  evaluation: { over: 'vault', evaluate: softDeleteFinding },
  rule: {
    short: 'Soft delete is enabled on the vault',
    full: 'Without soft delete a deleted key is gone at once and the data encrypted with it cannot be recovered.',
    help: 'Enable soft delete: az keyvault update --name <vault> --enable-soft-delete true.',
    securitySeverity: 8.0
  },
  nextStep: 'enable soft delete on the vault',
  docs: {
    checks: '`enableSoftDelete`.',
    why: 'Without soft delete, a deleted key is gone at once, and with it every byte Adobe encrypted under it.',
    failsWhen: 'Soft delete is disabled.'
  },
  fix: {
    az: '`az keyvault update --subscription <sub> --name <vault> --enable-soft-delete true`.',
    // azurerm v5.2.0 key_vault.html.markdown has no soft-delete argument; key_vault_resource.go
    // creates vaults with enableSoftDelete true and sends it with purge protection (since 2.42).
    terraform: terraformVault(
      'vault',
      ['purge_protection_enabled = true'],
      [
        'azurerm has no soft-delete argument: it creates vaults with soft delete on, and turns it',
        'on for an older vault together with purge protection (which Adobe requires anyway).'
      ]
    ),
    // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.enableSoftDelete.
    bicep: bicepVault('vault', ['enableSoftDelete: true'])
    // A Managed HSM's soft delete is always on: the check never fails there.
  }
}
