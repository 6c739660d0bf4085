import type { CheckDefinition } from '../check-definition.js'
import { keyActiveFinding } from '../key-checks.js'

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
  fix: {
    az: 'Not active yet: wait, or `az keyvault key set-attributes … --not-before <now>`. Expired: `az keyvault key set-attributes … --expires <date>`, or rotate the key.'
  }
}
