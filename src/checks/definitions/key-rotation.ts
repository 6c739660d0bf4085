import type { CheckDefinition } from '../check-definition.js'
import { keyRotationFinding } from '../key-rotation-check.js'

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
    az: 'Set a policy that rotates well before expiry: `az keyvault key rotation-policy update --vault-name <vault> --name <key> --value rotation-policy.json` (Managed HSM: `--hsm-name`), with the policy file shown in [docs/key-rotation.md](key-rotation.md).'
  }
}
