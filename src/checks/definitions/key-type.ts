import type { CheckDefinition } from '../check-definition.js'
import { keyTypeFinding } from '../key-checks.js'

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
    az: "A key's type cannot change: create an RSA version (`az keyvault key create … --kty RSA --size <min-key-size> --ops wrapKey unwrapKey`) or use another `key-name`."
  }
}
