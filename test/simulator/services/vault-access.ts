import type { Scenario, VaultState } from '../scenario.js'

/*
 * Who may reach a vault and use its keys, as Key Vault decides it. Shared by the data plane
 * (the runner reading the key) and Adobe's completion check (Adobe wrapping with the key).
 * Written independently of the action's own checks, so the simulator stays an oracle.
 */

/** Adobe's documented monitoring address (service notes), from which it reaches restricted vaults. */
export const ADOBE_IP = '20.88.123.53'

/** The tenant a vault belongs to: its `tenantId` property, else the scenario's tenant. */
export function vaultTenant(state: Scenario, vault: VaultState): string {
  const tenant = vault.properties.tenantId
  return typeof tenant === 'string' && tenant !== '' ? tenant : state.tenantId
}

function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim())
  if (!m) return undefined
  const octets = m.slice(1).map(Number)
  if (octets.some(o => o > 255)) return undefined
  return octets.reduce((acc, o) => acc * 256 + o, 0)
}

/** Whether an ipRules value (`a.b.c.d` or `a.b.c.d/n`) contains `ip`. */
export function ipRuleContains(rule: string, ip: string): boolean {
  const address = ipv4(ip)
  const [base = '', bits, ...extra] = rule.split('/')
  const network = ipv4(base)
  if (address === undefined || network === undefined || extra.length > 0) return false
  const prefix = bits === undefined ? 32 : /^\d{1,2}$/.test(bits) ? Number(bits) : NaN
  if (!(prefix >= 0 && prefix <= 32)) return false
  const block = 2 ** (32 - prefix)
  return Math.floor(network / block) === Math.floor(address / block)
}

interface NetworkAcls {
  bypass?: unknown
  defaultAction?: unknown
  ipRules?: Array<{ value?: unknown }> | undefined
}

function acls(vault: VaultState): NetworkAcls {
  const value = vault.properties.networkAcls
  return typeof value === 'object' && value !== null ? value : {}
}

const lower = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : '')

export function publicAccessDisabled(vault: VaultState): boolean {
  return lower(vault.properties.publicNetworkAccess) === 'disabled'
}

function deniesByDefault(vault: VaultState): boolean {
  return lower(acls(vault).defaultAction) === 'deny'
}

function ipAllowed(vault: VaultState, ip: string): boolean {
  return (acls(vault).ipRules ?? []).some(
    rule => typeof rule?.value === 'string' && ipRuleContains(rule.value, ip)
  )
}

/**
 * Why the firewall refuses a caller from `ip` that is not a trusted Microsoft service (the
 * runner): public access Disabled overrides every IP rule; a Deny firewall needs a matching
 * ipRule. Undefined = let in.
 */
export function firewallRefusal(
  vault: VaultState,
  ip: string
): 'ForbiddenByConnection' | 'ForbiddenByFirewall' | undefined {
  if (publicAccessDisabled(vault)) return 'ForbiddenByConnection'
  if (deniesByDefault(vault) && !ipAllowed(vault, ip)) return 'ForbiddenByFirewall'
  return undefined
}

/**
 * Whether Adobe reaches the vault. Adobe is not a trusted Azure service, so the firewall's
 * AzureServices bypass does not let it in (Adobe's alert guide: "even with correct permissions, a
 * blocked IP will prevent key access"): public access must be Enabled and the firewall must allow
 * all networks or 20.88.123.53.
 */
export function adobeReachesVault(vault: VaultState): boolean {
  return firewallRefusal(vault, ADOBE_IP) === undefined
}

/** Whether the vault's access policies give `objectId` every one of `keyPermissions`. */
export function accessPolicyGrants(
  vault: VaultState,
  tenantId: string,
  objectId: string,
  keyPermissions: string[]
): boolean {
  const policies = vault.properties.accessPolicies
  if (!Array.isArray(policies)) return false
  return policies.some(policy => {
    if (typeof policy !== 'object' || policy === null) return false
    const p = policy as { tenantId?: unknown; objectId?: unknown; permissions?: { keys?: unknown } }
    if (lower(p.objectId) !== objectId.toLowerCase()) return false
    if (p.tenantId !== undefined && lower(p.tenantId) !== tenantId.toLowerCase()) return false
    const granted = Array.isArray(p.permissions?.keys) ? p.permissions.keys.map(lower) : []
    return keyPermissions.every(
      needed => granted.includes('all') || granted.includes(needed.toLowerCase())
    )
  })
}

/** Whether the vault authorises data-plane calls with Azure RBAC (else with access policies). */
export function usesRbac(vault: VaultState): boolean {
  return vault.properties.enableRbacAuthorization === true
}
