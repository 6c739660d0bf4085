import type { CheckDefinition } from '../check-definition.js'
import { networkFinding } from '../vault-checks.js'
import { bicepVault, terraformVault } from './code-forms.js'

export const vaultNetwork: CheckDefinition<'vault.network'> = {
  id: 'vault.network',
  needs: ['vault.found'],
  evaluation: { over: 'vault', evaluate: networkFinding },
  rule: {
    short: 'Trusted Azure services may reach the vault',
    full: 'With public access disabled or a firewall that denies by default, Adobe reaches the key only through the trusted-services bypass and its allowed address.',
    help: 'Allow trusted Azure services through the firewall: az keyvault update --name <vault> --bypass AzureServices.',
    securitySeverity: 9.1
  },
  nextStep: 'let trusted Azure services through the vault firewall',
  docs: {
    checks: '`publicNetworkAccess` and `networkAcls`.',
    why: 'A firewall that denies by default keeps Adobe\'s app out unless trusted services may bypass it or Adobe\'s address is allowed; Adobe then raises a recoverable "Key access failure" alert (no data is purged), and Platform cannot use the key until it is let in.',
    failsWhen:
      'Public network access is `Disabled` or the firewall defaults to `Deny`, and `bypass` is not `AzureServices`.'
  },
  fix: {
    az: 'Let trusted Microsoft services bypass the firewall: `az keyvault update --subscription <sub> --name <vault> --bypass AzureServices` (Managed HSM: `az keyvault update-hsm --hsm-name <hsm> --bypass AzureServices`).',
    // azurerm v5.2.0 key_vault.html.markdown: network_acls { bypass, default_action, ip_rules,
    // virtual_network_subnet_ids } (bypass and default_action required).
    terraform: terraformVault('vault', [
      'network_acls {',
      '  bypass = "AzureServices"',
      '  default_action = "Deny"',
      '  # keep your ip_rules and virtual_network_subnet_ids as they are',
      '}'
    ]),
    // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.networkAcls.bypass.
    bicep: bicepVault('vault', [
      'networkAcls: {',
      "  bypass: 'AzureServices'",
      "  defaultAction: 'Deny'",
      '  // keep your ipRules and virtualNetworkRules as they are',
      '}'
    ]),
    managedHsm: {
      // azurerm v5.2.0 key_vault_managed_hardware_security_module.html.markdown:
      // network_acls { bypass, default_action } (both required; updatable in place).
      terraform: terraformVault('managed-hsm', [
        'network_acls {',
        '  bypass = "AzureServices"',
        '  default_action = "Deny"',
        '}'
      ]),
      // Bicep reference, Microsoft.KeyVault/managedHSMs 2025-05-01: properties.networkAcls.bypass.
      bicep: bicepVault('managed-hsm', [
        'networkAcls: {',
        "  bypass: 'AzureServices'",
        "  defaultAction: 'Deny'",
        '}'
      ])
    }
  }
}
