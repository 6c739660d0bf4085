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

describe('what the key checks tell the user', () => {
  const key = (more: Partial<ReturnType<typeof healthyKey>> = {}) => ({ ...healthyKey(), ...more })
  const hsmCtx = { ...healthyContext(), vaultKind: 'managed-hsm' as const }
  const create = (kty: string) =>
    `\`az keyvault key create --vault-name kv-cmk --name cmk-key --kty ${kty} --size 3072 --ops wrapKey unwrapKey\``
  /** What every key change says on a vault open to all networks: the role, then the portal path. */
  const dataPlane = (portal: string) =>
    `This goes through the data plane of vault kv-cmk: whoever runs it needs the role Key Vault Crypto Officer on the key or vault. In the portal: Key vaults > kv-cmk > Objects > Keys > ${portal}.`
  const version = (setting: string) => `cmk-key > its current version: ${setting}, then Save`

  it('key.found: each read failure says what happened and what to do', () => {
    const vault = healthyVault()
    expect(keyFoundFinding({ ok: false, error: readError('not-found') }, vault, ctx)).toEqual({
      id: 'key.found',
      outcome: 'fail',
      detail:
        'Key cmk-key does not exist in vault kv-cmk (TEST GET thing answered 404: service said not-found).',
      fix: `Check key-name, or create the key: ${create('RSA')}; a soft-deleted key must be recovered with \`az keyvault key recover\`. ${dataPlane('Generate/Import (a soft-deleted key: Manage deleted keys > Recover)')}`,
      evidence: {
        call: 'TEST GET thing',
        status: 404,
        kind: 'not-found',
        message: 'service said not-found'
      }
    })
    expect(keyFoundFinding({ ok: false, error: readError('forbidden') }, vault, ctx)).toMatchObject(
      {
        detail:
          "The action's Azure identity may not read key cmk-key of vault kv-cmk through Azure Resource Manager (TEST GET thing answered 403: service said forbidden).",
        fix: `Give the action's Azure identity Reader on the vault (or any role with the action Microsoft.KeyVault/vaults/keys/read), e.g. \`az role assignment create --role Reader --assignee <azure-client-id> --scope ${vault.id}\`; no data-plane role is needed.`
      }
    )
    expect(keyFoundFinding({ ok: false, error: readError('error') }, vault, ctx)).toMatchObject({
      outcome: 'fail',
      detail:
        'Key cmk-key in vault kv-cmk could not be read (TEST GET thing answered 500: service said error).',
      fix: 'Re-run the job; if the error persists, check the Azure Resource Manager and Key Vault service health.'
    })
    expect(keyFoundFinding({ ok: true, value: key() }, vault, ctx)).toEqual({
      id: 'key.found',
      outcome: 'pass',
      detail: `Key cmk-key found; its latest version is ${KEY_ID}.`,
      evidence: { id: KEY_ID, version: '0123456789abcdef0123456789abcdef' }
    })
  })

  it('key.enabled: a disabled key names its version and the command, on a vault or an HSM', () => {
    expect(keyEnabledFinding(key({ enabled: false }), ctx)).toEqual({
      id: 'key.enabled',
      outcome: 'fail',
      detail: 'Key cmk-key (version 0123456789abcdef0123456789abcdef) is disabled.',
      fix: `Enable it: \`az keyvault key set-attributes --vault-name kv-cmk --name cmk-key --enabled true\`. ${dataPlane(version('set Enabled'))}`,
      evidence: { enabled: false }
    })
    expect(keyEnabledFinding(key({ enabled: false }), hsmCtx).fix).toBe(
      'Enable it: `az keyvault key set-attributes --hsm-name kv-cmk --name cmk-key --enabled true`. This goes through the data plane of Managed HSM kv-cmk: whoever runs it needs the local role Managed HSM Crypto User on the key or HSM.'
    )
    expect(keyEnabledFinding(key(), ctx)).toEqual({
      id: 'key.enabled',
      outcome: 'pass',
      detail: 'Key cmk-key is enabled.',
      evidence: { enabled: true }
    })
  })

  it('key.type: what each type is, and what to create instead', () => {
    expect(keyTypeFinding(key({ keyType: 'EC' }), ctx)).toEqual({
      id: 'key.type',
      outcome: 'fail',
      detail: 'Key cmk-key has type EC, but Adobe needs RSA or RSA-HSM.',
      fix: `Create an RSA key, e.g. ${create('RSA')} (this adds a version of that type), or use another key-name. ${dataPlane('cmk-key > New Version')}`,
      evidence: { keyType: 'EC', requireHsm: false, inManagedHsm: false }
    })
    expect(
      keyTypeFinding(key({ keyType: 'EC-HSM' }), healthyContext({ requireHsm: true })).fix
    ).toBe(
      `Create an RSA key, e.g. ${create('RSA-HSM')} (this adds a version of that type), or use another key-name. ${dataPlane('cmk-key > New Version')}`
    )
    expect(keyTypeFinding(key({ keyType: 'rsa' }), ctx)).toMatchObject({
      outcome: 'pass',
      detail: 'Key cmk-key has type rsa (software-protected).'
    })
    expect(
      keyTypeFinding(key({ keyType: 'rsa-hsm' }), healthyContext({ requireHsm: true }))
    ).toMatchObject({
      outcome: 'pass',
      detail: 'Key cmk-key has type rsa-hsm (HSM-backed).',
      evidence: { requireHsm: true }
    })
    expect(keyTypeFinding(key({ keyType: 'RSA' }), { ...hsmCtx, requireHsm: true })).toEqual({
      id: 'key.type',
      outcome: 'pass',
      detail: 'Key cmk-key has type RSA in a Managed HSM (HSM-backed).',
      evidence: { keyType: 'RSA', requireHsm: true, inManagedHsm: true }
    })
    expect(
      keyTypeFinding(key({ keyType: 'RSA' }), healthyContext({ requireHsm: true }))
    ).toMatchObject({
      outcome: 'fail',
      detail:
        'Key cmk-key has type RSA: it is software-protected, and require-hsm wants an HSM-backed key (Azure Policy "Keys should be backed by a hardware security module (HSM)", 587c79fe-dd04-4a5e-9d0b-f89598c7261b).',
      fix: `Add an HSM-backed version (the vault needs the premium SKU): ${create('RSA-HSM')}; Adobe uses the key's latest version. Or keep the key in a Managed HSM. ${dataPlane('cmk-key > New Version')}`
    })
  })

  it('key.size: the modulus against min-key-size, and a version of the same type to create', () => {
    expect(keySizeFinding(key({ keySize: 3072 }), ctx)).toEqual({
      id: 'key.size',
      outcome: 'pass',
      detail: 'Key cmk-key has a 3072-bit RSA modulus (min-key-size 3072).',
      evidence: { keySize: 3072, minKeySize: 3072 }
    })
    expect(keySizeFinding(key({ keySize: 3071, keyType: 'rsa-hsm' }), ctx)).toEqual({
      id: 'key.size',
      outcome: 'fail',
      detail: 'Key cmk-key has a 3071-bit RSA modulus, smaller than min-key-size 3072.',
      fix: `Create a new version with a larger modulus: ${create('RSA-HSM')}. ${dataPlane('cmk-key > New Version')}`,
      evidence: { keySize: 3071, minKeySize: 3072 }
    })
    expect(keySizeFinding(key({ keySize: undefined, keyType: 'RSA' }), ctx)).toMatchObject({
      outcome: 'fail',
      detail: 'Key cmk-key of type RSA has no RSA modulus, so it does not meet min-key-size 3072.',
      fix: `Create a new version with a larger modulus: ${create('RSA')}. ${dataPlane('cmk-key > New Version')}`
    })
    expect(keySizeFinding(key({ keySize: undefined, keyType: 'EC' }), ctx)).toMatchObject({
      outcome: 'skipped',
      blockedBy: 'key.type'
    })
  })

  it('key.operations: what is missing, ignoring case, and the command that keeps the others', () => {
    expect(keyOperationsFinding(key({ keyOperations: ['encrypt', 'WRAPKEY'] }), ctx)).toEqual({
      id: 'key.operations',
      outcome: 'fail',
      detail: 'Key cmk-key does not permit unwrapKey (permitted: encrypt, WRAPKEY).',
      fix: `Permit them: \`az keyvault key set-attributes --vault-name kv-cmk --name cmk-key --ops encrypt WRAPKEY unwrapKey\`. ${dataPlane(version('tick wrapKey and unwrapKey under Permitted operations'))}`,
      evidence: { keyOperations: ['encrypt', 'WRAPKEY'], missing: ['unwrapKey'] }
    })
    expect(keyOperationsFinding(key({ keyOperations: [] }), ctx).detail).toBe(
      'Key cmk-key does not permit wrapKey and unwrapKey (permitted: none).'
    )
    expect(keyOperationsFinding(key(), ctx)).toEqual({
      id: 'key.operations',
      outcome: 'pass',
      detail: 'Key cmk-key permits encrypt, decrypt, wrapKey, unwrapKey.',
      evidence: { keyOperations: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] }
    })
  })

  it('key.active: not yet active, expired at this instant, active with or without dates', () => {
    expect(
      keyActiveFinding(key({ notBefore: new Date(NOW.getTime() + DAY_MS) }), ctx)
    ).toMatchObject({
      outcome: 'fail',
      detail: 'Key cmk-key is not active yet: its activation date is 2025-06-02T00:00:00.000Z.',
      fix: `Wait until then, or move the activation date: \`az keyvault key set-attributes --vault-name kv-cmk --name cmk-key --not-before 2025-06-01T00:00:00Z\`. ${dataPlane(version('Set activation date'))}`
    })
    expect(keyActiveFinding(key({ notBefore: NOW }), ctx).outcome).toBe('pass')
    expect(keyActiveFinding(key({ expiresOn: NOW }), ctx)).toMatchObject({
      outcome: 'fail',
      detail: 'Key cmk-key expired on 2025-06-01T00:00:00.000Z.',
      fix: `Extend its expiry date: \`az keyvault key set-attributes --vault-name kv-cmk --name cmk-key --expires 2026-06-01T00:00:00Z\`, or rotate the key. ${dataPlane(version('Set expiration date'))}`
    })
    expect(
      keyActiveFinding(key({ expiresOn: NOW }), healthyContext({ minKeyValidityDays: 400 })).fix
    ).toContain('--expires 2026-07-07T00:00:00Z')
    expect(keyActiveFinding(key(), ctx)).toEqual({
      id: 'key.active',
      outcome: 'pass',
      detail:
        'Key cmk-key is within its activation and expiry dates (activation 2025-05-22T00:00:00.000Z, expiry 2026-06-01T00:00:00.000Z).',
      evidence: {
        notBefore: '2025-05-22T00:00:00.000Z',
        expiresOn: '2026-06-01T00:00:00.000Z',
        now: '2025-06-01T00:00:00.000Z'
      }
    })
    expect(
      keyActiveFinding(key({ notBefore: undefined, expiresOn: undefined }), ctx)
    ).toMatchObject({
      outcome: 'pass',
      detail:
        'Key cmk-key is within its activation and expiry dates (activation not set, expiry not set).'
    })
  })

  it('key.expiry: days left against min-key-validity-days', () => {
    const inDays = (days: number) => key({ expiresOn: new Date(NOW.getTime() + days * DAY_MS) })
    expect(keyExpiryFinding(key({ expiresOn: undefined }), ctx)).toEqual({
      id: 'key.expiry',
      outcome: 'pass',
      detail: 'Key cmk-key has no expiry date.',
      evidence: { expiresOn: null }
    })
    expect(keyExpiryFinding(inDays(30), ctx)).toEqual({
      id: 'key.expiry',
      outcome: 'pass',
      detail:
        'Key cmk-key expires on 2025-07-01T00:00:00.000Z, 30 days from now (min-key-validity-days 30).',
      evidence: { expiresOn: '2025-07-01T00:00:00.000Z', daysLeft: 30, minKeyValidityDays: 30 }
    })
    expect(keyExpiryFinding(inDays(29.5), ctx)).toMatchObject({
      outcome: 'fail',
      detail:
        'Key cmk-key expires on 2025-06-30T12:00:00.000Z, 29 days from now, within min-key-validity-days 30.',
      fix: `Extend its expiry date: \`az keyvault key set-attributes --vault-name kv-cmk --name cmk-key --expires 2026-06-01T00:00:00Z\`, or rotate the key. ${dataPlane(version('Set expiration date'))}`,
      evidence: { daysLeft: 29 }
    })
    expect(keyExpiryFinding(inDays(0), ctx).detail).toBe(
      'Key cmk-key already expired on 2025-06-01T00:00:00.000Z (min-key-validity-days 30).'
    )
  })
})
