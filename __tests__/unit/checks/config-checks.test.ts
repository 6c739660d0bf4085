import {
  configKeyFinding,
  configStatusFinding,
  configuredKey,
  publishedStatus,
  setupStoppedFinding,
  type ObservedConfigStatus
} from '../../../src/checks/config-checks.js'
import type { AdobeConfig, Read, VaultFacts } from '../../../src/model/facts.js'
import { healthyVault, readError } from './fixtures.js'

const vault: Read<VaultFacts> = { ok: true, value: healthyVault() }

function config(fields: Partial<AdobeConfig>): Read<AdobeConfig | null> {
  return { ok: true, value: { name: 'cmk-config', status: 'COMPLETED', ...fields } }
}

describe('configuredKey', () => {
  it('reads the current shape', () => {
    expect(
      configuredKey({
        name: 'n',
        status: 'COMPLETED',
        keyVaultKeyIdentifier: 'https://KV-CMK.vault.azure.net/keys/cmk-key/abc',
        keyVaultUri: 'https://kv-cmk.vault.azure.net'
      })
    ).toEqual({ vaultHost: 'kv-cmk.vault.azure.net', keyName: 'cmk-key' })
  })

  it('reads the legacy shape (key identifier in keyVaultUri)', () => {
    expect(
      configuredKey({
        name: 'n',
        status: 'NEW',
        keyVaultUri: 'https://kv-cmk.vault.azure.net/keys/other/v1'
      })
    ).toEqual({ vaultHost: 'kv-cmk.vault.azure.net', keyName: 'other' })
  })

  it('takes keyName when the URIs name only the vault, keeping the port', () => {
    expect(
      configuredKey({
        name: 'n',
        status: 'NEW',
        keyVaultUri: 'https://kv.vault.localhost:8443/',
        keyName: 'k'
      })
    ).toEqual({ vaultHost: 'kv.vault.localhost:8443', keyName: 'k' })
  })
})

describe('config.key', () => {
  it('passes when vault and key match, ignoring case and version', () => {
    const finding = configKeyFinding(
      config({ keyVaultKeyIdentifier: 'https://KV-CMK.vault.azure.net/keys/CMK-KEY/otherversion' }),
      vault,
      'cmk-key'
    )
    expect(finding.outcome).toBe('pass')
  })

  it('passes for the legacy shape', () => {
    const finding = configKeyFinding(
      config({ keyVaultUri: 'https://kv-cmk.vault.azure.net/keys/cmk-key/v1', keyName: 'cmk-key' }),
      vault,
      'cmk-key'
    )
    expect(finding.outcome).toBe('pass')
  })

  it('passes when there is no configuration yet', () => {
    const finding = configKeyFinding({ ok: true, value: null }, vault, 'cmk-key')
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('no configuration')
  })

  it('fails for another vault, naming both', () => {
    const finding = configKeyFinding(
      config({ keyVaultKeyIdentifier: 'https://kv-old.vault.azure.net/keys/cmk-key/v1' }),
      vault,
      'cmk-key'
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('kv-old.vault.azure.net')
    expect(finding.detail).toContain('kv-cmk.vault.azure.net')
  })

  it('fails for another key', () => {
    const finding = configKeyFinding(
      config({ keyVaultKeyIdentifier: 'https://kv-cmk.vault.azure.net/keys/old-key/v1' }),
      vault,
      'cmk-key'
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('old-key')
  })

  it('fails when only the port differs', () => {
    const local: Read<VaultFacts> = {
      ok: true,
      value: { ...healthyVault(), vaultUri: 'https://kv-cmk.vault.localhost:8443/' }
    }
    const finding = configKeyFinding(
      config({ keyVaultKeyIdentifier: 'https://kv-cmk.vault.localhost:9443/keys/cmk-key/v1' }),
      local,
      'cmk-key'
    )
    expect(finding.outcome).toBe('fail')
  })

  it('warns when the configuration could not be read', () => {
    const finding = configKeyFinding({ ok: false, error: readError('error') }, vault, 'cmk-key')
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('service said error')
  })

  it('warns when the configuration names no key', () => {
    const finding = configKeyFinding(config({}), vault, 'cmk-key')
    expect(finding.outcome).toBe('warn')
  })

  it('is skipped when the vault was not read', () => {
    const finding = configKeyFinding(
      config({ keyVaultKeyIdentifier: 'https://kv-cmk.vault.azure.net/keys/cmk-key/v1' }),
      { ok: false, error: readError('not-found') },
      'cmk-key'
    )
    expect(finding).toMatchObject({ outcome: 'skipped', detail: 'skipped: vault.found failed' })
  })
})

describe('configStatusFinding', () => {
  const ctx = { configName: 'cmk-config' }

  it.each(['setup', 'validate', 'check'] as const)('passes COMPLETED in %s', mode => {
    expect(configStatusFinding('COMPLETED', mode, ctx).outcome).toBe('pass')
  })

  it('fails FAILED in setup and check with a fix, warns in validate', () => {
    const setup = configStatusFinding('FAILED', 'setup', ctx)
    expect(setup.outcome).toBe('fail')
    expect(setup.fix).toContain('Key Vault Crypto Service Encryption User')
    expect(configStatusFinding('FAILED', 'check', ctx).outcome).toBe('fail')
    const validate = configStatusFinding('FAILED', 'validate', ctx)
    expect(validate.outcome).toBe('warn')
    expect(validate.detail).toContain('submit it again')
  })

  it('fails a timed-out setup saying it does not submit twice', () => {
    const finding = configStatusFinding('RUNNING', 'setup', {
      ...ctx,
      timedOut: true,
      waitedSeconds: 1800
    })
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toBe('Configuration cmk-config is still RUNNING after 1800 s.')
    expect(finding.fix).toContain('does not submit twice')
  })

  it.each(['NEW', 'RUNNING', 'UPDATE_EXISTING_RESOURCES'] as const)(
    '%s: fail in check, warn in validate',
    status => {
      expect(configStatusFinding(status, 'check', ctx).outcome).toBe('fail')
      expect(configStatusFinding(status, 'validate', ctx).outcome).toBe('warn')
    }
  )

  it('NOT_CONFIGURED passes in validate and fails in check and setup', () => {
    const validate = configStatusFinding('NOT_CONFIGURED', 'validate', ctx)
    expect(validate.outcome).toBe('pass')
    expect(validate.detail).toContain('setup will submit')
    expect(configStatusFinding('NOT_CONFIGURED', 'check', ctx).outcome).toBe('fail')
    const blocked = configStatusFinding('NOT_CONFIGURED', 'setup', { ...ctx, submitBlocked: true })
    expect(blocked.outcome).toBe('fail')
    expect(blocked.detail).toContain('because checks failed')
  })

  it('is skipped in setup when failed checks stopped the submission and Adobe has none yet', () => {
    const finding = configStatusFinding('NOT_CONFIGURED', 'setup', {
      ...ctx,
      submitBlocked: true,
      blockedBy: 'vault.found'
    })
    expect(finding).toMatchObject({ outcome: 'skipped', blockedBy: 'vault.found' })
    expect(finding.fix).toBeUndefined()
  })

  it('UNKNOWN quotes the read error; warn in validate, fail otherwise', () => {
    const readErr = readError('forbidden', { message: 'Oauth token is not valid' })
    const check = configStatusFinding('UNKNOWN', 'check', { ...ctx, readError: readErr })
    expect(check.outcome).toBe('fail')
    expect(check.detail).toContain('Oauth token is not valid')
    expect(configStatusFinding('UNKNOWN', 'validate', ctx).outcome).toBe('warn')
  })
})

describe('setupStoppedFinding', () => {
  it('fails config.status with the reason and says a re-run is safe', () => {
    const finding = setupStoppedFinding('Adobe POST configuration: 503 busy')
    expect(finding).toMatchObject({
      id: 'config.status',
      outcome: 'fail',
      detail: 'Setup stopped: Adobe POST configuration: 503 busy'
    })
    expect(finding.fix).toMatch(/never submits a configuration Adobe already has/)
  })
})

describe('what config.key tells the user', () => {
  const keyId = 'https://kv-cmk.vault.azure.net/keys/cmk-key/v1'

  it('a match names the configuration, key and vault', () => {
    expect(configKeyFinding(config({ keyVaultKeyIdentifier: keyId }), vault, 'cmk-key')).toEqual({
      id: 'config.key',
      outcome: 'pass',
      detail: 'Configuration cmk-config points at key cmk-key in vault kv-cmk.vault.azure.net.',
      evidence: {
        configName: 'cmk-config',
        configured: { vaultHost: 'kv-cmk.vault.azure.net', keyName: 'cmk-key' },
        expected: { vaultHost: 'kv-cmk.vault.azure.net', keyName: 'cmk-key' }
      }
    })
  })

  it('a mismatch names both sides and how to resolve it', () => {
    const finding = configKeyFinding(
      config({ keyVaultKeyIdentifier: 'https://kv-old.vault.azure.net/keys/old-key/v1' }),
      vault,
      'cmk-key'
    )
    expect(finding).toMatchObject({
      outcome: 'fail',
      detail:
        'Configuration cmk-config points at key old-key in vault kv-old.vault.azure.net, not key cmk-key in vault kv-cmk.vault.azure.net.',
      fix: 'Set key-vault-name and key-name to the configured vault and key, or set config-name to a new configuration name; Adobe keeps one vault and key per configuration.'
    })
  })

  it('a vault whose URI cannot be parsed is named as read', () => {
    const odd: Read<VaultFacts> = { ok: true, value: { ...healthyVault(), vaultUri: 'not a url' } }
    expect(
      configKeyFinding(config({ keyVaultKeyIdentifier: keyId }), odd, 'cmk-key')
    ).toMatchObject({
      outcome: 'fail',
      detail:
        'Configuration cmk-config points at key cmk-key in vault kv-cmk.vault.azure.net, not key cmk-key in vault not a url.',
      evidence: { expected: { vaultHost: undefined, keyName: 'cmk-key' } }
    })
  })

  it('an undecidable configuration says what it names and where to look', () => {
    expect(
      configKeyFinding(config({ keyVaultUri: 'https://kv-cmk.vault.azure.net/' }), vault, 'cmk-key')
    ).toMatchObject({
      outcome: 'warn',
      detail:
        'This cannot be decided: configuration cmk-config names vault kv-cmk.vault.azure.net and key none.',
      fix: 'Look at the configuration in the Adobe Experience Platform UI (Encryption > Customer Managed Keys) and check it names this vault and key.'
    })
    expect(configKeyFinding(config({ keyName: 'cmk-key' }), vault, 'cmk-key')).toMatchObject({
      outcome: 'warn',
      detail: 'This cannot be decided: configuration cmk-config names vault none and key cmk-key.'
    })
  })

  it('an unreadable configuration quotes the read error and keeps it as evidence', () => {
    const error = readError('forbidden', { message: 'Oauth token is not valid.' })
    expect(configKeyFinding({ ok: false, error }, vault, 'cmk-key')).toEqual({
      id: 'config.key',
      outcome: 'warn',
      detail:
        'This cannot be decided: the Adobe configuration could not be read (TEST GET thing answered 403: Oauth token is not valid).',
      fix: 'Check config-name, adobe-org-id and the Adobe credential, then re-run the job.',
      evidence: {
        call: 'TEST GET thing',
        status: 403,
        kind: 'forbidden',
        message: 'Oauth token is not valid.'
      }
    })
  })

  it('no configuration is evidence of none', () => {
    expect(configKeyFinding({ ok: true, value: null }, vault, 'cmk-key').evidence).toEqual({
      config: null
    })
  })
})

describe('configuredKey edges', () => {
  it('ignores a URI that is not a URL and takes the other', () => {
    expect(
      configuredKey({
        name: 'n',
        status: 'NEW',
        keyVaultKeyIdentifier: 'not a url',
        keyVaultUri: 'https://kv-cmk.vault.azure.net/keys/k%20x/v1'
      })
    ).toEqual({ vaultHost: 'kv-cmk.vault.azure.net', keyName: 'k x' })
  })

  it('reads a key name only from a /keys/ path', () => {
    expect(
      configuredKey({
        name: 'n',
        status: 'NEW',
        keyVaultKeyIdentifier: 'https://kv-cmk.vault.azure.net/secrets/s/v1',
        keyName: 'from-field'
      })
    ).toEqual({ vaultHost: 'kv-cmk.vault.azure.net', keyName: 'from-field' })
    expect(
      configuredKey({
        name: 'n',
        status: 'NEW',
        keyVaultKeyIdentifier: 'https://kv-cmk.vault.azure.net/v1/keys/k',
        keyName: 'from-field'
      }).keyName
    ).toBe('from-field')
  })

  it('takes the name from the key identifier before keyVaultUri', () => {
    expect(
      configuredKey({
        name: 'n',
        status: 'NEW',
        keyVaultKeyIdentifier: 'https://kv-a.vault.azure.net/keys/from-identifier/v1',
        keyVaultUri: 'https://kv-b.vault.azure.net/keys/from-uri/v1'
      })
    ).toEqual({ vaultHost: 'kv-a.vault.azure.net', keyName: 'from-identifier' })
  })

  it('reads nothing from nothing', () => {
    expect(configuredKey({ name: 'n', status: 'NEW' })).toEqual({
      vaultHost: undefined,
      keyName: undefined
    })
  })
})

describe('what config.status tells the user', () => {
  const ctx = { configName: 'cmk-config' }
  const FAILED_FIX =
    "Adobe ends FAILED when the key, vault or CMK app set-up has a problem: check that the key is enabled and not expired, that the CMK app's service principal holds Key Vault Crypto Service Encryption User on the vault, and that the vault's network settings let it through, then re-run setup."

  it.each([
    [
      'COMPLETED',
      'setup',
      {},
      { outcome: 'pass', detail: 'Configuration cmk-config is COMPLETED.', fix: undefined }
    ],
    [
      'UNKNOWN',
      'setup',
      {},
      {
        outcome: 'fail',
        detail: 'The status of configuration cmk-config is unknown.',
        fix: 'Check config-name, adobe-org-id, adobe-region and the Adobe credential, then re-run the job.'
      }
    ],
    [
      'NOT_CONFIGURED',
      'validate',
      {},
      {
        outcome: 'pass',
        detail: 'There is no configuration named cmk-config yet; setup will submit it.',
        fix: undefined
      }
    ],
    [
      'NOT_CONFIGURED',
      'check',
      {},
      {
        outcome: 'fail',
        detail: 'There is no configuration named cmk-config.',
        fix: 'Run the action with mode: setup, or set config-name to the name used when customer-managed keys were enabled (e.g. in the Adobe UI).'
      }
    ],
    [
      'NOT_CONFIGURED',
      'setup',
      {},
      {
        outcome: 'fail',
        detail: 'There is no configuration named cmk-config.',
        fix: 'Re-run setup; if this repeats, check the Adobe credential and config-name.'
      }
    ],
    [
      'NOT_CONFIGURED',
      'setup',
      { submitBlocked: true },
      {
        outcome: 'fail',
        detail:
          'There is no configuration named cmk-config; setup did not submit one because checks failed.',
        fix: 'Fix the failed checks, then re-run setup.'
      }
    ],
    [
      'FAILED',
      'setup',
      {},
      { outcome: 'fail', detail: 'Configuration cmk-config ended FAILED.', fix: FAILED_FIX }
    ],
    [
      'FAILED',
      'validate',
      {},
      {
        outcome: 'warn',
        detail: 'Configuration cmk-config ended FAILED; setup would submit it again.',
        fix: FAILED_FIX
      }
    ],
    [
      'RUNNING',
      'validate',
      {},
      {
        outcome: 'warn',
        detail:
          'Configuration cmk-config is still RUNNING; setup would wait for it rather than submit again.',
        fix: 'Wait a few minutes and re-run; Adobe usually finishes within minutes.'
      }
    ],
    [
      'NEW',
      'check',
      {},
      {
        outcome: 'fail',
        detail: 'Configuration cmk-config is NEW, not COMPLETED.',
        fix: 'Wait a few minutes and re-run the check; if it stays in progress, contact Adobe support.'
      }
    ],
    [
      'RUNNING',
      'setup',
      { submitBlocked: true },
      {
        outcome: 'fail',
        detail:
          'Configuration cmk-config is RUNNING; setup did not follow it because checks failed.',
        fix: 'Fix the failed checks, then re-run setup: it follows the configuration without submitting it again.'
      }
    ],
    [
      'RUNNING',
      'setup',
      { submitBlocked: true, timedOut: true, waitedSeconds: 60 },
      {
        outcome: 'fail',
        detail: 'Configuration cmk-config is still RUNNING after 60 s.',
        fix: 'Re-run later: the action does not submit twice and picks up the status; raise wait-timeout-seconds to wait longer.'
      }
    ],
    [
      'UPDATE_EXISTING_RESOURCES',
      'setup',
      {},
      {
        outcome: 'fail',
        detail: 'Configuration cmk-config is still UPDATE_EXISTING_RESOURCES.',
        fix: 'Re-run later: the action does not submit twice and picks up the status; raise wait-timeout-seconds to wait longer.'
      }
    ]
  ] as const)('%s in %s %j', (status, mode, more, expected) => {
    const finding = configStatusFinding(status, mode, { ...ctx, ...more })
    expect({ outcome: finding.outcome, detail: finding.detail, fix: finding.fix }).toEqual(expected)
    expect(finding.evidence).toMatchObject({ status, configName: 'cmk-config' })
  })

  it('a timed-out wait keeps how long it waited as evidence', () => {
    expect(
      configStatusFinding('RUNNING', 'setup', { ...ctx, timedOut: true, waitedSeconds: 60 })
        .evidence
    ).toEqual({ status: 'RUNNING', configName: 'cmk-config', timedOut: true, waitedSeconds: 60 })
  })

  it('an unknown status keeps the read error as evidence', () => {
    const error = readError('forbidden')
    expect(configStatusFinding('UNKNOWN', 'setup', { ...ctx, readError: error })).toMatchObject({
      detail:
        'The status of configuration cmk-config is unknown (TEST GET thing answered 403: service said forbidden).',
      evidence: {
        status: 'UNKNOWN',
        configName: 'cmk-config',
        error: {
          call: 'TEST GET thing',
          status: 403,
          kind: 'forbidden',
          message: 'service said forbidden'
        }
      }
    })
    expect(configStatusFinding('UNKNOWN', 'setup', ctx).evidence).toEqual({
      status: 'UNKNOWN',
      configName: 'cmk-config'
    })
  })

  it('without the check that blocked it, a blocked setup still fails config.status', () => {
    expect(
      configStatusFinding('NOT_CONFIGURED', 'setup', {
        ...ctx,
        submitBlocked: false,
        blockedBy: 'vault.found'
      }).outcome
    ).toBe('fail')
  })
})

describe('publishedStatus', () => {
  it('keeps the documented values, NOT_CONFIGURED and UNKNOWN, and makes anything else UNKNOWN', () => {
    for (const status of ['NEW', 'RUNNING', 'UPDATE_EXISTING_RESOURCES', 'COMPLETED', 'FAILED'])
      expect(publishedStatus(status as ObservedConfigStatus)).toBe(status)
    expect(publishedStatus('NOT_CONFIGURED')).toBe('NOT_CONFIGURED')
    expect(publishedStatus('UNKNOWN')).toBe('UNKNOWN')
    expect(publishedStatus('VALIDATING_KEY' as ObservedConfigStatus)).toBe('UNKNOWN')
    expect(publishedStatus('RUNNING ##[set-output name=x;]y' as ObservedConfigStatus)).toBe(
      'UNKNOWN'
    )
  })
})
