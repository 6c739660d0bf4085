import { appRoleFinding } from '../app-checks.js'
import type { CheckDefinition } from '../check-definition.js'
import {
  AZURERM_HSM,
  bicepRoleAssignment,
  terraformResource,
  terraformRoleAssignment,
  type AzureRole
} from './code-forms.js'

/** Adobe's role for its CMK app (e147488a-…, Azure built-in roles). */
const CRYPTO_SERVICE_ENCRYPTION_USER: AzureRole = {
  name: 'Key Vault Crypto Service Encryption User',
  id: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  principal: '<object id of the CMK app service principal>',
  principalType: 'ServicePrincipal'
}

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
  adobeAlert: 'key-access-disabled',
  fix: {
    az: '`az role assignment create --role "Key Vault Crypto Service Encryption User" --assignee-object-id <objectId> --assignee-principal-type ServicePrincipal --scope <vault resource id>` (Managed HSM: `az keyvault role assignment create --hsm-name <hsm> --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <objectId> --scope /keys/<key>`). Unreadable assignments or definitions: grant the action\'s identity `Microsoft.Authorization/roleAssignments/read` and `roleDefinitions/read` on the vault, e.g. Reader.',
    // azurerm v5.2.0 role_assignment.html.markdown; Bicep roleAssignments 2022-04-01 (code-forms.ts).
    terraform: terraformRoleAssignment('vault', CRYPTO_SERVICE_ENCRYPTION_USER),
    bicep: bicepRoleAssignment('vault', CRYPTO_SERVICE_ENCRYPTION_USER),
    managedHsm: {
      // azurerm v5.2.0 key_vault_managed_hardware_security_module_role_assignment.html.markdown:
      // managed_hsm_id, name (a GUID), scope, role_definition_id, principal_id; the role id form is
      // the one its example uses. Bicep has no form: the HSM's local RBAC is data plane, not ARM.
      terraform: terraformResource(
        `${AZURERM_HSM}_role_assignment`,
        [
          `managed_hsm_id = ${AZURERM_HSM}.cmk.id`,
          'name = "<a new GUID>"',
          'scope = "/keys/<key>"',
          'role_definition_id = "/Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/33413926-3206-4cdd-b39a-83574fe37a17"',
          `principal_id = "${CRYPTO_SERVICE_ENCRYPTION_USER.principal}"`
        ],
        [
          "Managed HSM Crypto Service Encryption User, in the HSM's local RBAC (a data-plane write)."
        ]
      )
    }
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
