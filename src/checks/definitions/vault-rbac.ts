import type { CheckDefinition } from '../check-definition.js'
import { rbacFinding } from '../vault-checks.js'
import { bicepVault, terraformVault } from './code-forms.js'

export const vaultRbac: CheckDefinition<'vault.rbac'> = {
  id: 'vault.rbac',
  needs: ['vault.found'],
  evaluation: { over: 'vault', evaluate: rbacFinding },
  rule: {
    short: 'The vault uses Azure RBAC',
    full: 'Adobe grants the CMK app its access through an Azure role assignment, which needs the Azure RBAC permission model.',
    help: 'Switch the vault to Azure RBAC: az keyvault update --name <vault> --enable-rbac-authorization true (re-create any access a policy granted as role assignments first).',
    securitySeverity: 7.0
  },
  nextStep: 'switch the vault to Azure RBAC',
  docs: {
    checks: '`enableRbacAuthorization`.',
    why: "Adobe's set-up guide grants the CMK app a role (Azure RBAC). With access policies, the role assignment the action checks does not apply.",
    failsWhen: 'The vault uses access policies instead of Azure RBAC.'
  },
  fix: {
    az: 'First give every identity that uses the vault an equivalent Key Vault role (access policies stop applying), then `az keyvault update --subscription <sub> --name <vault> --enable-rbac-authorization true`.',
    // azurerm v5.2.0 key_vault.html.markdown: rbac_authorization_enabled, added in v4.42.0 as the
    // new name of enable_rbac_authorization, which 5.0 removed (commit 8ce195d, PR #29886).
    terraform: terraformVault(
      'vault',
      ['rbac_authorization_enabled = true'],
      [
        'azurerm < 4.42: enable_rbac_authorization = true. Give every identity that uses the vault',
        'an equivalent role (azurerm_role_assignment) first: access policies stop applying.'
      ]
    ),
    // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.enableRbacAuthorization.
    bicep: bicepVault('vault', [
      'enableRbacAuthorization: true // give every identity an equivalent role first'
    ]),
    // A Managed HSM always uses its local RBAC: the check never fails there.
    managedHsm: {}
  }
}
