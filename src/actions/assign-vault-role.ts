import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import { roleAssignmentName } from './role-assignment-name.js'
import { untilPrincipalVisible, type PrincipalWaitOptions } from './until-principal-visible.js'

/** Key Vault Crypto Service Encryption User: keys read, wrapKey, unwrapKey. */
export const CRYPTO_SERVICE_ENCRYPTION_USER_GUID = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'

export type RoleAssignmentOutcome =
  | { kind: 'created'; id: string; attempts: number }
  /**
   * The service answered 409: the principal holds that role at that scope, under this name or
   * another one (the service does not say which).
   */
  | { kind: 'already-present'; attempts: number }

/**
 * Assigns Key Vault Crypto Service Encryption User to the principal at the vault, under a name
 * derived from scope, role and principal so that a re-run PUTs the same assignment; ARM's 409
 * RoleAssignmentExists is success. PrincipalNotFound is waited out (untilPrincipalVisible).
 */
export async function assignVaultRole(
  client: AuthorizationManagementClient,
  vaultId: string,
  principalId: string,
  options: PrincipalWaitOptions
): Promise<RoleAssignmentOutcome> {
  const subscription = /^\/subscriptions\/[^/]+/i.exec(vaultId)?.[0] ?? ''
  const roleDefinitionId = `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_SERVICE_ENCRYPTION_USER_GUID}`
  const name = roleAssignmentName(vaultId, roleDefinitionId, principalId)
  const ownId = `${vaultId}/providers/Microsoft.Authorization/roleAssignments/${name}`
  let attempts = 0
  try {
    const done = await untilPrincipalVisible(() => {
      attempts++
      return client.roleAssignments.create(
        vaultId,
        name,
        { roleDefinitionId, principalId, principalType: 'ServicePrincipal' },
        { abortSignal: options.signal }
      )
    }, options)
    return { kind: 'created', id: done.result.id ?? ownId, attempts: done.attempts }
  } catch (error) {
    // Not any 409: RoleAssignmentUpdateNotPermitted (the name used otherwise) is a failure.
    if ((error as { code?: unknown }).code === 'RoleAssignmentExists')
      return { kind: 'already-present', attempts }
    throw error
  }
}
