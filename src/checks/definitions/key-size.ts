import type { CheckDefinition } from '../check-definition.js'
import { keySizeFinding } from '../key-checks.js'
import { bicepKey, terraformKey } from './code-forms.js'
import { DATA_PLANE_DOC } from '../key-commands.js'

const KEY_SIZE = ['key_size = 3072 # at least min-key-size']
const REPLACES = [
  'key_size forces replacement: changed alone, it makes Terraform delete the key Adobe uses.',
  'Add the new version with the az command first (azurerm reads the latest version), then',
  'match it here so that the plan shows no change.'
]

export const keySize: CheckDefinition<'key.size'> = {
  id: 'key.size',
  needs: ['key.found'],
  evaluation: { over: 'key', evaluate: keySizeFinding },
  rule: {
    short: 'The RSA key is large enough',
    full: 'The RSA modulus must be at least min-key-size bits.',
    help: 'Create a new key of at least min-key-size bits and point key-name at it.',
    securitySeverity: 7.0
  },
  nextStep: 'use a larger RSA key',
  docs: {
    checks: 'The RSA modulus length.',
    why: 'Adobe and most security baselines want at least 3072-bit RSA keys.',
    failsWhen: 'The modulus is smaller than `min-key-size`, or the key has none.',
    warnsWhen: 'ARM answers a `keySize` no RSA key has (not a whole number, or over 16384 bits).'
  },
  fix: {
    az: `Create a new version with a larger modulus: \`az keyvault key create --vault-name <vault> --name <key> --kty RSA --size <min-key-size> --ops wrapKey unwrapKey\` (\`RSA-HSM\` for an HSM key). In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > New Version. ${DATA_PLANE_DOC}`,
    // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: key_size, ForceNew
    // in both schemas; Bicep reference vaults/keys, managedHSMs/keys 2025-05-01: properties.keySize.
    terraform: terraformKey('vault', KEY_SIZE, REPLACES),
    bicep: bicepKey('vault', ['keySize: 3072 // at least min-key-size']),
    managedHsm: {
      terraform: terraformKey('managed-hsm', KEY_SIZE, REPLACES),
      bicep: bicepKey('managed-hsm', ['keySize: 3072 // at least min-key-size'])
    }
  }
}
