import {
  configKeyFinding,
  configStatusFinding,
  configuredKey,
  setupStoppedFinding
} from '../../../src/checks/config-checks.js'
import type { AdobeConfig, Read, VaultFacts } from '../../../src/facts/facts.js'
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
