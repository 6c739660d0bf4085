import type { CheckId } from '../model/finding.js'
import type { Repair, VaultType } from '../model/choices.js'

/** The check each repair answers. */
export const REPAIR_CHECK: Record<Repair, CheckId> = {
  'service-principal': 'app.consented',
  role: 'app.role',
  'adobe-ip': 'vault.adobe-ip'
}

/** What the job's identity needs for each repair on each kind of vault, as the fix names it. */
export function repairPermission(item: Repair, kind: VaultType): string {
  switch (item) {
    case 'service-principal':
      return 'the Microsoft Graph application permission Application.ReadWrite.All (with admin consent) or the Entra role Cloud Application Administrator'
    case 'role':
      return kind === 'managed-hsm'
        ? "the Managed HSM local data action Microsoft.KeyVault/managedHsm/roleAssignments/write/action at /keys/<key> or above (e.g. the HSM's local role Managed HSM Policy Administrator)"
        : 'Microsoft.Authorization/roleAssignments/write on the vault (e.g. the role Role Based Access Control Administrator on the vault)'
    case 'adobe-ip':
      return kind === 'managed-hsm'
        ? 'Microsoft.KeyVault/managedHSMs/write on the Managed HSM (e.g. the role Managed HSM Contributor on it)'
        : 'Microsoft.KeyVault/vaults/write on the vault (e.g. the role Key Vault Contributor on the vault)'
  }
}
