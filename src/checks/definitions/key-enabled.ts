import type { CheckDefinition } from '../check-definition.js'
import { keyEnabledFinding } from '../key-checks.js'
import { AZURERM_HSM, bicepKey } from './code-forms.js'
import { DATA_PLANE_DOC } from '../key-commands.js'

const ENABLED = ['attributes: {', '  enabled: true', '}']

function noEnabledArgument(resource: string): string {
  return [
    `# ${resource} has no enabled argument:`,
    '# azurerm creates keys enabled and does not see a key disabled outside Terraform, so no',
    '# plan re-enables it. Enable it with the az command.'
  ].join('\n')
}

export const keyEnabled: CheckDefinition<'key.enabled'> = {
  id: 'key.enabled',
  needs: ['key.found'],
  evaluation: { over: 'key', evaluate: keyEnabledFinding },
  rule: {
    short: 'The key is enabled',
    full: 'Adobe treats a disabled key as deliberate revocation and purges the org data per its SLA.',
    help: 'Enable the key: az keyvault key set-attributes --vault-name <vault> --name <key> --enabled true.',
    securitySeverity: 9.5
  },
  nextStep: 'enable the key',
  docs: {
    checks: "The latest version's `enabled` attribute.",
    why: 'A disabled key is treated as deliberate revocation: Adobe purges the data per its SLA.',
    failsWhen: 'The key is disabled.'
  },
  adobeAlert: 'key-access-disabled',
  fix: {
    az: `\`az keyvault key set-attributes --vault-name <vault> --name <key> --enabled true\` (Managed HSM: \`--hsm-name <hsm>\`), or in the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > its current version: set Enabled, then Save. ${DATA_PLANE_DOC}`,
    // azurerm v5.2.0 key_vault_key.html.markdown lists no enabled argument; key_vault_key_resource.go
    // sends enabled = true on create and update but does not read it back, so no plan shows it.
    terraform: noEnabledArgument('azurerm_key_vault_key'),
    // Bicep reference, vaults/keys 2025-05-01: properties.attributes.enabled (first version only).
    bicep: bicepKey('vault', ENABLED),
    managedHsm: {
      // azurerm v5.2.0 key_vault_managed_hardware_security_module_key: no enabled argument either.
      terraform: noEnabledArgument(`${AZURERM_HSM}_key`),
      bicep: bicepKey('managed-hsm', ENABLED)
    }
  }
}
