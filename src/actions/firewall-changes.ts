/** The IP rules that differ between two readings of a firewall. */
export interface FirewallChanges {
  removed: string[]
  added: string[]
}

/**
 * What changed from the rules a write sent to the rules read right after it. A single address and
 * its /32 are the same rule: Key Vault shows `1.2.3.4` written as `1.2.3.4/32`
 * (hashicorp/terraform-provider-azurerm#2164), which is no change.
 */
export function firewallChanges(sent: string[], now: string[]): FirewallChanges {
  const key = (rule: string) => rule.trim().toLowerCase().replace(/\/32$/, '')
  const sentKeys = new Set(sent.map(key))
  const nowKeys = new Set(now.map(key))
  return {
    removed: sent.filter(rule => !nowKeys.has(key(rule))),
    added: now.filter(rule => !sentKeys.has(key(rule)))
  }
}

/** "a removed, b added", or '' when nothing changed. */
export function describeChanges({ removed, added }: FirewallChanges): string {
  return [...removed.map(rule => `${rule} removed`), ...added.map(rule => `${rule} added`)].join(
    ', '
  )
}
