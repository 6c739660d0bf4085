import type { KeyVaultManagementClient, NetworkRuleSet } from '@azure/arm-keyvault'
import { ADOBE_MONITORING_IP } from '../checks/vault-checks.js'
import { ipv4RuleAllows } from '../checks/ipv4.js'
import { ServiceError } from '../clients/http/service-error.js'

export type AdobeIpOutcome =
  | { kind: 'added'; ipRules: string[] }
  /** A rule already allows the address (added meanwhile); nothing was written. */
  | { kind: 'already-allowed'; rule: string }
  /** Azure ignores IP rules while public network access is Disabled; nothing was written. */
  | { kind: 'public-access-disabled' }
  /** The firewall does not deny by default, so no rule is needed; nothing was written. */
  | { kind: 'not-needed' }

/**
 * Adds Adobe's monitoring address to the vault's firewall: reads the vault afresh, then writes
 * its networkAcls back with one more IP rule, every other rule and setting as read (a PATCH
 * replaces networkAcls as a whole, so sending only the new rule would drop the others). Public
 * network access is never changed: enabling it would widen access, which remediation never does.
 */
export async function allowAdobeIp(
  client: KeyVaultManagementClient,
  vaultId: string,
  abortSignal: AbortSignal
): Promise<AdobeIpOutcome> {
  const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i.exec(
    vaultId
  )
  if (!m) throw new ServiceError('ARM PATCH vault', undefined, `not a vault id: ${vaultId}`)
  const [, resourceGroup, vaultName] = m as unknown as [string, string, string]
  const vault = await client.vaults.get(resourceGroup, vaultName, { abortSignal })
  const properties = vault.properties
  if (properties?.publicNetworkAccess?.toLowerCase() === 'disabled')
    return { kind: 'public-access-disabled' }
  const acls: NetworkRuleSet | undefined = properties?.networkAcls
  if (acls?.defaultAction?.toLowerCase() !== 'deny') return { kind: 'not-needed' }
  const rules = acls.ipRules ?? []
  const allowing = rules.find(rule => ipv4RuleAllows(rule.value, ADOBE_MONITORING_IP))
  if (allowing) return { kind: 'already-allowed', rule: allowing.value }
  const updated = await client.vaults.update(
    resourceGroup,
    vaultName,
    {
      properties: { networkAcls: { ...acls, ipRules: [...rules, { value: ADOBE_MONITORING_IP }] } }
    },
    { abortSignal }
  )
  return {
    kind: 'added',
    ipRules: (updated.properties?.networkAcls?.ipRules ?? []).map(rule => rule.value)
  }
}
