import type { VaultFacts } from '../model/facts.js'

/**
 * How a caller outside Azure (a laptop, a GitHub-hosted runner) reaches the vault's data plane,
 * where keys are changed: `open` to any address, behind a `firewall` that lets in only the
 * addresses and networks it allows, or `private-only` (public network access Disabled: IP rules
 * do not apply, only private endpoints and trusted services get in).
 */
export type DataPlaneReach = 'open' | 'firewall' | 'private-only'

export function publicAccessDisabled(vault: VaultFacts): boolean {
  return vault.publicNetworkAccess?.toLowerCase() === 'disabled'
}

export function firewallDeniesByDefault(vault: VaultFacts): boolean {
  return vault.networkAcls?.defaultAction?.toLowerCase() === 'deny'
}

export function dataPlaneReach(vault: VaultFacts): DataPlaneReach {
  if (publicAccessDisabled(vault)) return 'private-only'
  return firewallDeniesByDefault(vault) ? 'firewall' : 'open'
}
