import { ADOBE_MONITORING_IP } from '../../checks/vault-checks.js'
import { ipv4RuleAllows } from '../../checks/ipv4.js'
import { readVault, type VaultLookup } from '../../clients/azure/vault-reader.js'
import type { Services } from '../../clients/services.js'
import { toReadError } from '../../facts/read-error.js'
import { errorMessage } from '../../safety/error-message.js'
import type { Read, VaultFacts } from '../../model/facts.js'
import type { RepairOutcome } from '../../model/repair-outcome.js'
import { allowAdobeIp, type AdobeIpOutcome } from '../allow-adobe-ip.js'
import { describeChanges, firewallChanges } from '../firewall-changes.js'
import { REPAIR_CHECK } from '../../checks/repairs.js'
import type { RepairStep } from './repair-step.js'

const check = REPAIR_CHECK['adobe-ip']
export const READ_BACK_CALL = 'ARM GET vault (read back after the firewall write)'

interface Result {
  firewall: AdobeIpOutcome | { kind: 'hsm-firewall-unavailable'; answer: string }
  /** The vault read again right after the write; absent when nothing was written or found. */
  after?: Read<VaultFacts> | undefined
}

/** adobe-ip: adds Adobe's address to the IP rules of the vault's firewall (vault.adobe-ip). */
export const adobeIpRepair: RepairStep<VaultFacts, Result> = {
  item: 'adobe-ip',
  target: facts => (facts.vault.ok ? facts.vault.value : undefined),
  async write(vault, { services, target }) {
    let firewall
    try {
      firewall = await allowAdobeIp(services.keyVaultManagement, vault, services.signal)
    } catch (error) {
      const refusal = hsmFirewallRefusal(vault, error)
      if (refusal === undefined) throw error
      return { firewall: { kind: 'hsm-firewall-unavailable', answer: refusal } }
    }
    if (firewall.kind === 'public-access-disabled') return { firewall }
    // ARM offers no If-Match here (see allowAdobeIp): read again at once, to see what changed.
    return { firewall, after: await readVaultAgain(services, vault, target.vault) }
  },
  say: ({ firewall, after }, vault) => {
    switch (firewall.kind) {
      case 'public-access-disabled':
        return {
          item: 'adobe-ip',
          check,
          result: 'not-possible',
          reason: `public network access is Disabled on vault ${vault.name}, so Azure ignores IP rules, and remediation never enables public access`
        }
      case 'hsm-firewall-unavailable':
        return {
          item: 'adobe-ip',
          check,
          result: 'not-possible',
          reason: `ARM refused the IP rule on Managed HSM ${vault.name} (${firewall.answer}): the Managed HSM IP network firewall is a preview that the subscription must have enabled through an Azure support ticket, and it holds at most 10 ranges; ask for it, or allow public access from all networks`
        }
      case 'added':
        return added(firewall, after, vault)
      case 'already-allowed':
        return {
          item: 'adobe-ip',
          check,
          result: 'already-present',
          summary: `vault ${vault.name} already allows ${ADOBE_MONITORING_IP} through IP rule ${firewall.rule}`
        }
      case 'not-needed':
        return {
          item: 'adobe-ip',
          check,
          result: 'already-present',
          summary: `the firewall of vault ${vault.name} no longer denies by default`
        }
    }
  },
  readBack: ({ after }) => after && Promise.resolve({ vault: after }),
  failure: () => ({ call: 'ARM update vault firewall' })
}

/**
 * The address was written; what the firewall holds right after says whether another change
 * raced the write. Changes by others are reported and left as they are: putting back a rule that
 * is gone would undo someone's removal, and one that this write itself dropped (a change that
 * landed between its read and its write) cannot be seen afterwards.
 */
function added(
  firewall: Extract<AdobeIpOutcome, { kind: 'added' }>,
  after: Read<VaultFacts> | undefined,
  vault: VaultFacts
): RepairOutcome {
  const now = after?.ok ? (after.value.networkAcls?.ipRules ?? []) : undefined
  const changes = now && describeChanges(firewallChanges(firewall.sent, now))
  if (now && !now.some(rule => ipv4RuleAllows(rule, ADOBE_MONITORING_IP)))
    return {
      item: 'adobe-ip',
      check,
      result: 'failed',
      call: READ_BACK_CALL,
      message: `Adobe's address ${ADOBE_MONITORING_IP} was added to the IP rules of vault ${vault.name}, but they changed right after the write, by another change: ${changes}. Setup does not write them again in this run; re-run it to add the address to the rules as they are now.`
    }
  const unchecked =
    after && !after.ok
      ? `; whether another change raced this write could not be checked: ${after.error.call} failed`
      : ''
  return {
    item: 'adobe-ip',
    check,
    result: 'created',
    summary:
      `Added Adobe's address ${ADOBE_MONITORING_IP} to the IP rules of vault ${vault.name}, keeping every other rule and setting (IP rules now: ${(now ?? firewall.ipRules).join(', ')})` +
      (changes
        ? `; the IP rules changed right after this write, by another change, and were left as they are: ${changes}`
        : unchecked),
    ids: { vaultId: vault.id, ipRule: ADOBE_MONITORING_IP }
  }
}

/**
 * ARM's answer when it refused a Managed HSM's IP rule for a reason other than permission: the
 * preview firewall not enabled for the subscription, or more than 10 ranges. The docs do not say
 * what ARM answers then, so any 400 or 409 on a Managed HSM counts; 401 and 403 stay a missing
 * permission (the runner reports them as refused, naming it).
 */
function hsmFirewallRefusal(vault: VaultFacts, error: unknown): string | undefined {
  if (vault.kind !== 'managed-hsm') return undefined
  const status = (error as { statusCode?: unknown }).statusCode
  if (status !== 400 && status !== 409) return undefined
  return `HTTP ${status}: ${errorMessage(error)}`
}

/** The vault read again where it was found: its own resource group, its own type. */
async function readVaultAgain(
  services: Services,
  vault: VaultFacts,
  lookup: VaultLookup
): Promise<Read<VaultFacts>> {
  const resourceGroup = /\/resourceGroups\/([^/]+)\//i.exec(vault.id)?.[1] ?? lookup.resourceGroup
  try {
    return {
      ok: true,
      value: await readVault(
        services,
        { name: lookup.name, type: vault.kind, resourceGroup },
        services.signal
      )
    }
  } catch (error) {
    return { ok: false, error: toReadError('ARM GET vault', error) }
  }
}
