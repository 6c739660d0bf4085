import { keyRotationFinding } from '../../../src/checks/key-rotation-check.js'
import { parseDuration, addDuration, subtractDuration } from '../../../src/checks/iso-duration.js'
import type { KeyFacts, KeyLifetimeAction } from '../../../src/model/facts.js'
import { DAY_MS, NOW, healthyContext, healthyKey, readError } from './fixtures.js'

const ctx = { ...healthyContext(), vaultKind: 'vault' as const }

function keyWith(actions: KeyLifetimeAction[] | null, overrides: Partial<KeyFacts> = {}): KeyFacts {
  return {
    ...healthyKey(),
    rotationPolicy: {
      ok: true,
      value: actions && { source: 'arm', expiryTime: 'P1Y', lifetimeActions: actions }
    },
    ...overrides
  }
}

const expiresIn = (days: number) => new Date(NOW.getTime() + days * DAY_MS)

describe('key.rotation', () => {
  it('passes when a timeBeforeExpiry Rotate fires at least min-key-validity-days before expiry', () => {
    const finding = keyRotationFinding(
      keyWith([{ action: 'rotate', timeBeforeExpiry: 'P60D' }]),
      ctx
    )
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('rotates it P60D before expiry')
    expect(finding.detail).toContain('60 days before (min-key-validity-days 30)')
  })

  it('passes exactly at min-key-validity-days and warns one day short of it', () => {
    expect(
      keyRotationFinding(keyWith([{ action: 'rotate', timeBeforeExpiry: 'P30D' }]), ctx).outcome
    ).toBe('pass')
    const late = keyRotationFinding(keyWith([{ action: 'rotate', timeBeforeExpiry: 'P29D' }]), ctx)
    expect(late.outcome).toBe('warn')
    expect(late.detail).toContain('less than min-key-validity-days 30 before')
  })

  it('counts timeAfterCreate from the version creation date against the expiry', () => {
    const created = new Date(NOW.getTime() - 30 * DAY_MS)
    const key = (after: string) =>
      keyWith([{ action: 'rotate', timeAfterCreate: after }], {
        createdOn: created,
        expiresOn: new Date(created.getTime() + 365 * DAY_MS)
      })
    // Created 30 days ago, expires 365 days after creation: rotating 300 days after creation is
    // 65 days before expiry; 350 days after creation is only 15 days before.
    const early = keyRotationFinding(key('P300D'), ctx)
    expect(early.outcome).toBe('pass')
    expect(early.detail).toContain('P300D after creation')
    expect(early.detail).toContain('65 days before')
    expect(keyRotationFinding(key('P350D'), ctx).outcome).toBe('warn')
  })

  it('cannot time a timeAfterCreate Rotate without the version creation date', () => {
    const finding = keyRotationFinding(
      keyWith([{ action: 'rotate', timeAfterCreate: 'P90D' }], { createdOn: undefined }),
      ctx
    )
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('the version has no creation date')
  })

  it('warns for a key with expiry and no rotation policy, with the exact command and policy', () => {
    const finding = keyRotationFinding(keyWith(null, { expiresOn: expiresIn(200) }), ctx)
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain(
      'has no rotation policy: Adobe treats an expired key as revoked'
    )
    expect(finding.fix).toContain(
      '`az keyvault key rotation-policy update --vault-name kv-cmk --name cmk-key --value rotation-policy.json`'
    )
    expect(finding.fix).toContain('"timeBeforeExpiry":"P60D"},"action":{"type":"Rotate"}')
  })

  it('warns when the policy only notifies', () => {
    const finding = keyRotationFinding(
      keyWith([{ action: 'notify', timeBeforeExpiry: 'P30D' }]),
      ctx
    )
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('has no Rotate action')
  })

  it('passes a key without expiry that has a policy, and warns when it has none at all', () => {
    const withPolicy = keyRotationFinding(
      keyWith([{ action: 'rotate', timeAfterCreate: 'P1Y' }], { expiresOn: undefined }),
      ctx
    )
    expect(withPolicy).toMatchObject({ id: 'key.rotation', outcome: 'pass' })
    expect(withPolicy.detail).toContain('no expiry date and a rotation policy')
    const none = keyRotationFinding(keyWith(null, { expiresOn: undefined }), ctx)
    expect(none).toMatchObject({ id: 'key.rotation', outcome: 'warn' })
    expect(none.detail).toContain('no expiry date and no rotation policy at all')
  })

  it('warns when the policy cannot be read behind the firewall, saying why', () => {
    const error = readError('forbidden', {
      call: 'Key Vault GET key rotation policy',
      message:
        'Client address is not authorized and caller is not a trusted service (ForbiddenByFirewall; client address 203.0.113.10)'
    })
    const finding = keyRotationFinding(
      { ...healthyKey(), rotationPolicy: { ok: false, error } },
      ctx
    )
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('the firewall of vault kv-cmk refused')
    expect(finding.detail).toContain('Key Vault GET key rotation policy answered 403')
    expect(finding.fix).toContain(
      'az keyvault key rotation-policy show --vault-name kv-cmk --name cmk-key'
    )
  })

  it('names the local role on a Managed HSM when the identity may not read the policy', () => {
    const error = readError('forbidden', { call: 'Managed HSM GET key rotation policy' })
    const finding = keyRotationFinding(
      { ...healthyKey(), rotationPolicy: { ok: false, error } },
      { ...ctx, vaultKind: 'managed-hsm' }
    )
    expect(finding).toMatchObject({ id: 'key.rotation', outcome: 'warn' })
    expect(finding.detail).toBe(
      "The rotation policy of key cmk-key could not be read: the job's Azure identity may not read it on the data plane (ARM's key answer carried no policy, so the data plane was asked) (Managed HSM GET key rotation policy answered 403: service said forbidden)."
    )
    expect(finding.fix).toBe(
      'Give the job\'s Azure identity the local role Managed HSM Crypto Auditor at /keys (`az keyvault role assignment create --hsm-name kv-cmk --role "Managed HSM Crypto Auditor" --assignee <azure-client-id> --scope /keys`); or check the policy yourself with `az keyvault key rotation-policy show --hsm-name kv-cmk --name cmk-key`.'
    )
  })

  it('names the Managed HSM and its --hsm-name command when its network refuses the policy read', () => {
    const error = readError('forbidden', {
      call: 'Managed HSM GET key rotation policy',
      message:
        'Public network access is disabled and request is not from a trusted service nor via an approved private link.'
    })
    const finding = keyRotationFinding(
      { ...healthyKey(), rotationPolicy: { ok: false, error } },
      { ...ctx, vaultKind: 'managed-hsm' }
    )
    expect(finding).toEqual({
      id: 'key.rotation',
      outcome: 'warn',
      detail:
        "The rotation policy of key cmk-key could not be read: the firewall of Managed HSM kv-cmk refused the runner's data-plane request (ARM's key answer carried no policy, so the data plane was asked) (Managed HSM GET key rotation policy answered 403: Public network access is disabled and request is not from a trusted service nor via an approved private link).",
      fix: 'Run the job from a network the firewall of Managed HSM kv-cmk allows (or add the runner\'s address to its IP rules), and give the job\'s identity the local role Managed HSM Crypto Auditor at /keys (`az keyvault role assignment create --hsm-name kv-cmk --role "Managed HSM Crypto Auditor" --assignee <azure-client-id> --scope /keys`); or check the policy yourself with `az keyvault key rotation-policy show --hsm-name kv-cmk --name cmk-key`.',
      evidence: {
        call: 'Managed HSM GET key rotation policy',
        status: 403,
        kind: 'forbidden',
        message:
          'Public network access is disabled and request is not from a trusted service nor via an approved private link.'
      }
    })
  })

  it('uses --hsm-name in the fix on a Managed HSM', () => {
    const finding = keyRotationFinding(keyWith(null), { ...ctx, vaultKind: 'managed-hsm' })
    expect(finding.fix).toContain('rotation-policy update --hsm-name kv-cmk --name cmk-key')
  })
})

describe('ISO 8601 durations', () => {
  it('parses the forms rotation policies use and refuses the rest', () => {
    expect(parseDuration('P30D')).toMatchObject({ days: 30 })
    expect(parseDuration('P1Y2M')).toMatchObject({ years: 1, months: 2, days: 0 })
    expect(parseDuration('P2W')).toMatchObject({ days: 14 })
    expect(parseDuration('PT12H')).toMatchObject({ hours: 12 })
    for (const bad of ['', 'P', 'PT', '30D', 'P1.5D', 'P-1D'])
      expect(parseDuration(bad)).toBeUndefined()
  })

  it('adds and subtracts calendar months and years in UTC', () => {
    const d = new Date('2025-03-31T00:00:00Z')
    expect(subtractDuration(d, parseDuration('P1M')!).toISOString()).toBe(
      '2025-03-03T00:00:00.000Z'
    )
    expect(addDuration(new Date('2024-02-29T00:00:00Z'), parseDuration('P1Y')!).toISOString()).toBe(
      '2025-03-01T00:00:00.000Z'
    )
  })
})

describe('key.rotation: what it tells the user in the rarer cases', () => {
  it('a Rotate action with a duration it cannot read, or with no trigger, cannot be timed', () => {
    const finding = keyRotationFinding(
      keyWith([{ action: 'Rotate', timeBeforeExpiry: 'soon' }, { action: 'rotate' }], {
        createdOn: NOW
      }),
      ctx
    )
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toBe(
      `Key cmk-key expires on ${expiresIn(365).toISOString()}, but when its rotation policy rotates it (soon before expiry, with no trigger) cannot be told: Adobe treats an expired key as revoked.`
    )
    expect(finding.evidence).toMatchObject({
      rotations: [
        { trigger: 'soon before expiry', rotatesAt: null },
        { trigger: 'with no trigger', rotatesAt: null }
      ]
    })
  })

  it('a key without expiry: names the Rotate triggers, or says there is none', () => {
    expect(
      keyRotationFinding(
        keyWith([{ action: 'rotate', timeAfterCreate: 'P90D' }], { expiresOn: undefined }),
        ctx
      ).detail
    ).toBe('Key cmk-key has no expiry date and a rotation policy (rotate P90D after creation).')
    expect(
      keyRotationFinding(
        keyWith(
          [
            { action: 'rotate', timeAfterCreate: 'P90D' },
            { action: 'notify', timeAfterCreate: 'P80D' },
            { action: 'rotate', timeAfterCreate: 'P180D' }
          ],
          { expiresOn: undefined }
        ),
        ctx
      ).detail
    ).toBe(
      'Key cmk-key has no expiry date and a rotation policy (rotate P90D after creation, P180D after creation).'
    )
    expect(
      keyRotationFinding(
        keyWith([{ action: 'notify', timeBeforeExpiry: 'P30D' }], { expiresOn: undefined }),
        ctx
      ).detail
    ).toBe('Key cmk-key has no expiry date and a rotation policy (no Rotate action).')
  })

  it('when no Rotate action is early enough, names each with its date, or unknown where it cannot be timed', () => {
    // No creation date: the timeAfterCreate action cannot be timed, the timeBeforeExpiry one can.
    const finding = keyRotationFinding(
      keyWith(
        [
          { action: 'rotate', timeBeforeExpiry: 'P10D' },
          { action: 'rotate', timeAfterCreate: 'P90D' }
        ],
        { createdOn: undefined }
      ),
      ctx
    )
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toBe(
      `Key cmk-key expires on ${expiresIn(365).toISOString()}, but its rotation policy rotates it P10D before expiry (${expiresIn(355).toISOString()}), P90D after creation (unknown), less than min-key-validity-days 30 before: Adobe treats an expired key as revoked.`
    )
  })

  it('the suggested policy rotates min-key-validity-days + 30 days before expiry', () => {
    const fix = keyRotationFinding(keyWith(null), { ...ctx, minKeyValidityDays: 200 }).fix
    expect(fix).toBe(
      'Save this policy as rotation-policy.json: `{"lifetimeActions":[{"trigger":{"timeBeforeExpiry":"P230D"},"action":{"type":"Rotate"}},{"trigger":{"timeBeforeExpiry":"P200D"},"action":{"type":"Notify"}}],"attributes":{"expiryTime":"P460D"}}`, then `az keyvault key rotation-policy update --vault-name kv-cmk --name cmk-key --value rotation-policy.json` (docs/key-rotation.md explains it). This goes through the data plane of vault kv-cmk: whoever runs it needs the role Key Vault Crypto Officer on the key or vault. In the portal: Key vaults > kv-cmk > Objects > Keys > cmk-key > Rotation policy.'
    )
    expect(keyRotationFinding(keyWith(null), ctx).fix).toContain('"expiryTime":"P1Y"')
  })

  it('a read failure that is neither a refusal nor the firewall says the read failed', () => {
    const error = readError('error', { call: 'Key Vault GET key rotation policy' })
    const finding = keyRotationFinding(
      { ...healthyKey(), rotationPolicy: { ok: false, error } },
      ctx
    )
    expect(finding.detail).toBe(
      'The rotation policy of key cmk-key could not be read: the data-plane read failed (Key Vault GET key rotation policy answered 500: service said error).'
    )
    expect(finding.fix).toBe(
      "Give the job's Azure identity a role with Microsoft.KeyVault/vaults/keys/read on the vault, e.g. Key Vault Reader; or check the policy yourself with `az keyvault key rotation-policy show --vault-name kv-cmk --name cmk-key`."
    )
  })
})

describe('key.rotation evidence', () => {
  it('records the dates, min-key-validity-days, the policy as read and when each Rotate fires', () => {
    const createdOn = new Date(NOW.getTime() - 30 * DAY_MS)
    const finding = keyRotationFinding(
      keyWith(
        [
          { action: 'rotate', timeAfterCreate: 'P300D' },
          { action: 'notify', timeBeforeExpiry: 'P30D' }
        ],
        { createdOn }
      ),
      ctx
    )
    expect(finding.outcome).toBe('pass')
    expect(finding.evidence).toEqual({
      expiresOn: expiresIn(365).toISOString(),
      createdOn: createdOn.toISOString(),
      minKeyValidityDays: 30,
      policy: {
        source: 'arm',
        expiryTime: 'P1Y',
        lifetimeActions: [
          { action: 'rotate', timeAfterCreate: 'P300D' },
          { action: 'notify', timeBeforeExpiry: 'P30D' }
        ]
      },
      rotations: [{ trigger: 'P300D after creation', rotatesAt: expiresIn(270).toISOString() }]
    })
  })

  it('records a missing expiry and a missing policy as null', () => {
    const finding = keyRotationFinding(keyWith(null, { expiresOn: undefined }), ctx)
    expect(finding.evidence).toEqual({ expiresOn: null, minKeyValidityDays: 30, policy: null })
  })
})

describe('ISO 8601 durations with times and long fields', () => {
  it('reads multi-digit fields of every kind and spaces around the text', () => {
    expect(parseDuration(' P12Y11M10W9DT23H59M58.5S ')).toEqual({
      years: 12,
      months: 11,
      days: 79,
      hours: 23,
      minutes: 59,
      seconds: 58.5
    })
    expect(parseDuration('PT')).toBeUndefined()
    expect(parseDuration('xP1D')).toBeUndefined()
    expect(parseDuration('P1DT')).toBeUndefined()
  })

  it('adds hours, minutes and seconds', () => {
    const start = new Date('2025-01-01T00:00:00Z')
    expect(addDuration(start, parseDuration('PT2H30M15S')!).toISOString()).toBe(
      '2025-01-01T02:30:15.000Z'
    )
    expect(subtractDuration(start, parseDuration('PT1H1M1S')!).toISOString()).toBe(
      '2024-12-31T22:58:59.000Z'
    )
  })
})
