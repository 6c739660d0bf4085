import type { CheckDefinition } from '../check-definition.js'
import { keyExpiryFinding } from '../key-checks.js'

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
    az: 'Extend the expiry date with `az keyvault key set-attributes --vault-name <vault> --name <key> --expires <date>` (the suggested date is a year away, or longer if `min-key-validity-days` needs it), or rotate the key.'
  }
}
