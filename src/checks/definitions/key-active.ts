import type { CheckDefinition } from '../check-definition.js'
import { keyActiveFinding } from '../key-checks.js'
import { bicepKey, terraformKey } from './code-forms.js'
import { DATA_PLANE_DOC } from '../key-commands.js'

const DATES_TERRAFORM = [
  'not_before_date = "<a date in the past, e.g. 2025-01-01T00:00:00Z>"',
  'expiration_date = "<a date a year away, e.g. 2027-01-01T00:00:00Z>" # never remove it: that forces a new key'
]
const DATES_BICEP = [
  'attributes: {',
  "  nbf: dateTimeToEpoch('<a date in the past, e.g. 2025-01-01T00:00:00Z>')",
  "  exp: dateTimeToEpoch('<a date a year away, e.g. 2027-01-01T00:00:00Z>')",
  '}'
]

export const keyActive: CheckDefinition<'key.active'> = {
  id: 'key.active',
  needs: ['key.found'],
  evaluation: { over: 'key', evaluate: keyActiveFinding },
  rule: {
    short: 'The key is active (not before its activation date, not expired)',
    full: 'An expired or not yet active key cannot be used; Adobe treats an expired key as revoked.',
    help: 'Set a valid activation and expiry date, or rotate to a new key version.',
    securitySeverity: 9.5
  },
  nextStep: "fix the key's activation or expiry date",
  docs: {
    checks: 'Activation (`nbf`) and expiry (`exp`) dates.',
    why: 'A key that is not yet active or already expired cannot be used: Adobe treats an expired key as revoked.',
    failsWhen: 'The activation date is in the future, or the expiry date has passed.',
    warnsWhen:
      'ARM answers an activation or expiry date no key can have (outside the years 1 to 9999, e.g. an `exp` of 1e13 seconds); the detail quotes it.'
  },
  adobeAlert: 'key-access-disabled',
  fix: {
    az: `Not active yet: wait, or \`az keyvault key set-attributes … --not-before <now>\`. Expired: \`az keyvault key set-attributes … --expires <date>\`, or rotate the key. In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > its current version: Set activation date or Set expiration date, then Save. ${DATA_PLANE_DOC}`,
    // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: not_before_date,
    // expiration_date (RFC 3339, updated in place; removing expiration_date forces a new key).
    // Bicep reference vaults/keys, managedHSMs/keys 2025-05-01: attributes.nbf, attributes.exp
    // (seconds since 1970; dateTimeToEpoch converts).
    terraform: terraformKey('vault', DATES_TERRAFORM),
    bicep: bicepKey('vault', DATES_BICEP),
    managedHsm: {
      terraform: terraformKey('managed-hsm', DATES_TERRAFORM),
      bicep: bicepKey('managed-hsm', DATES_BICEP)
    }
  }
}
