import type { CheckDefinition } from '../check-definition.js'
import { keyTypeFinding } from '../key-checks.js'
import { bicepKey, terraformKey } from './code-forms.js'
import { DATA_PLANE_DOC } from '../key-commands.js'

const REPLACES = [
  'key_type forces replacement: changed alone, it makes Terraform delete the key Adobe uses.',
  'Add the new version with the az command first (azurerm reads the latest version), then',
  'match it here so that the plan shows no change.'
]

export const keyType: CheckDefinition<'key.type'> = {
  id: 'key.type',
  needs: ['key.found'],
  evaluation: { over: 'key', evaluate: keyTypeFinding },
  rule: {
    short: 'The key is an RSA key',
    full: 'Adobe wraps data keys with RSA keys (RSA or RSA-HSM); with require-hsm the key must be HSM-backed.',
    help: 'Create an RSA key (RSA-HSM when HSM-backed keys are required) and point key-name at it.',
    securitySeverity: 7.5
  },
  nextStep: 'use an RSA key',
  docs: {
    checks: 'The key type.',
    why: 'Adobe needs an RSA key (RSA or RSA-HSM) to wrap and unwrap its data keys.',
    failsWhen: 'The type is not `RSA` or `RSA-HSM`.'
  },
  fix: {
    az: `A key's type cannot change: create an RSA version (\`az keyvault key create … --kty RSA --size <min-key-size> --ops wrapKey unwrapKey\`) or use another \`key-name\`. In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > New Version. ${DATA_PLANE_DOC}`,
    // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: key_type, ForceNew
    // in both schemas; Bicep reference vaults/keys, managedHSMs/keys 2025-05-01: properties.kty.
    terraform: terraformKey(
      'vault',
      ['key_type = "RSA-HSM" # or "RSA" without require-hsm'],
      REPLACES
    ),
    bicep: bicepKey('vault', ["kty: 'RSA-HSM' // or 'RSA' without require-hsm"]),
    managedHsm: {
      terraform: terraformKey('managed-hsm', ['key_type = "RSA-HSM"'], REPLACES),
      bicep: bicepKey('managed-hsm', ["kty: 'RSA-HSM'"])
    }
  }
}
