import type { CheckDefinition } from '../check-definition.js'
import { keySizeFinding } from '../key-checks.js'

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
    az: 'Create a new version with a larger modulus: `az keyvault key create --vault-name <vault> --name <key> --kty RSA --size <min-key-size> --ops wrapKey unwrapKey` (`RSA-HSM` for an HSM key).'
  }
}
