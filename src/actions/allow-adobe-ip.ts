import type { KeyVaultManagementClient } from '@azure/arm-keyvault'
import { ADOBE_MONITORING_IP } from '../checks/vault-checks.js'
import { ipv4RuleAllows } from '../checks/ipv4.js'
import { ServiceError } from '../clients/http/service-error.js'
import type { VaultType } from '../model/choices.js'

export type AdobeIpOutcome =
  /** `sent`: the IP rules written; `ipRules`: those the write's answer shows. */
  | { kind: 'added'; ipRules: string[]; sent: string[] }
  /** A rule already allows the address (added meanwhile); nothing was written. */
  | { kind: 'already-allowed'; rule: string }
  /** Azure ignores IP rules while public network access is Disabled; nothing was written. */
  | { kind: 'public-access-disabled' }
  /** The firewall does not deny by default, so no rule is needed; nothing was written. */
  | { kind: 'not-needed' }

/** The network settings both resource types share, as read. */
interface NetworkSettings {
  publicNetworkAccess?: string | undefined
  networkAcls?:
    { defaultAction?: string | undefined; ipRules?: Array<{ value: string }> } | undefined
}

/**
 * Adds Adobe's monitoring address to the firewall of a Key Vault (`vaults.update`) or a Managed
 * HSM (`managedHsms.update`): reads the resource afresh, then writes its networkAcls back with one
 * more IP rule, every other rule and setting as read (a PATCH replaces networkAcls as a whole, so
 * sending only the new rule would drop the others). Public network access is never changed:
 * enabling it would widen access, which remediation never does.
 *
 * The read and the write cannot be made one: neither resource carries an ETag and neither update
 * takes If-Match (azure-rest-api-specs, Microsoft.KeyVault Vault.tsp and ManagedHsm.tsp;
 * `@azure/arm-keyvault` 5 has no ifMatch option), so a change someone makes between them is
 * overwritten. The caller reads the firewall again right after and reports what changed.
 */
export async function allowAdobeIp(
  client: KeyVaultManagementClient,
  vault: { id: string; kind: VaultType },
  abortSignal: AbortSignal
): Promise<AdobeIpOutcome> {
  const m =
    /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/(?:vaults|managedHSMs)\/([^/]+)$/i.exec(
      vault.id
    )
  if (!m)
    throw new ServiceError('ARM update vault firewall', undefined, `not a vault id: ${vault.id}`)
  const [, resourceGroup, name] = m as unknown as [string, string, string]
  const options = { abortSignal }
  if (vault.kind === 'managed-hsm') {
    const hsm = await client.managedHsms.get(resourceGroup, name, options)
    return addRule(hsm.properties, async networkAcls => {
      const updated = await client.managedHsms.update(
        resourceGroup,
        name,
        { properties: { networkAcls } },
        options
      )
      return updated.properties?.networkAcls?.ipRules
    })
  }
  const read = await client.vaults.get(resourceGroup, name, options)
  return addRule(read.properties, async networkAcls => {
    const updated = await client.vaults.update(
      resourceGroup,
      name,
      { properties: { networkAcls } },
      options
    )
    return updated.properties?.networkAcls?.ipRules
  })
}

/** Decides from the settings as read, and writes them back with the address added when needed. */
async function addRule<Acls extends NonNullable<NetworkSettings['networkAcls']>>(
  settings:
    { publicNetworkAccess?: string | undefined; networkAcls?: Acls | undefined } | undefined,
  write: (networkAcls: Acls) => Promise<Array<{ value: string }> | undefined>
): Promise<AdobeIpOutcome> {
  if (settings?.publicNetworkAccess?.toLowerCase() === 'disabled')
    return { kind: 'public-access-disabled' }
  const acls = settings?.networkAcls
  if (!acls || acls.defaultAction?.toLowerCase() !== 'deny') return { kind: 'not-needed' }
  const rules = acls.ipRules ?? []
  const allowing = rules.find(rule => ipv4RuleAllows(rule.value, ADOBE_MONITORING_IP))
  if (allowing) return { kind: 'already-allowed', rule: allowing.value }
  const sent = [...rules, { value: ADOBE_MONITORING_IP }]
  const ipRules = await write({ ...acls, ipRules: sent })
  return {
    kind: 'added',
    ipRules: (ipRules ?? []).map(rule => rule.value),
    sent: sent.map(rule => rule.value)
  }
}
