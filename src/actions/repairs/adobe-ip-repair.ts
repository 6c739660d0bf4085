import { ADOBE_MONITORING_IP } from '../../checks/vault-checks.js'
import { readVault } from '../../clients/azure/vault-reader.js'
import type { Services } from '../../clients/services.js'
import { toReadError } from '../../facts/read-error.js'
import type { Read, VaultFacts } from '../../model/facts.js'
import { allowAdobeIp, type AdobeIpOutcome } from '../allow-adobe-ip.js'
import { REPAIR_CHECK } from '../repair-outcome.js'
import type { RepairStep } from './repair-step.js'

const check = REPAIR_CHECK['adobe-ip']

/** adobe-ip: adds Adobe's address to the IP rules of the vault's firewall (vault.adobe-ip). */
export const adobeIpRepair: RepairStep<VaultFacts, AdobeIpOutcome> = {
  item: 'adobe-ip',
  target: facts => (facts.vault.ok ? facts.vault.value : undefined),
  write: (vault, { services }) => allowAdobeIp(services.keyVaultManagement, vault, services.signal),
  say(result, vault) {
    switch (result.kind) {
      case 'public-access-disabled':
        return {
          item: 'adobe-ip',
          check,
          result: 'not-possible',
          reason: `public network access is Disabled on vault ${vault.name}, so Azure ignores IP rules, and remediation never enables public access`
        }
      case 'added':
        return {
          item: 'adobe-ip',
          check,
          result: 'created',
          summary: `Added Adobe's address ${ADOBE_MONITORING_IP} to the IP rules of vault ${vault.name}, keeping every other rule and setting (IP rules now: ${result.ipRules.join(', ')})`,
          ids: { vaultId: vault.id, ipRule: ADOBE_MONITORING_IP }
        }
      case 'already-allowed':
        return {
          item: 'adobe-ip',
          check,
          result: 'already-present',
          summary: `vault ${vault.name} already allows ${ADOBE_MONITORING_IP} through IP rule ${result.rule}`
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
  readBack: (result, vault, { services }) =>
    result.kind === 'public-access-disabled'
      ? undefined
      : readVaultAgain(services, vault).then(read => ({ vault: read })),
  failure: () => ({ call: 'ARM update vault firewall' })
}

/** The vault read again where it was found: its own resource group, its own type. */
async function readVaultAgain(services: Services, vault: VaultFacts): Promise<Read<VaultFacts>> {
  const { settings, signal } = services
  const resourceGroup = /\/resourceGroups\/([^/]+)\//i.exec(vault.id)?.[1] ?? settings.resourceGroup
  try {
    return {
      ok: true,
      value: await readVault(
        services,
        { name: settings.keyVaultName, type: vault.kind, resourceGroup },
        signal
      )
    }
  } catch (error) {
    return { ok: false, error: toReadError('ARM GET vault', error) }
  }
}
