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

/** The portal path (after "Keys >") to a setting of the key's current version. */
export function currentVersion(ctx: KeyCheckContext, setting: string): string {
  return `${ctx.keyName} > its current version: ${setting}, then Save`
}

/** The portal path (after "Keys >") to a new version of the key. */
export function newVersion(ctx: KeyCheckContext): string {
  return `${ctx.keyName} > New Version`
}

/**
 * What every key change (set-attributes, create, recover, rotation-policy update) needs, said in
 * its fix: it goes through the vault's data plane, so the caller needs a data-plane role, and the
 * vault firewall refuses it from any address it does not allow (ForbiddenByFirewall), the
 * portal's requests from the browser included ("This also applies to accessing Key Vault from
 * the Azure portal", Key Vault network security docs). The roles: Key Vault Crypto Officer
 * ("Perform any action on the keys of a key vault"); on a Managed HSM the local role Managed HSM
 * Crypto User ("all key management operations except purge or recover deleted keys and export
 * keys", Managed HSM built-in roles; recovering a deleted key takes Managed HSM Crypto Officer).
 *
 * `portal` is where the change is made in the Azure portal, after "Key vaults > vault > Objects >
 * Keys >", as the portal labels it (no reference doc lists these paths). A Managed HSM gets none:
 * the Managed HSM docs manage keys with the CLI only.
 */
export function dataPlaneNote(ctx: KeyCheckContext, portal: string | undefined): string {
  const hsm = ctx.vaultKind === 'managed-hsm'
  const roleName = hsm
    ? 'the local role Managed HSM Crypto User'
    : 'the role Key Vault Crypto Officer'
  const where = hsm ? `Managed HSM ${ctx.keyVaultName}` : `vault ${ctx.keyVaultName}`
  const sentences = [
    `This goes through the data plane of ${where}: whoever runs it needs ${roleName} on the key or ${hsm ? 'HSM' : 'vault'}.`
  ]
  if (ctx.dataPlane === 'firewall') {
    const rule = (verb: 'add' | 'remove') =>
      `\`az keyvault network-rule ${verb} ${hsm ? '--hsm-name' : '--name'} ${ctx.keyVaultName} --ip-address <your public IP>${ctx.subscriptionId ? ` --subscription ${ctx.subscriptionId}` : ''}\``
    sentences.push(
      `Its firewall refuses any address it does not allow (ForbiddenByFirewall), the portal's too: run it from a machine inside the allowed network, or allow your own address for the change with ${rule('add')} and remove it right after with ${rule('remove')}.`
    )
  } else if (ctx.dataPlane === 'private-only') {
    sentences.push(
      `Its public network access is Disabled, so IP rules do not apply: run it (or open the portal) from a machine that reaches ${where} through its private endpoint.`
    )
  }
  if (!hsm && portal) {
    sentences.push(`In the portal: Key vaults > ${ctx.keyVaultName} > Objects > Keys > ${portal}.`)
  }
  return sentences.join(' ')
}

/**
 * The same for docs/checks.md, where neither the vault nor its firewall is known. (The catalog
 * imports it; key-commands.ts imports nothing above it.)
 */
export const DATA_PLANE_DOC =
  "These commands go through the vault's data plane: they need the role Key Vault Crypto Officer on the key or vault (Managed HSM: the local role Managed HSM Crypto User), and a firewall that denies by default refuses them from any address it does not allow (`ForbiddenByFirewall`), the portal's requests too. Run them from a machine inside the allowed network, or allow your public address for the change (`az keyvault network-rule add --name <vault> --ip-address <your public IP>`) and remove it right after (`az keyvault network-rule remove --name <vault> --ip-address <your public IP>`); with public network access Disabled, only a machine that reaches the vault through its private endpoint can. The job summary says which applies to your vault."
