import type { CheckDefinition } from '../check-definition.js'
import { configKeyFinding } from '../config-checks.js'

export const configKey: CheckDefinition<'config.key'> = {
  id: 'config.key',
  needs: ['adobe.sign-in'],
  evaluation: {
    over: 'facts',
    evaluate: (facts, ctx) => configKeyFinding(facts.config, facts.vault, ctx.keyName)
  },
  rule: {
    short: 'The Adobe configuration uses this vault and key',
    full: 'The configuration Adobe holds must name the vault and key this workflow guards.',
    help: 'Point key-vault-name and key-name at the configured vault and key, or set config-name to the configuration of this key.',
    securitySeverity: 8.0
  },
  nextStep: 'point the action at the configured vault and key',
  docs: {
    checks:
      'Whether an existing configuration points at this vault and key. It compares the vault host and the key name, case-insensitively, and ignores the key version (Adobe stores the vault and key name, not the version).',
    why: 'Adobe keeps one vault and key per configuration: a configuration pointing elsewhere means Adobe is not using the key you check.',
    failsWhen: 'The configuration points at another vault or key.',
    warnsWhen: 'The configuration could not be read, or it names no vault or key.'
  },
  fix: {
    az: 'Set `key-vault-name` and `key-name` to the configured vault and key, or set `config-name` to a new configuration name: Adobe keeps one vault and key per configuration. Check the configuration in the Experience Platform UI (Encryption > Customer Managed Keys).'
  }
}
