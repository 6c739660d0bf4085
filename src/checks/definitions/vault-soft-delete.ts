import type { CheckDefinition } from '../check-definition.js'
import { softDeleteFinding } from '../vault-checks.js'

export const vaultSoftDelete: CheckDefinition<'vault.soft-delete'> = {
  id: 'vault.soft-delete',
  needs: ['vault.found'],
  evaluation: { over: 'vault', evaluate: softDeleteFinding },
  rule: {
    short: 'Soft delete is enabled on the vault',
    full: 'Without soft delete a deleted key is gone at once and the data encrypted with it cannot be recovered.',
    help: 'Enable soft delete: az keyvault update --name <vault> --enable-soft-delete true.',
    securitySeverity: 8.0
  },
  nextStep: 'enable soft delete on the vault',
  docs: {
    checks: '`enableSoftDelete`.',
    why: 'Without soft delete, a deleted key is gone at once, and with it every byte Adobe encrypted under it.',
    failsWhen: 'Soft delete is disabled.'
  },
  fix: { az: '`az keyvault update --subscription <sub> --name <vault> --enable-soft-delete true`.' }
}
