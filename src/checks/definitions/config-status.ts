import type { CheckDefinition } from '../check-definition.js'

export const configStatus: CheckDefinition<'config.status'> = {
  id: 'config.status',
  needs: ['adobe.sign-in'],
  // Decided after setup acted, by configStatusFinding (config-checks.ts), from the status seen last.
  evaluation: { over: 'run-end' },
  rule: {
    short: 'The Adobe CMK configuration is COMPLETED',
    full: 'Customer-managed keys are in force only once the Adobe configuration has completed.',
    help: 'Fix the failed checks and run the action with mode: setup, then wait for COMPLETED.',
    securitySeverity: 7.5
  },
  nextStep: 'look at the configuration status',
  docs: {
    checks: "The Adobe configuration's status, at the end of the run.",
    why: 'COMPLETED means Adobe encrypts with your key. FAILED or a configuration stuck in progress means it does not.',
    failsWhen:
      '`FAILED`. In `setup`: no configuration (checks failed, so nothing was submitted), or one still in progress, either because checks failed (setup does not follow it then) or because `wait-timeout-seconds` ran out. In `check`: anything other than `COMPLETED`. In every mode but `validate`: the status could not be read (`UNKNOWN`).',
    warnsWhen: 'In `validate`: `FAILED`, still in progress, or `UNKNOWN`.'
  },
  fix: {
    az: "`FAILED`: Adobe could not use the key. Check that the key is enabled and not expired, that the CMK app holds Key Vault Crypto Service Encryption User on the vault, and that the vault's network lets it through, then re-run `setup`, which submits again. Timed out: re-run later. The action does not submit twice and picks up the status. You can also raise `wait-timeout-seconds`. Missing in `check`: run `setup`, or set `config-name` to the name used when CMK was first enabled. `UNKNOWN`: check `config-name`, `adobe-org-id`, `adobe-region` and the Adobe credential."
  }
}
