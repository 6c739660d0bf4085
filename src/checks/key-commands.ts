import type { KeyCheckContext } from './key-checks.js'

export const DAY_MS = 24 * 60 * 60 * 1000

/** `az keyvault key <command>` for this key, in a vault or a Managed HSM. */
export function azKey(ctx: KeyCheckContext, command: string, args: string): string {
  const where = ctx.vaultKind === 'managed-hsm' ? '--hsm-name' : '--vault-name'
  return `\`az keyvault key ${command} ${where} ${ctx.keyVaultName} --name ${ctx.keyName} ${args}\``
}

/** ISO date without milliseconds, as the Azure CLI accepts it. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The expiry date a fix suggests: a year away, or longer if min-key-validity-days needs it. */
export function suggestedExpiry(ctx: KeyCheckContext): string {
  const days = Math.max(365, ctx.minKeyValidityDays + 1)
  return isoSeconds(new Date(ctx.now.getTime() + days * DAY_MS))
}
