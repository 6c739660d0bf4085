import type { RunResult } from '../../../src/report/run-result.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const APP = '8a1e6d1c-3f7b-4c5e-9a2d-0b4f6e8c1d35'
const VAULT_ID =
  '/subscriptions/6f1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6/resourceGroups/rg-aep-cmk/providers/Microsoft.KeyVault/vaults/kv-aep-cmk-prod'
const CONSENT = `https://login.microsoftonline.com/${TENANT}/oauth2/authorize?response_type=code&client_id=${APP}&redirect_uri=https://experience.adobe.com&scope=user.read`

/** A first setup run that stops at consent, with a warning and a hostile service message. */
export function failingSetupRun(): RunResult {
  return {
    mode: 'setup',
    result: 'fail',
    status: 'NOT_CONFIGURED',
    configName: 'cmk-kv-aep-cmk-prod-aep-cmk-key',
    keyIdentifier:
      'https://kv-aep-cmk-prod.vault.azure.net/keys/aep-cmk-key/7d3e9a1f4c2b4e8d9f0a1b2c3d4e5f60',
    applicationId: APP,
    consentLink: { kind: 'entra', url: CONSENT },
    findings: [
      {
        id: 'azure.sign-in',
        outcome: 'pass',
        detail: `Signed in to Azure with azure-auth oidc in tenant ${TENANT}.`
      },
      {
        id: 'adobe.sign-in',
        outcome: 'pass',
        detail: 'IMS issued a token for credential b1d4e9f2.'
      },
      { id: 'vault.found', outcome: 'pass', detail: 'Vault kv-aep-cmk-prod found.' },
      {
        id: 'vault.adobe-ip',
        outcome: 'warn',
        detail:
          'The firewall of vault kv-aep-cmk-prod defaults to Deny and no IP rule allows 20.88.123.53 <img src=x onerror=alert(1)> | **bold**',
        fix: 'Allow Adobe: `az keyvault network-rule add --subscription 6f1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6 --name kv-aep-cmk-prod --ip-address 20.88.123.53`.'
      },
      { id: 'key.found', outcome: 'pass', detail: 'Key aep-cmk-key found.' },
      {
        id: 'app.registered',
        outcome: 'pass',
        detail: `The CMK app is registered with application id ${APP}.`
      },
      {
        id: 'app.consented',
        outcome: 'fail',
        detail: `CMK app ${APP} has no service principal in tenant ${TENANT}, so consent was not given yet.`,
        fix: `An administrator of the vault's tenant must open ${CONSENT} and accept, then re-run the job.`
      },
      {
        id: 'app.role',
        outcome: 'skipped',
        detail: 'skipped: app.consented failed',
        blockedBy: 'app.consented'
      },
      {
        id: 'config.status',
        outcome: 'skipped',
        detail: 'skipped: app.consented failed',
        blockedBy: 'app.consented'
      },
      { id: 'config.key', outcome: 'pass', detail: 'There is no configuration yet.' }
    ],
    failedChecks: ['app.consented'],
    actions: [`Registered the CMK app with Adobe (application id ${APP})`],
    settings: { keyVaultName: 'kv-aep-cmk-prod', keyName: 'aep-cmk-key', mode: 'setup' },
    timings: { read: 812, setup: 2104 },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:03.100Z'
  }
}

/** The second run after consent: the role is missing; its fix is a command. */
export function roleMissingRun(): RunResult {
  const run = failingSetupRun()
  return {
    ...run,
    findings: run.findings.map(f => {
      if (f.id === 'app.consented')
        return {
          id: f.id,
          outcome: 'pass',
          detail: 'The CMK app has a service principal in the tenant.'
        }
      if (f.id === 'app.role')
        return {
          id: f.id,
          outcome: 'fail',
          detail: "The CMK app's service principal c4f2a9e1 holds no role on the vault or above.",
          fix: `Assign the role: \`az role assignment create --role "Key Vault Crypto Service Encryption User" --assignee-object-id c4f2a9e1 --assignee-principal-type ServicePrincipal --scope ${VAULT_ID}\`.`
        }
      if (f.id === 'config.status')
        return { ...f, detail: 'skipped: app.role failed', blockedBy: 'app.role' } as typeof f
      return f
    }),
    failedChecks: ['app.role'],
    actions: []
  }
}

/** A scheduled check of a healthy setup. */
export function passingCheckRun(): RunResult {
  const run = failingSetupRun()
  return {
    ...run,
    mode: 'check',
    result: 'pass',
    status: 'COMPLETED',
    findings: [
      ...run.findings.filter(f => f.outcome === 'pass' && f.id !== 'config.key'),
      {
        id: 'app.consented',
        outcome: 'pass',
        detail: 'The CMK app has a service principal in the tenant.'
      },
      { id: 'app.role', outcome: 'pass', detail: 'The CMK app may read, wrap and unwrap keys.' },
      {
        id: 'config.status',
        outcome: 'pass',
        detail: 'Configuration cmk-kv-aep-cmk-prod-aep-cmk-key is COMPLETED.'
      },
      {
        id: 'config.key',
        outcome: 'pass',
        detail: 'Configuration points at key aep-cmk-key in vault kv-aep-cmk-prod.'
      }
    ],
    failedChecks: [],
    actions: [],
    settings: { keyVaultName: 'kv-aep-cmk-prod', keyName: 'aep-cmk-key', mode: 'check' }
  }
}

/**
 * The 3 a.m. check: CMK is COMPLETED and the key was disabled; the vault's firewall lets only
 * Adobe in, so the fix says how to get through it.
 */
export function disabledKeyCheckRun(): RunResult {
  const run = passingCheckRun()
  const enable =
    "Enable it: `az keyvault key set-attributes --vault-name kv-aep-cmk-prod --name aep-cmk-key --enabled true`. This goes through the data plane of vault kv-aep-cmk-prod: whoever runs it needs the role Key Vault Crypto Officer on the key or vault. Its firewall refuses any address it does not allow (ForbiddenByFirewall), the portal's too: run it from a machine inside the allowed network, or allow your own address for the change with `az keyvault network-rule add --name kv-aep-cmk-prod --ip-address <your public IP>` and remove it right after with `az keyvault network-rule remove --name kv-aep-cmk-prod --ip-address <your public IP>`. In the portal: Key vaults > kv-aep-cmk-prod > Objects > Keys > aep-cmk-key > its current version: set Enabled, then Save."
  return {
    ...run,
    result: 'fail',
    findings: [
      ...run.findings.slice(0, 4),
      {
        id: 'key.enabled',
        outcome: 'fail',
        detail: 'Key aep-cmk-key (version 7d3e9a1f4c2b4e8d9f0a1b2c3d4e5f60) is disabled.',
        fix: enable
      },
      {
        id: 'key.active',
        outcome: 'pass',
        detail:
          'Key aep-cmk-key is within its activation and expiry dates (activation not set, expiry 2027-01-01T00:00:00.000Z).'
      },
      ...run.findings.slice(4)
    ],
    failedChecks: ['key.enabled']
  }
}
