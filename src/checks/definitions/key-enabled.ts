import type { CheckDefinition } from '../check-definition.js'
import { keyEnabledFinding } from '../key-checks.js'

export const keyEnabled: CheckDefinition<'key.enabled'> = {
  id: 'key.enabled',
  needs: ['key.found'],
  evaluation: { over: 'key', evaluate: keyEnabledFinding },
  rule: {
    short: 'The key is enabled',
    full: 'Adobe treats a disabled key as deliberate revocation and purges the org data per its SLA.',
    help: 'Enable the key: az keyvault key set-attributes --vault-name <vault> --name <key> --enabled true.',
    securitySeverity: 9.5
  },
  nextStep: 'enable the key',
  docs: {
    checks: "The latest version's `enabled` attribute.",
    why: 'A disabled key is treated as deliberate revocation: Adobe purges the data per its SLA.',
    failsWhen: 'The key is disabled.'
  },
  fix: { az: '`az keyvault key set-attributes --vault-name <vault> --name <key> --enabled true`.' }
}
