import type { Read, VaultFacts } from '../model/facts.js'
import type { CheckId, Finding } from '../model/finding.js'
import { describeReadError, readErrorEvidence } from './read-error.js'

/** "Vault kv-a" or "Managed HSM hsm-a", as the vault.audit-log and vault.delete-lock details start. */
export function vaultNamed(vault: VaultFacts): string {
  return vault.kind === 'managed-hsm' ? `Managed HSM ${vault.name}` : `Vault ${vault.name}`
}

/**
 * A vault-protection check whose ARM listing could not be read: a warning that says what is not
 * known, and names the permission when the read was refused. Absent facts (not read at all) never
 * come from a run in which the vault was found; they still give a warning, not a crash.
 */
export function unreadProtectionFinding(
  id: CheckId,
  vault: VaultFacts,
  read: Extract<Read<unknown>, { ok: false }> | undefined,
  text: { listing: string; unknown: string; permission: string; command: string }
): Finding {
  const why = read ? describeReadError(read.error) : 'they were not read'
  return {
    id,
    outcome: 'warn',
    detail: `${vaultNamed(vault)}: its ${text.listing} could not be read (${why}), so ${text.unknown} is not known.`,
    fix:
      read?.error.kind === 'forbidden'
        ? `Grant the action's Azure identity ${text.permission} on the vault (the Reader role has it), or check by hand: \`${text.command}\`.`
        : `Re-run the job; to check by hand: \`${text.command}\`.`,
    evidence: read ? readErrorEvidence(read.error) : undefined
  }
}
