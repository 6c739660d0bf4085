import type { CheckDefinition } from '../check-definition.js'
import { keyOperationsFinding } from '../key-checks.js'

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
  fix: {
    az: '`az keyvault key set-attributes --vault-name <vault> --name <key> --ops <current ops> wrapKey unwrapKey`.'
  }
}
