import type { CheckDefinition } from '../check-definition.js'
import { keyOperationsFinding } from '../key-checks.js'
import { bicepKey, terraformKey } from './code-forms.js'
import { DATA_PLANE_DOC } from '../key-commands.js'

const KEY_OPTS = ['key_opts = ["wrapKey", "unwrapKey"] # and the key\'s other operations']
const KEY_OPS = ['keyOps: [', "  'wrapKey'", "  'unwrapKey' // and the key's other operations", ']']

export const keyOperations: CheckDefinition<'key.operations'> = {
  id: 'key.operations',
  needs: ['key.found'],
  evaluation: { over: 'key', evaluate: keyOperationsFinding },
  rule: {
    short: 'The key permits wrapKey and unwrapKey',
    full: 'Adobe wraps and unwraps data keys with this key; without both operations encryption fails.',
    help: 'Allow the operations: az keyvault key set-attributes --vault-name <vault> --name <key> --ops wrapKey unwrapKey.',
    securitySeverity: 9.1
  },
  nextStep: 'allow wrapKey and unwrapKey on the key',
  docs: {
    checks: 'The permitted operations.',
    why: "The CMK app wraps and unwraps Adobe's data keys; without those operations it cannot.",
    failsWhen: '`wrapKey` or `unwrapKey` is missing.'
  },
  adobeAlert: 'key-access-disabled',
  fix: {
    az: `\`az keyvault key set-attributes --vault-name <vault> --name <key> --ops <current ops> wrapKey unwrapKey\` (Managed HSM: \`--hsm-name <hsm>\`), or in the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > its current version: tick wrapKey and unwrapKey under Permitted operations, then Save. ${DATA_PLANE_DOC}`,
    // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: key_opts (updated in
    // place); Bicep reference vaults/keys and managedHSMs/keys 2025-05-01: properties.keyOps.
    terraform: terraformKey('vault', KEY_OPTS),
    bicep: bicepKey('vault', KEY_OPS),
    managedHsm: {
      terraform: terraformKey('managed-hsm', KEY_OPTS),
      bicep: bicepKey('managed-hsm', KEY_OPS)
    }
  }
}
