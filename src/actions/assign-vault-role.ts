import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import { pollIntervalMs, realClock, type Clock } from './poll-schedule.js'
import { roleAssignmentName } from './role-assignment-name.js'

/** Key Vault Crypto Service Encryption User: keys read, wrapKey, unwrapKey. */
export const CRYPTO_SERVICE_ENCRYPTION_USER_GUID = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'

export type RoleAssignmentOutcome =
  | { kind: 'created'; id: string; attempts: number }
  /**
   * ARM answered 409 RoleAssignmentExists: the principal holds that role at that scope, under
   * this name or another one (ARM does not say which).
   */
  | { kind: 'already-present'; attempts: number }

export interface AssignRoleOptions {
  /** The first wait after PrincipalNotFound; later waits grow by half, capped at 60 s. */
  firstIntervalMs: number
  /** How long a principal that ARM cannot see yet is waited for. */
  timeoutMs: number
  clock?: Clock | undefined
  signal: AbortSignal
}

/**
 * Assigns Key Vault Crypto Service Encryption User to the principal at the vault, under a name
 * derived from scope, role and principal so that a re-run PUTs the same assignment. A principal
 * created moments ago is not visible to ARM yet (400 PrincipalNotFound, even with principalType
 * set): the PUT is repeated with growing waits until timeoutMs has passed.
 */
export async function assignVaultRole(
  client: AuthorizationManagementClient,
  vaultId: string,
  principalId: string,
  options: AssignRoleOptions
): Promise<RoleAssignmentOutcome> {
  const clock = options.clock ?? realClock
  const deadline = clock.now() + options.timeoutMs
  const subscription = /^\/subscriptions\/[^/]+/i.exec(vaultId)?.[0] ?? ''
  const roleDefinitionId = `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_SERVICE_ENCRYPTION_USER_GUID}`
  const name = roleAssignmentName(vaultId, roleDefinitionId, principalId)
  const ownId = `${vaultId}/providers/Microsoft.Authorization/roleAssignments/${name}`
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await client.roleAssignments.create(
        vaultId,
        name,
        { roleDefinitionId, principalId, principalType: 'ServicePrincipal' },
        { abortSignal: options.signal }
      )
      return { kind: 'created', id: created.id ?? ownId, attempts: attempt }
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (code === 'RoleAssignmentExists') return { kind: 'already-present', attempts: attempt }
      const remaining = deadline - clock.now()
      if (code !== 'PrincipalNotFound' || remaining <= 0) throw error
      // The last wait is shortened so that the final attempt happens at the deadline.
      await clock.sleep(
        Math.min(pollIntervalMs(options.firstIntervalMs, attempt), remaining),
        options.signal
      )
      options.signal.throwIfAborted()
    }
  }
}
