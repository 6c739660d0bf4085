import type { CheckDefinition } from '../check-definition.js'
import {
  AZURERM_HSM,
  AZURERM_VAULT,
  bicepResource,
  parentNote,
  terraformResource
} from './code-forms.js'
import { deleteLockFinding, LOCKS_READ } from '../delete-lock-check.js'

const NOTES = 'Adobe Experience Platform encrypts with a key in this vault'

function terraformLock(kind: 'vault' | 'managed-hsm'): string {
  const scope = kind === 'vault' ? `${AZURERM_VAULT}.cmk.id` : `${AZURERM_HSM}.cmk.id`
  return terraformResource('azurerm_management_lock', [
    'name = "aep-cmk-no-delete"',
    `scope = ${scope}`,
    'lock_level = "CanNotDelete" # ReadOnly would block the action\'s repairs too',
    `notes = "${NOTES}"`
  ])
}

function bicepLock(kind: 'vault' | 'managed-hsm'): string {
  return bicepResource(
    'noDelete',
    'Microsoft.Authorization/locks@2020-05-01',
    [
      "name: 'aep-cmk-no-delete'",
      `scope: ${kind === 'vault' ? 'vault' : 'hsm'}`,
      'properties: {',
      "  level: 'CanNotDelete' // ReadOnly would block the action's repairs too",
      `  notes: '${NOTES}'`,
      '}'
    ],
    [parentNote(kind)]
  )
}

export const vaultDeleteLock: CheckDefinition<'vault.delete-lock'> = {
  id: 'vault.delete-lock',
  needs: ['vault.found'],
  evaluation: {
    over: 'vault',
    evaluate: (vault, ctx, facts) => deleteLockFinding(vault, facts, ctx.subscriptionId)
  },
  rule: {
    short: 'A management lock stops the vault from being deleted',
    full: 'Soft delete lets a deleted vault be recovered; a CanNotDelete lock on the vault, its resource group or subscription stops the deletion that would cut Adobe off in the first place.',
    help: "Add a CanNotDelete lock on the vault: az lock create --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group <rg> --resource-type Microsoft.KeyVault/vaults --resource <vault>. A ReadOnly lock also stops deletion, but it blocks every change, the action's own repairs included.",
    // A warning: code scanning never shows it above medium.
    securitySeverity: 5.0
  },
  nextStep: 'lock the vault against deletion',
  docs: {
    checks: `Management locks (\`Microsoft.Authorization/locks\`) listed for the vault: a \`CanNotDelete\` or \`ReadOnly\` lock on the vault, its resource group or its subscription counts; a lock on any other resource never does. Reading them needs \`${LOCKS_READ}\` (Reader has it).`,
    why: "A deleted vault takes the key with it, and Adobe treats a key it cannot reach as revoked. Soft delete and purge protection let the vault be recovered afterwards; a lock stops the deletion before it happens. A `ReadOnly` lock stops it too, but it blocks every change, the action's own repairs (`remediate: role`, `adobe-ip`) included.",
    failsWhen: 'never; it only warns.',
    warnsWhen:
      'No `CanNotDelete` or `ReadOnly` lock sits on the vault, its resource group or its subscription, or the locks could not be read (the detail says why and names the permission).'
  },
  fix: {
    az: 'Lock the vault (creating a lock needs `Microsoft.Authorization/locks/write`, e.g. Owner or User Access Administrator): `az lock create --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group <resource-group> --resource-type Microsoft.KeyVault/vaults --resource <vault>` (Managed HSM: `--resource-type Microsoft.KeyVault/managedHSMs`).',
    // azurerm v5.2.0 management_lock.html.markdown: name, scope, lock_level (CanNotDelete |
    // ReadOnly), notes.
    terraform: terraformLock('vault'),
    // Bicep resource reference, Microsoft.Authorization/locks@2020-05-01 (an extension resource:
    // `scope`), properties.level (CanNotDelete | ReadOnly | NotSpecified) and properties.notes.
    bicep: bicepLock('vault'),
    managedHsm: { terraform: terraformLock('managed-hsm'), bicep: bicepLock('managed-hsm') }
  }
}
