import type { VaultType } from '../../model/choices.js'
import type { CheckDefinition } from '../check-definition.js'
import { keyContext, keyFoundFinding } from '../key-checks.js'
import { DATA_PLANE_DOC } from '../key-commands.js'
import {
  bicepKey,
  bicepRoleAssignment,
  newKeyBicep,
  newKeyTerraform,
  READER_FOR_THE_ACTION,
  terraformKey,
  terraformRoleAssignment
} from './code-forms.js'

const NOT_FOUND = ['Not found: declare the key.']
const REFUSED = ["Refused: the action's identity reads the key through ARM with Reader."]

function both(first: string, second: string): string {
  return `${first}\n\n${second}`
}

/** A new key for "not found", the Reader role the action's identity needs for "refused". */
function codeForms(kind: VaultType): { terraform: string; bicep: string } {
  return {
    terraform: both(
      terraformKey(kind, newKeyTerraform(kind), NOT_FOUND),
      terraformRoleAssignment(kind, READER_FOR_THE_ACTION, REFUSED)
    ),
    bicep: both(
      bicepKey(kind, newKeyBicep(kind), NOT_FOUND),
      bicepRoleAssignment(kind, READER_FOR_THE_ACTION, REFUSED)
    )
  }
}

export const keyFound: CheckDefinition<'key.found'> = {
  id: 'key.found',
  needs: ['vault.found'],
  evaluation: {
    over: 'vault',
    evaluate: (vault, ctx, facts) =>
      facts.key === undefined
        ? {
            id: 'key.found',
            outcome: 'warn',
            detail: `Key ${ctx.keyName} was not looked up.`,
            fix: 'Re-run the job; this is a bug in the action if it repeats.',
            evidence: { key: null }
          }
        : keyFoundFinding(facts.key, vault, keyContext(ctx, vault))
  },
  rule: {
    short: 'The key exists and can be read',
    full: 'A missing or unreadable key is a revoked key for Adobe: the org data can no longer be decrypted.',
    help: 'Check key-name, create the key (RSA, wrapKey and unwrapKey) or recover a soft-deleted one, and give the job identity read access.',
    securitySeverity: 9.1
  },
  nextStep: 'make the key readable',
  docs: {
    checks:
      "The key's latest version and attributes through ARM (`Microsoft.KeyVault/vaults/keys`, `keys.get`): a management-plane read that the vault firewall does not apply to. Its rotation policy from the same answer, else from the data plane, best effort.",
    why: 'Adobe wraps its data keys with this key; a missing key is revocation.',
    failsWhen: 'The key does not exist or cannot be read.'
  },
  adobeAlert: 'key-access-disabled',
  fix: {
    az: `Not found: check \`key-name\`, or create the key: \`az keyvault key create --vault-name <vault> --name <key> --kty RSA --size <min-key-size> --ops wrapKey unwrapKey\`. Recover a soft-deleted key with \`az keyvault key recover --vault-name <vault> --name <key>\` (portal: Key vaults > \`<vault>\` > Objects > Keys > Manage deleted keys). ${DATA_PLANE_DOC} Refused: give the action's identity Reader on the vault (the action \`Microsoft.KeyVault/vaults/keys/read\`); no data-plane role is needed.`,
    // Not found: the key as a new resource, which Bicep can create too (it does not exist yet);
    // refused: the Reader role the action's identity needs (code-forms.ts for the sources).
    ...codeForms('vault'),
    managedHsm: codeForms('managed-hsm')
  }
}
