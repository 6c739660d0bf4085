import {
  keyActiveFinding,
  keyEnabledFinding,
  keyExpiryFinding,
  keyFoundFinding,
  keyOperationsFinding,
  keySizeFinding,
  keyTypeFinding
} from '../../../src/checks/key-checks.js'
import {
  DAY_MS,
  KEY_ID,
  NOW,
  healthyContext,
  healthyKey,
  healthyVault,
  readError
} from './fixtures.js'

const ctx = healthyContext()

describe('key.found', () => {
  it('passes with the versioned identifier', () => {
    const finding = keyFoundFinding({ ok: true, value: healthyKey() }, healthyVault(), ctx)
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain(KEY_ID)
  })

  it('fails on 404 saying the key does not exist in the vault', () => {
    const error = readError('not-found', {
      message: 'A key with (name/id) cmk-key was not found in this key vault.'
    })
    const finding = keyFoundFinding({ ok: false, error }, healthyVault(), ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toMatch(/^Key cmk-key does not exist in vault kv-cmk/)
    expect(finding.fix).toContain('az keyvault key create --vault-name kv-cmk --name cmk-key')
  })

  it.each([
    ['an RBAC vault', true],
    ['an access-policy vault', false]
  ])(
    'fails on ARM 403 on %s asking for Reader on the vault, never for a data-plane role',
    (_label, rbac) => {
      const vault = { ...healthyVault(), enableRbacAuthorization: rbac }
      const finding = keyFoundFinding({ ok: false, error: readError('forbidden') }, vault, ctx)
      expect(finding.outcome).toBe('fail')
      expect(finding.fix).toContain('Microsoft.KeyVault/vaults/keys/read')
      expect(finding.fix).toContain(
        `--role Reader --assignee <azure-client-id> --scope ${vault.id}`
      )
      expect(finding.fix).not.toMatch(/Crypto User|set-policy|network-rule/)
    }
  )

  it('fails on other errors with the message', () => {
    const finding = keyFoundFinding({ ok: false, error: readError('error') }, healthyVault(), ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('answered 500: service said error')
  })
})

describe('key.enabled', () => {
  it('passes when enabled and fails when disabled', () => {
    expect(keyEnabledFinding(healthyKey(), ctx).outcome).toBe('pass')
    const finding = keyEnabledFinding({ ...healthyKey(), enabled: false }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).toContain(
      'set-attributes --vault-name kv-cmk --name cmk-key --enabled true'
    )
  })
})

describe('key.type', () => {
  it.each(['RSA', 'RSA-HSM', 'rsa'])('passes for %s', keyType => {
    expect(keyTypeFinding({ ...healthyKey(), keyType }, ctx).outcome).toBe('pass')
  })
  it.each(['EC', 'EC-HSM', 'oct-HSM'])('fails for %s', keyType => {
    const finding = keyTypeFinding({ ...healthyKey(), keyType, keySize: undefined }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain(keyType)
  })
})

describe('key.size', () => {
  it('passes at and above the minimum', () => {
    expect(keySizeFinding({ ...healthyKey(), keySize: 3072 }, ctx).outcome).toBe('pass')
    expect(keySizeFinding({ ...healthyKey(), keySize: 4096 }, ctx).outcome).toBe('pass')
  })
  it('fails below the minimum, naming both sizes', () => {
    const finding = keySizeFinding({ ...healthyKey(), keySize: 2048 }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('2048-bit')
    expect(finding.detail).toContain('min-key-size 3072')
    expect(finding.fix).toContain('--kty RSA-HSM --size 3072')
  })
  it('follows min-key-size', () => {
    expect(
      keySizeFinding({ ...healthyKey(), keySize: 2048 }, { ...ctx, minKeySize: 2048 }).outcome
    ).toBe('pass')
  })
  it('is skipped for a key that is not RSA: key.type already fails for it', () => {
    const finding = keySizeFinding({ ...healthyKey(), keyType: 'EC', keySize: undefined }, ctx)
    expect(finding).toMatchObject({ outcome: 'skipped', blockedBy: 'key.type' })
  })
  it('fails for an RSA key whose modulus could not be read', () => {
    const finding = keySizeFinding({ ...healthyKey(), keySize: undefined }, ctx)
    expect(finding.outcome).toBe('fail')
  })
})

describe('key.operations', () => {
  it('passes with wrapKey and unwrapKey', () => {
    expect(keyOperationsFinding(healthyKey(), ctx).outcome).toBe('pass')
  })
  it('fails naming the missing operation and keeps existing ones in the fix', () => {
    const finding = keyOperationsFinding(
      { ...healthyKey(), keyOperations: ['encrypt', 'wrapKey'] },
      ctx
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('does not permit unwrapKey')
    expect(finding.fix).toContain('--ops encrypt wrapKey unwrapKey')
  })
  it('fails with no operations', () => {
    const finding = keyOperationsFinding({ ...healthyKey(), keyOperations: [] }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('wrapKey and unwrapKey')
  })
})

describe('key.active', () => {
  it('passes inside the validity window and without dates', () => {
    expect(keyActiveFinding(healthyKey(), ctx).outcome).toBe('pass')
    expect(
      keyActiveFinding({ ...healthyKey(), notBefore: undefined, expiresOn: undefined }, ctx).outcome
    ).toBe('pass')
  })
  it('fails when the activation date is in the future', () => {
    const notBefore = new Date(NOW.getTime() + DAY_MS)
    const finding = keyActiveFinding({ ...healthyKey(), notBefore }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain(notBefore.toISOString())
  })
  it('fails when expired', () => {
    const finding = keyActiveFinding(
      { ...healthyKey(), expiresOn: new Date(NOW.getTime() - 1000) },
      ctx
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('expired')
  })
})

describe('key.expiry', () => {
  it('passes without an expiry date', () => {
    const finding = keyExpiryFinding({ ...healthyKey(), expiresOn: undefined }, ctx)
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('no expiry date')
  })
  it('passes with enough days left, saying how many', () => {
    const finding = keyExpiryFinding(healthyKey(), ctx)
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('365 days from now')
  })
  it('passes exactly at the minimum and fails just inside it', () => {
    const atMinimum = new Date(NOW.getTime() + 30 * DAY_MS)
    expect(keyExpiryFinding({ ...healthyKey(), expiresOn: atMinimum }, ctx).outcome).toBe('pass')
    const inside = new Date(NOW.getTime() + 30 * DAY_MS - 1000)
    const finding = keyExpiryFinding({ ...healthyKey(), expiresOn: inside }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('29 days from now')
    expect(finding.fix).toContain('--expires 2026-06-01T00:00:00Z')
  })
  it('fails when already expired', () => {
    const finding = keyExpiryFinding(
      { ...healthyKey(), expiresOn: new Date(NOW.getTime() - DAY_MS) },
      ctx
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('expired on')
  })
})
