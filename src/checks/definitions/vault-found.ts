import type { CheckDefinition } from '../check-definition.js'
import { vaultFoundFinding } from '../vault-checks.js'
import {
  bicepRoleAssignment,
  READER_FOR_THE_ACTION,
  terraformRoleAssignment
} from './code-forms.js'

const REFUSED = ["Refused: the action's identity reads the vault through ARM with Reader."]

export const vaultFound: CheckDefinition<'vault.found'> = {
  id: 'vault.found',
  needs: ['azure.sign-in'],
  evaluation: { over: 'facts', evaluate: (facts, ctx) => vaultFoundFinding(facts.vault, ctx) },
  rule: {
    short: 'The Key Vault or Managed HSM exists and can be read',
    full: 'Adobe encrypts the org data with a key in this vault; a vault that is gone or unreadable means the key is unreachable, which Adobe treats as revocation.',
    help: 'Check key-vault-name, azure-subscription-id and azure-resource-group, and give the job identity Reader on the vault.',
    securitySeverity: 9.1
  },
  nextStep: 'point the action at the vault',
  docs: {
    checks:
      "The vault's management-plane settings (ARM). It reads `azure-resource-group` directly when that is set, and otherwise lists the subscription's vaults to find this one.",
    why: 'Adobe reaches the key through this vault. Every other vault and key check needs it.',
    failsWhen: 'The vault does not exist or cannot be read.'
  },
  fix: {
    az: "Not found: check `key-vault-name`, `azure-subscription-id` and `azure-resource-group`. Refused: grant the action's identity `Microsoft.KeyVault/vaults/read` on the vault, e.g. the Reader role on the vault or its resource group. Other errors: re-run, then check the ARM endpoint and Azure service health.",
    // Only the refusal has a code form: the role the action's identity needs (code-forms.ts).
    terraform: terraformRoleAssignment('vault', READER_FOR_THE_ACTION, REFUSED),
    bicep: bicepRoleAssignment('vault', READER_FOR_THE_ACTION, REFUSED),
    managedHsm: {
      terraform: terraformRoleAssignment('managed-hsm', READER_FOR_THE_ACTION, REFUSED),
      bicep: bicepRoleAssignment('managed-hsm', READER_FOR_THE_ACTION, REFUSED)
    }
  }
}
