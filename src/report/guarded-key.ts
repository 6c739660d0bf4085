import { createHash } from 'node:crypto'

/** The org, vault and key a run guards: what one SARIF category and one tracking issue are about. */
export interface GuardedKey {
  orgId: string
  vaultName: string
  keyName: string
}

/**
 * A stable id of the guarded key, and with a check id of one finding about it. Vault and key names
 * are case-insensitive in Azure, so they are lower-cased; the org id is kept as given.
 */
export function guardedKeyHash(key: GuardedKey, checkId?: string): string {
  const parts = [key.orgId, key.vaultName.toLowerCase(), key.keyName.toLowerCase()]
  if (checkId !== undefined) parts.push(checkId)
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}
