import type { CheckDefinition } from '../check-definition.js'
import { keyRotationFinding } from '../key-rotation-check.js'
import { AZURERM_HSM, bicepKey, terraformKey, terraformResource } from './code-forms.js'
import { DATA_PLANE_DOC } from '../key-commands.js'

const ROTATION_POLICY = [
  'rotationPolicy: {',
  '  attributes: {',
  "    expiryTime: 'P1Y'",
  '  }',
  '  lifetimeActions: [',
  '    {',
  "      action: { type: 'rotate' }",
  "      trigger: { timeBeforeExpiry: 'P60D' } // min-key-validity-days + 30",
  '    }',
  '    {',
  "      action: { type: 'notify' }",
  "      trigger: { timeBeforeExpiry: 'P30D' } // min-key-validity-days",
  '    }',
  '  ]',
  '}'
]

export const keyRotation: CheckDefinition<'key.rotation'> = {
  id: 'key.rotation',
  needs: ['key.found'],
  evaluation: { over: 'key', evaluate: keyRotationFinding },
  rule: {
    short: 'A rotation policy rotates the key before it expires',
    full: 'Adobe keeps the vault and key name, not the version, so a policy that rotates well before expiry keeps the key valid without anyone acting.',
    help: 'Add a rotation policy with a rotate action at least min-key-validity-days before expiry: az keyvault key rotation-policy update.',
    securitySeverity: 5.0
  },
  nextStep: 'give the key a rotation policy that rotates it before it expires',
  docs: {
    checks:
      "The key's rotation policy (from ARM's key answer, else the data plane): when a `Rotate` action fires against the expiry date (`timeBeforeExpiry`, or `timeAfterCreate` counted from the version's creation).",
    why: 'Adobe treats an expired key as revoked and purges the data; a policy that rotates well before expiry keeps a valid version in place. Adobe stores the key name, not the version, so a rotated version is picked up without a new configuration.',
    failsWhen: 'never; it only warns.',
    warnsWhen:
      'No `Rotate` action fires at least `min-key-validity-days` before the expiry date, a key without expiry has no policy at all, the policy could not be read (the detail says why, e.g. the vault firewall), or ARM answers an expiry or creation date no key can have (the detail quotes it).'
  },
  fix: {
    az: `Set a policy that rotates well before expiry: \`az keyvault key rotation-policy update --vault-name <vault> --name <key> --value rotation-policy.json\` (Managed HSM: \`--hsm-name\`), with the policy file shown in [docs/key-rotation.md](key-rotation.md). In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > Rotation policy. ${DATA_PLANE_DOC}`,
    // azurerm v5.2.0 key_vault_key.html.markdown: rotation_policy { expire_after, automatic {
    // time_before_expiry }, notify_before_expiry } (set through the data plane, in place).
    terraform: terraformKey('vault', [
      'rotation_policy {',
      '  automatic {',
      '    time_before_expiry = "P60D" # min-key-validity-days + 30',
      '  }',
      '  expire_after = "P1Y"',
      '  notify_before_expiry = "P30D" # min-key-validity-days',
      '}'
    ]),
    // Bicep reference, vaults/keys 2025-05-01: properties.rotationPolicy { attributes.expiryTime,
    // lifetimeActions[] { action.type rotate | notify, trigger.timeBeforeExpiry } }.
    bicep: bicepKey('vault', ROTATION_POLICY),
    managedHsm: {
      // azurerm v5.2.0 key_vault_managed_hardware_security_module_key_rotation_policy: a resource
      // of its own (managed_hsm_key_id, expire_after, time_before_expiry); it has no notify action.
      terraform: terraformResource(
        `${AZURERM_HSM}_key_rotation_policy`,
        [
          `managed_hsm_key_id = ${AZURERM_HSM}_key.cmk.id`,
          'time_before_expiry = "P60D" # min-key-validity-days + 30',
          'expire_after = "P1Y"'
        ],
        [
          'azurerm writes it through the data plane: apply from an address the HSM firewall allows,',
          'as an identity with the local role Managed HSM Crypto User.'
        ]
      ),
      // Bicep reference, managedHSMs/keys 2025-05-01: properties.rotationPolicy, as for a vault.
      bicep: bicepKey('managed-hsm', ROTATION_POLICY)
    }
  }
}
