import type { ManagedHsmRbacClient } from '../clients/azure/managed-hsm-rbac-client.js'
import type { RoleAssignmentOutcome } from './assign-vault-role.js'
import { roleAssignmentName } from './role-assignment-name.js'
import { untilPrincipalVisible, type PrincipalWaitOptions } from './until-principal-visible.js'

/** Managed HSM Crypto Service Encryption User (local RBAC): keys read, wrap, unwrap. */
export const HSM_CRYPTO_SERVICE_ENCRYPTION_USER_GUID = '33413926-3206-4cdd-b39a-83574fe37a17'

/**
 * Assigns Managed HSM Crypto Service Encryption User to the principal at `/keys/<key>` in the
 * HSM's local RBAC, under a name derived from the HSM, scope, role and principal so that a re-run
 * PUTs the same assignment. rbac.json documents no conflict answer; a 409 is taken as "that
 * principal holds that role there" like ARM's RoleAssignmentExists. PrincipalNotFound, should the
 * HSM answer it for a new principal, is waited out like ARM's.
 */
export async function assignHsmKeyRole(
  client: ManagedHsmRbacClient,
  hsmUri: string,
  keyName: string,
  principalId: string,
  options: PrincipalWaitOptions
): Promise<RoleAssignmentOutcome> {
  const scope = `/keys/${keyName}` as const
  const roleDefinitionId = `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/${HSM_CRYPTO_SERVICE_ENCRYPTION_USER_GUID}`
  const base = hsmUri.replace(/\/+$/, '')
  const name = roleAssignmentName(`${base}${scope}`, roleDefinitionId, principalId)
  let attempts = 0
  try {
    const done = await untilPrincipalVisible(() => {
      attempts++
      return client.createRoleAssignment(
        scope,
        name,
        { roleDefinitionId, principalId },
        options.signal
      )
    }, options)
    const id =
      done.result.id || `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`
    return { kind: 'created', id: `${base}${id}`, attempts: done.attempts }
  } catch (error) {
    if ((error as { statusCode?: unknown }).statusCode === 409)
      return { kind: 'already-present', attempts }
    throw error
  }
}
