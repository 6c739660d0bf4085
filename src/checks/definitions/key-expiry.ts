import type { CheckDefinition } from '../check-definition.js'
import { keyExpiryFinding } from '../key-checks.js'
import { bicepKey, terraformKey } from './code-forms.js'
import { DATA_PLANE_DOC } from '../key-commands.js'

const EXPIRY_TERRAFORM = [
  'expiration_date = "<a date a year away, e.g. 2027-01-01T00:00:00Z>" # and a rotation_policy (key.rotation)'
]
const EXPIRY_BICEP = [
  'attributes: {',
  "  exp: dateTimeToEpoch('<a date a year away, e.g. 2027-01-01T00:00:00Z>')",
  '}'
]

export const keyExpiry: CheckDefinition<'key.expiry'> = {
  id: 'key.expiry',
  needs: ['key.found'],
  evaluation: { over: 'key', evaluate: keyExpiryFinding },
  rule: {
    short: 'The key does not expire soon',
    full: 'A key that expires within min-key-validity-days will soon be treated as revoked by Adobe.',
    help: 'Extend the expiry date or rotate the key, and add a rotation policy that rotates before expiry.',
    securitySeverity: 8.5
  },
  nextStep: "extend the key's expiry date or rotate the key",
  docs: {
    checks: 'Time left until the expiry date (a key without one passes).',
    why: 'An expired key is revocation. This check fails while there is still time to extend the date or rotate.',
    failsWhen: 'The key expires within `min-key-validity-days`.',
    warnsWhen:
      'ARM answers an expiry date no key can have (outside the years 1 to 9999, e.g. an `exp` of 1e13 seconds); the detail quotes it.'
  },
  fix: {
    az: `Extend the expiry date with \`az keyvault key set-attributes --vault-name <vault> --name <key> --expires <date>\` (the suggested date is a year away, or longer if \`min-key-validity-days\` needs it), or rotate the key. In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > its current version: Set expiration date, then Save. ${DATA_PLANE_DOC}`,
    // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: expiration_date
    // (updated in place when moved later); Bicep reference vaults/keys, managedHSMs/keys
    // 2025-05-01: attributes.exp (seconds since 1970).
    terraform: terraformKey('vault', EXPIRY_TERRAFORM),
    bicep: bicepKey('vault', EXPIRY_BICEP),
    managedHsm: {
      terraform: terraformKey('managed-hsm', EXPIRY_TERRAFORM),
      bicep: bicepKey('managed-hsm', EXPIRY_BICEP)
    }
  }
}
