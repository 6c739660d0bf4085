import type { CheckDefinition } from '../check-definition.js'
import { adobeIpFinding } from '../vault-checks.js'
import { bicepVault, terraformVault } from './code-forms.js'

export const vaultAdobeIp: CheckDefinition<'vault.adobe-ip'> = {
  id: 'vault.adobe-ip',
  needs: ['vault.found'],
  evaluation: { over: 'vault', evaluate: adobeIpFinding },
  rule: {
    short: "Adobe's address 20.88.123.53 may reach the vault",
    full: 'Adobe is not an Azure trusted service: behind a firewall it reaches the key only when 20.88.123.53 is allowed; a blocked address prevents key access.',
    help: 'Allow Adobe: az keyvault network-rule add --name <vault> --ip-address 20.88.123.53, and keep public network access enabled. A Managed HSM: open it to all networks, or use its IP network firewall (a preview enabled through a support ticket, at most 10 ranges) with az keyvault network-rule add --hsm-name <hsm>.',
    securitySeverity: 9.1
  },
  nextStep: "allow Adobe's address through the vault firewall",
  docs: {
    checks: "Whether Adobe's documented monitoring address `20.88.123.53` can reach the vault.",
    why: 'Adobe\'s monitoring reaches restricted vaults from 20.88.123.53 and is not an Azure trusted service, so the trusted-services bypass does not let it in: "a blocked IP will prevent key access". Adobe then raises a "Key access failure" alert: a recoverable error, no data is purged, but Platform cannot use the key until the address is allowed.',
    failsWhen:
      'The firewall defaults to `Deny` and no IP rule allows `20.88.123.53` (a /32 or a range containing it), or public network access is `Disabled`, in which case IP rules do not apply.'
  },
  adobeAlert: 'key-access-failure',
  fix: {
    az: "`az keyvault network-rule add --name <vault> --ip-address 20.88.123.53`. If public access is `Disabled`, first switch to `--public-network-access Enabled --default-action Deny --bypass AzureServices` with `az keyvault update`. `remediate: adobe-ip` adds the rule for you. A Managed HSM has two ways: public access from all networks (`az keyvault update-hsm --hsm-name <hsm> --public-network-access Enabled --default-action Allow`), or its IP network firewall with Adobe's address (`az keyvault network-rule add --hsm-name <hsm> --ip-address 20.88.123.53`); that firewall is a preview that needs subscription enablement through an Azure support ticket (naming the subscription and region) and holds at most 10 IPv4 ranges.",
    // azurerm v5.2.0 key_vault.html.markdown: public_network_access_enabled, network_acls {
    // bypass, default_action, ip_rules } ("IP Addresses, or CIDR Blocks").
    terraform: terraformVault('vault', [
      'public_network_access_enabled = true # IP rules do not apply while it is false',
      'network_acls {',
      '  bypass = "AzureServices"',
      '  default_action = "Deny"',
      '  ip_rules = ["20.88.123.53"] # Adobe; keep your other rules: this list replaces them',
      '}'
    ]),
    // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.publicNetworkAccess,
    // properties.networkAcls.ipRules[].value.
    bicep: bicepVault('vault', [
      "publicNetworkAccess: 'Enabled' // IP rules do not apply while it is 'Disabled'",
      'networkAcls: {',
      "  bypass: 'AzureServices'",
      "  defaultAction: 'Deny'",
      '  ipRules: [',
      "    { value: '20.88.123.53' } // Adobe; keep your other rules: this list replaces them",
      '  ]',
      '}'
    ]),
    managedHsm: {
      // azurerm v5.2.0 key_vault_managed_hardware_security_module.html.markdown: its network_acls
      // has bypass and default_action only, no ip_rules; public_network_access_enabled.
      terraform: terraformVault(
        'managed-hsm',
        [
          'public_network_access_enabled = true',
          'network_acls {',
          '  bypass = "AzureServices"',
          '  default_action = "Allow"',
          '}'
        ],
        [
          "azurerm cannot set a Managed HSM's IP rules: open it to all networks here, or add",
          "Adobe's address to its preview IP firewall with the az command."
        ]
      ),
      // Bicep reference, Microsoft.KeyVault/managedHSMs 2025-05-01: properties.publicNetworkAccess,
      // properties.networkAcls.ipRules[].value.
      bicep: bicepVault('managed-hsm', [
        "publicNetworkAccess: 'Enabled'",
        'networkAcls: {',
        "  bypass: 'AzureServices'",
        "  defaultAction: 'Deny' // or 'Allow', open to all networks, without the preview firewall",
        '  ipRules: [',
        "    { value: '20.88.123.53' } // the preview IP firewall (support ticket), at most 10 ranges",
        '  ]',
        '}'
      ])
    }
  },
  repair: {
    item: 'adobe-ip',
    permission: {
      vault:
        'Microsoft.KeyVault/vaults/write on the vault (e.g. the role Key Vault Contributor on the vault)',
      'managed-hsm':
        'Microsoft.KeyVault/managedHSMs/write on the Managed HSM (e.g. the role Managed HSM Contributor on it)'
    }
  }
}
