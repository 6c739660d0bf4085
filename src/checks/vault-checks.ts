import type { Read, VaultFacts } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import { firewallDeniesByDefault, publicAccessDisabled } from './data-plane-reach.js'
import { ipv4RuleAllows } from './ipv4.js'
import { describeReadError, readErrorEvidence } from './read-error.js'

/** Adobe's documented monitoring address; it must reach vaults whose firewall restricts access. */
export const ADOBE_MONITORING_IP = '20.88.123.53'

/** Adobe's CMK alert resolution reference: a blocked address is a "Key access failure", not a revocation. */
const BLOCKED_ADDRESS_ALERT =
  'Adobe raises a "Key access failure" alert: a recoverable error, no data is purged, but Platform cannot use the key until the address is allowed.'

export interface VaultCheckContext {
  keyVaultName: string
  subscriptionId: string
  resourceGroup?: string | undefined
}

/** `az keyvault update` for a Key Vault, `az keyvault update-hsm` for a Managed HSM. */
function azKeyvaultUpdate(ctx: VaultCheckContext, args: string, vault?: VaultFacts): string {
  if (vault?.kind === 'managed-hsm')
    return `\`az keyvault update-hsm --subscription ${ctx.subscriptionId} --hsm-name ${ctx.keyVaultName} ${args}\``
  return `\`az keyvault update --subscription ${ctx.subscriptionId} --name ${ctx.keyVaultName} ${args}\``
}

/**
 * Adds an IP rule: `az keyvault network-rule add` takes `--name` for a Key Vault and `--hsm-name`
 * for a Managed HSM (the two are mutually exclusive, Azure CLI reference).
 */
function azAddIpRule(ctx: VaultCheckContext, vault: VaultFacts, ip: string): string {
  const which = vault.kind === 'managed-hsm' ? '--hsm-name' : '--name'
  return `\`az keyvault network-rule add ${which} ${ctx.keyVaultName} --ip-address ${ip} --subscription ${ctx.subscriptionId}\``
}

/** The most IP ranges a Managed HSM's firewall holds (Managed HSM network security docs). */
const HSM_IP_RULE_LIMIT = 10

/**
 * A Managed HSM lets Adobe in one of two ways (Managed HSM network security docs): public access
 * from all networks, or its IP network firewall, a preview that needs subscription enablement
 * through an Azure support ticket and holds at most 10 IPv4 ranges. Without either it is
 * reachable through private endpoints only, which Adobe cannot use.
 */
function hsmAdobeIpFix(ctx: VaultCheckContext, hsm: VaultFacts): string {
  const open = azKeyvaultUpdate(ctx, '--public-network-access Enabled --default-action Allow', hsm)
  const addRule = azAddIpRule(ctx, hsm, ADOBE_MONITORING_IP)
  const firewall = publicAccessDisabled(hsm)
    ? `${azKeyvaultUpdate(ctx, '--public-network-access Enabled --default-action Deny --bypass AzureServices', hsm)}, then ${addRule}`
    : addRule
  const ranges = hsm.networkAcls?.ipRules.length ?? 0
  const full =
    ranges >= HSM_IP_RULE_LIMIT
      ? ` Its firewall already holds ${ranges} ranges, the most it takes: replace one with Adobe's address.`
      : ''
  return `Either open Managed HSM ${hsm.name} to all networks: ${open}; or allow Adobe's address through its IP network firewall: ${firewall}. That firewall is a preview: it needs subscription enablement through an Azure support ticket (naming the subscription and region), and holds at most ${HSM_IP_RULE_LIMIT} IPv4 ranges.${full}`
}

/** "vault kv-x" or "Managed HSM mhsm-x", for details. */
function named(vault: VaultFacts): string {
  return vault.kind === 'managed-hsm' ? `Managed HSM ${vault.name}` : `vault ${vault.name}`
}

export function vaultFoundFinding(vault: Read<VaultFacts>, ctx: VaultCheckContext): Finding {
  if (vault.ok) {
    return {
      id: 'vault.found',
      outcome: 'pass',
      detail: `${vault.value.kind === 'managed-hsm' ? 'Managed HSM' : 'Vault'} ${vault.value.name} found (${vault.value.id}) at ${vault.value.vaultUri}.`,
      evidence: {
        kind: vault.value.kind,
        id: vault.value.id,
        vaultUri: vault.value.vaultUri,
        tenantId: vault.value.tenantId
      }
    }
  }
  const where = ctx.resourceGroup
    ? `resource group ${ctx.resourceGroup} of subscription ${ctx.subscriptionId}`
    : `subscription ${ctx.subscriptionId}`
  const fixes = {
    'not-found': `Check key-vault-name (${ctx.keyVaultName}), azure-subscription-id and azure-resource-group: no vault of that name was found in ${where}.`,
    forbidden: `Grant the action's Azure identity Microsoft.KeyVault/vaults/read (a Managed HSM: Microsoft.KeyVault/managedHSMs/read) on the vault, e.g. the Reader role on the vault or its resource group.`,
    error:
      'Re-run the job; if the error persists, check the Azure Resource Manager endpoint and service health.'
  }
  return {
    id: 'vault.found',
    outcome: 'fail',
    detail: `Vault ${ctx.keyVaultName} could not be read: ${describeReadError(vault.error)}.`,
    fix: fixes[vault.error.kind],
    evidence: readErrorEvidence(vault.error)
  }
}

export function softDeleteFinding(vault: VaultFacts, ctx: VaultCheckContext): Finding {
  const evidence = { enableSoftDelete: vault.enableSoftDelete }
  if (vault.kind === 'managed-hsm') {
    return {
      id: 'vault.soft-delete',
      outcome: 'pass',
      detail: `Soft delete is always on for Managed HSM ${vault.name} (it cannot be turned off), with ${vault.softDeleteRetentionInDays ?? 90} days of retention.`,
      evidence: { ...evidence, softDeleteRetentionInDays: vault.softDeleteRetentionInDays }
    }
  }
  if (vault.enableSoftDelete === false) {
    return {
      id: 'vault.soft-delete',
      outcome: 'fail',
      detail: `Soft delete is disabled on vault ${vault.name}.`,
      fix: `Enable soft delete: ${azKeyvaultUpdate(ctx, '--enable-soft-delete true')}.`,
      evidence
    }
  }
  const days = vault.softDeleteRetentionInDays ?? 90
  return {
    id: 'vault.soft-delete',
    outcome: 'pass',
    detail: `Soft delete is enabled on vault ${vault.name} with ${days} days of retention.`,
    evidence: { ...evidence, softDeleteRetentionInDays: vault.softDeleteRetentionInDays }
  }
}

export function purgeProtectionFinding(vault: VaultFacts, ctx: VaultCheckContext): Finding {
  const evidence = { enablePurgeProtection: vault.enablePurgeProtection }
  if (vault.enablePurgeProtection === true) {
    return {
      id: 'vault.purge-protection',
      outcome: 'pass',
      detail: `Purge protection is enabled on ${named(vault)}.`,
      evidence
    }
  }
  return {
    id: 'vault.purge-protection',
    outcome: 'fail',
    detail: `Purge protection is not enabled on ${named(vault)} (enablePurgeProtection is ${String(vault.enablePurgeProtection)}).`,
    fix: `Enable purge protection (it cannot be turned off again): ${azKeyvaultUpdate(ctx, '--enable-purge-protection true', vault)}.`,
    evidence
  }
}

export function rbacFinding(vault: VaultFacts, ctx: VaultCheckContext): Finding {
  if (vault.kind === 'managed-hsm') {
    return {
      id: 'vault.rbac',
      outcome: 'pass',
      detail: `Managed HSM ${vault.name} always authorises data-plane access with its local RBAC (it has no access policies); app.role reads its local role assignments.`,
      evidence: { kind: vault.kind, authorization: 'local RBAC' }
    }
  }
  const evidence = { enableRbacAuthorization: vault.enableRbacAuthorization }
  if (vault.enableRbacAuthorization === true) {
    return {
      id: 'vault.rbac',
      outcome: 'pass',
      detail: `Vault ${vault.name} uses Azure RBAC for data-plane access.`,
      evidence
    }
  }
  return {
    id: 'vault.rbac',
    outcome: 'fail',
    detail: `Vault ${vault.name} uses access policies instead of Azure RBAC (enableRbacAuthorization is ${String(vault.enableRbacAuthorization)}).`,
    fix: `Give every identity that uses the vault an equivalent Key Vault role first (access policies stop applying), then switch: ${azKeyvaultUpdate(ctx, '--enable-rbac-authorization true')}.`,
    evidence
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function networkEvidence(vault: VaultFacts): Record<string, unknown> {
  return {
    publicNetworkAccess: vault.publicNetworkAccess,
    defaultAction: vault.networkAcls?.defaultAction,
    bypass: vault.networkAcls?.bypass,
    ipRules: vault.networkAcls?.ipRules
  }
}

/*
 * Trusted-services bypass still applies when public network access is Disabled: the ARM property
 * reads "If set to 'disabled' all traffic except private endpoint traffic and that that originates
 * from trusted services will be blocked. This will override the set firewall rules" (Key Vault
 * VaultProperties.publicNetworkAccess, https://learn.microsoft.com/en-us/dotnet/api/azure.provisioning.keyvault.keyvaultproperties.publicnetworkaccess).
 * So Disabled is fine with bypass AzureServices, but IP rules are then not honoured (vault.adobe-ip).
 * The ARM docs say an unspecified bypass defaults to AzureServices; we still require the value
 * explicitly when access is restricted, since the check cannot tell a default from "None".
 */
export function networkFinding(vault: VaultFacts, ctx: VaultCheckContext): Finding {
  const disabled = publicAccessDisabled(vault)
  const deny = firewallDeniesByDefault(vault)
  const evidence = networkEvidence(vault)
  if (!disabled && !deny) {
    return {
      id: 'vault.network',
      outcome: 'pass',
      detail: `${capitalised(named(vault))} accepts traffic from all networks (public network access ${vault.publicNetworkAccess ?? 'not set'}, firewall default action ${vault.networkAcls?.defaultAction ?? 'not set'}).`,
      evidence
    }
  }
  const restriction = disabled
    ? 'public network access is Disabled'
    : 'the firewall defaults to Deny'
  const bypass = vault.networkAcls?.bypass
  if (bypass?.toLowerCase() === 'azureservices') {
    return {
      id: 'vault.network',
      outcome: 'pass',
      detail: `On ${named(vault)} ${restriction} and trusted Azure services may bypass it (bypass AzureServices).`,
      evidence
    }
  }
  return {
    id: 'vault.network',
    outcome: 'fail',
    detail: `On ${named(vault)} ${restriction} and trusted Azure services may not bypass it (bypass ${bypass ?? 'not set'}).`,
    fix: `Allow trusted Microsoft services to bypass the firewall: ${azKeyvaultUpdate(ctx, '--bypass AzureServices', vault)}.`,
    evidence
  }
}

export function adobeIpFinding(vault: VaultFacts, ctx: VaultCheckContext): Finding {
  const disabled = publicAccessDisabled(vault)
  const deny = firewallDeniesByDefault(vault)
  const ipRules = vault.networkAcls?.ipRules ?? []
  const allowingRule = ipRules.find(rule => ipv4RuleAllows(rule, ADOBE_MONITORING_IP))
  const evidence = { ...networkEvidence(vault), allowingRule }
  if (!disabled && !deny) {
    return {
      id: 'vault.adobe-ip',
      outcome: 'pass',
      detail: `${capitalised(named(vault))} does not restrict public access, so Adobe's monitoring address ${ADOBE_MONITORING_IP} can reach it.`,
      evidence
    }
  }
  if (disabled) {
    const rulesNote = allowingRule ? `, which overrides its IP rule ${allowingRule}` : ''
    return {
      id: 'vault.adobe-ip',
      outcome: 'fail',
      detail: `Public network access is Disabled on ${named(vault)}${rulesNote}, so Adobe (${ADOBE_MONITORING_IP}) cannot reach the key: "even with correct permissions, a blocked IP will prevent key access" (Adobe). ${BLOCKED_ADDRESS_ALERT}`,
      fix:
        vault.kind === 'managed-hsm'
          ? hsmAdobeIpFix(ctx, vault)
          : `Enable public access with a deny-by-default firewall and allow the address: ${azKeyvaultUpdate(ctx, '--public-network-access Enabled --default-action Deny --bypass AzureServices', vault)}, then ${azAddIpRule(ctx, vault, ADOBE_MONITORING_IP)}.`,
      evidence
    }
  }
  if (allowingRule) {
    return {
      id: 'vault.adobe-ip',
      outcome: 'pass',
      detail: `The firewall of ${named(vault)} allows Adobe's monitoring address ${ADOBE_MONITORING_IP} through IP rule ${allowingRule}.`,
      evidence
    }
  }
  return {
    id: 'vault.adobe-ip',
    outcome: 'fail',
    detail: `The firewall of ${named(vault)} defaults to Deny and none of its ${ipRules.length} IP rules allows Adobe's address ${ADOBE_MONITORING_IP}: "even with correct permissions, a blocked IP will prevent key access" (Adobe; Adobe is not a trusted Azure service, so the bypass does not let it in). ${BLOCKED_ADDRESS_ALERT}`,
    fix:
      vault.kind === 'managed-hsm'
        ? hsmAdobeIpFix(ctx, vault)
        : `Allow the address: ${azAddIpRule(ctx, vault, ADOBE_MONITORING_IP)}.`,
    evidence
  }
}
