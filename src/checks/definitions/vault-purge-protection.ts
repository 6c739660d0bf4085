import type { CheckDefinition } from '../check-definition.js'
import { purgeProtectionFinding } from '../vault-checks.js'

export const vaultPurgeProtection: CheckDefinition<'vault.purge-protection'> = {
  id: 'vault.purge-protection',
  needs: ['vault.found'],
  evaluation: { over: 'vault', evaluate: purgeProtectionFinding },
  rule: {
    short: 'Purge protection is enabled on the vault',
    full: 'Adobe requires purge protection so that a deleted key can be recovered during the retention period.',
    help: 'Enable purge protection (irreversible): az keyvault update --name <vault> --enable-purge-protection true.',
    securitySeverity: 8.0
  },
  nextStep: 'enable purge protection on the vault',
  docs: {
    checks: '`enablePurgeProtection` (absent counts as off).',
    why: 'Adobe requires purge protection: without it a deleted key can be purged before the retention period ends, which Adobe treats as revocation, and the data is lost for good.',
    failsWhen: 'Purge protection is not enabled.'
  },
  fix: {
    az: '`az keyvault update --subscription <sub> --name <vault> --enable-purge-protection true`. It cannot be turned off again.'
  }
}
