import { appRoleFinding } from '../app-checks.js'
import type { CheckDefinition } from '../check-definition.js'

export const appRole: CheckDefinition<'app.role'> = {
  id: 'app.role',
  // Only Azure RBAC is evaluated: an access-policy vault fails vault.rbac first.
  needs: ['azure.sign-in', 'adobe.sign-in', 'vault.rbac'],
  evaluation: { over: 'facts', evaluate: appRoleFinding },
  rule: {
    short: 'The Adobe CMK app may read, wrap and unwrap with the key',
    full: 'Without a role such as Key Vault Crypto Service Encryption User on the key or vault, Adobe cannot use the key, which it treats as revocation.',
    help: 'Assign the CMK app Key Vault Crypto Service Encryption User on the vault (Managed HSM: Managed HSM Crypto Service Encryption User), or use remediate: role.',
    securitySeverity: 9.5
  },
  nextStep: 'assign the CMK app its role on the vault',
  docs: {
    checks:
      "The service principal's role assignments on the vault or above it, and whether their role definitions' data actions together allow `Microsoft.KeyVault/vaults/keys/read`, `…/keys/wrap/action` and `…/keys/unwrap/action` (wildcards and `notDataActions` applied).",
    why: 'Without Key Vault Crypto Service Encryption User (or a role with keys read, wrap and unwrap), the CMK app cannot use the key: Adobe ends FAILED, or, after setup, treats it as revocation.',
    failsWhen: 'The service principal holds no such role.',
    warnsWhen:
      'Role assignments or definitions could not be read, the object id is unknown, or only an assignment with a condition allows it.'
  },
  fix: {
    az: '`az role assignment create --role "Key Vault Crypto Service Encryption User" --assignee-object-id <objectId> --assignee-principal-type ServicePrincipal --scope <vault resource id>`. Unreadable assignments or definitions: grant the action\'s identity `Microsoft.Authorization/roleAssignments/read` and `roleDefinitions/read` on the vault, e.g. Reader.'
  },
  repair: {
    item: 'role',
    permission: {
      vault:
        'Microsoft.Authorization/roleAssignments/write on the vault (e.g. the role Role Based Access Control Administrator on the vault)',
      'managed-hsm':
        "the Managed HSM local data action Microsoft.KeyVault/managedHsm/roleAssignments/write/action at /keys/<key> or above (e.g. the HSM's local role Managed HSM Policy Administrator)"
    }
  }
}
