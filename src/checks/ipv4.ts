/** IPv4 parsing and CIDR matching for Key Vault firewall ipRules (Key Vault rules are IPv4 only). */

export function parseIpv4(text: string): number | undefined {
  const parts = text.trim().split('.')
  if (parts.length !== 4) return undefined
  let value = 0
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined
    const octet = Number(part)
    if (octet > 255) return undefined
    value = value * 256 + octet
  }
  return value
}

/** Whether `ip` falls in `rule`, which is a bare address, "a.b.c.d/32" or a CIDR range. */
export function ipv4RuleAllows(rule: string, ip: string): boolean {
  const address = parseIpv4(ip)
  if (address === undefined) return false
  const [base, prefixText, ...rest] = rule.trim().split('/')
  if (rest.length > 0 || base === undefined) return false
  const network = parseIpv4(base)
  if (network === undefined) return false
  if (prefixText === undefined) return network === address
  if (!/^\d{1,2}$/.test(prefixText)) return false
  const prefix = Number(prefixText)
  if (prefix > 32) return false
  // 2 ** (32 - prefix) keeps the arithmetic in safe integers instead of 32-bit bitwise ops.
  const blockSize = 2 ** (32 - prefix)
  return Math.floor(network / blockSize) === Math.floor(address / blockSize)
}
