import type { CheckId, Finding } from '../model/finding.js'
import type { RunResult } from './run-result.js'

/** The one thing to do about a failed check, short enough for the summary's first line. */
const NEXT_STEPS: Partial<Record<CheckId, string>> = {
  'azure.sign-in': 'fix how the action signs in to Azure',
  'adobe.sign-in': 'fix the Adobe credential',
  'vault.found': 'point the action at the vault',
  'vault.soft-delete': 'enable soft delete on the vault',
  'vault.purge-protection': 'enable purge protection on the vault',
  'vault.rbac': 'switch the vault to Azure RBAC',
  'vault.network': 'let trusted Azure services through the vault firewall',
  'vault.adobe-ip': "allow Adobe's address through the vault firewall",
  'key.found': 'make the key readable',
  'key.enabled': 'enable the key',
  'key.type': 'use an RSA key',
  'key.size': 'use a larger RSA key',
  'key.operations': 'allow wrapKey and unwrapKey on the key',
  'key.active': "fix the key's activation or expiry date",
  'key.expiry': "extend the key's expiry date or rotate the key",
  'app.registered': 'register the CMK app with setup',
  'app.consented': 'have an administrator grant consent to the CMK app',
  'app.role': 'assign the CMK app its role on the vault',
  'config.status': 'look at the configuration status',
  'config.key': 'point the action at the configured vault and key'
}

/** The verdict's second half: what to do next, or that nothing is left to do. */
export function nextStep(r: RunResult, firstFailure: Finding | undefined): string {
  if (r.result === 'pass') {
    if (r.status === 'COMPLETED') return 'customer-managed keys are active; nothing to do'
    if (r.mode === 'validate') return 'setup can go ahead'
    return 'nothing to do'
  }
  if (r.error !== undefined && !firstFailure) return 'fix the error below, then re-run'
  if (!firstFailure) return 'see below'
  const step = NEXT_STEPS[firstFailure.id] ?? `fix ${firstFailure.id}`
  return `${step} (\`${firstFailure.id}\`), then re-run`
}
