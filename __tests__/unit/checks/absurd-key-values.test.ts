import { armKeyFacts } from '../../../src/clients/azure/key-reader.js'
import { evaluateChecks } from '../../../src/checks/evaluate.js'
import type { Facts, KeyFacts } from '../../../src/model/facts.js'
import { findingOf, healthyContext, healthyFacts } from './fixtures.js'

/** The key ARM describes with these attributes, read as the action reads it. */
function keyWith(attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return armKeyFacts(
    {
      name: 'cmk-key',
      kty: 'RSA',
      keySize: 3072,
      keyOps: ['wrapKey', 'unwrapKey'],
      keyUriWithVersion: 'https://kv-cmk.vault.azure.net/keys/cmk-key/0123',
      attributes: { enabled: true, created: 1_700_000_000, ...attributes },
      ...extra
    },
    'ARM GET key'
  ).key
}

function factsWith(key: Omit<KeyFacts, 'rotationPolicy'>): Facts {
  const facts = healthyFacts()
  if (!facts.key?.ok) throw new Error('healthy facts have a key')
  facts.key = { ok: true, value: { ...key, rotationPolicy: facts.key.value.rotationPolicy } }
  return facts
}

describe('a key date that is no date (exp of 1e13 seconds)', () => {
  it('is kept as ARM sent it instead of becoming an Invalid Date', () => {
    expect(keyWith({ expires: 1e13 }).expiresOn).toEqual({ unusable: '10000000000000' })
    expect(keyWith({ notBefore: -1e12 }).notBefore).toEqual({ unusable: '-1000000000000' })
    expect(keyWith({ expires: 253402300799 }).expiresOn).toEqual(new Date('9999-12-31T23:59:59Z'))
  })

  it('makes the checks that read it warn, quoting it; every other check still reports', () => {
    const findings = evaluateChecks(factsWith(keyWith({ expires: 1e13 })), healthyContext())
    for (const id of ['key.active', 'key.expiry', 'key.rotation'] as const) {
      const finding = findingOf(findings, id)
      expect(finding.outcome).toBe('warn')
      expect(finding.detail).toContain('attributes.expires 10000000000000')
      expect(finding.fix).toContain(
        '`az keyvault key show --vault-name kv-cmk --name cmk-key --query attributes`'
      )
    }
    const others = findings.filter(
      f => !['key.active', 'key.expiry', 'key.rotation'].includes(f.id)
    )
    expect(others.filter(f => f.outcome !== 'pass')).toEqual([])
  })

  it('an unusable activation or creation date warns only the checks that read it', () => {
    const nbf = evaluateChecks(factsWith(keyWith({ notBefore: 1e13 })), healthyContext())
    expect(findingOf(nbf, 'key.active').detail).toContain('attributes.notBefore 10000000000000')
    expect(findingOf(nbf, 'key.expiry').outcome).toBe('pass')
    const created = evaluateChecks(factsWith(keyWith({ created: 1e13 })), healthyContext())
    expect(findingOf(created, 'key.rotation').detail).toContain('attributes.created')
    expect(findingOf(created, 'key.active').outcome).toBe('pass')
  })

  it('quotes every unusable date a check reads, and says how to see the dates and set a new expiry', () => {
    const findings = evaluateChecks(
      factsWith(keyWith({ expires: 1e13, created: -1e12 })),
      healthyContext()
    )
    expect(findingOf(findings, 'key.rotation')).toEqual({
      id: 'key.rotation',
      outcome: 'warn',
      detail:
        'This cannot be decided: for key cmk-key (version 0123) Azure Resource Manager answered attributes.expires 10000000000000 and attributes.created -1000000000000, which is no date (Unix seconds of the years 1 to 9999).',
      fix: "Look at the key's dates with `az keyvault key show --vault-name kv-cmk --name cmk-key --query attributes`; if they are wrong, set them, e.g. `az keyvault key set-attributes --vault-name kv-cmk --name cmk-key --expires 2026-06-01T00:00:00Z`, or rotate the key. This goes through the data plane of vault kv-cmk: whoever runs it needs the role Key Vault Crypto Officer on the key or vault. In the portal: Key vaults > kv-cmk > Objects > Keys > cmk-key > its current version: Set expiration date, then Save.",
      evidence: { unusableDates: { expiresOn: '10000000000000', createdOn: '-1000000000000' } }
    })
  })

  it('a rotation trigger that lands outside any date cannot be told, without throwing', () => {
    const facts = factsWith(keyWith({ expires: 1_900_000_000 }))
    if (facts.key?.ok)
      facts.key.value.rotationPolicy = {
        ok: true,
        value: {
          source: 'arm',
          lifetimeActions: [{ action: 'rotate', timeBeforeExpiry: 'P999999999Y' }]
        }
      }
    const rotation = findingOf(evaluateChecks(facts, healthyContext()), 'key.rotation')
    expect(rotation.outcome).toBe('warn')
    expect(rotation.detail).toContain('P999999999Y before expiry')
    expect(rotation.detail).toContain('cannot be told')
  })

  it('a key size no RSA key has warns key.size, quoting it', () => {
    for (const keySize of [Infinity, 3072.5, 1e6]) {
      const findings = evaluateChecks(factsWith(keyWith({}, { keySize })), healthyContext())
      const size = findingOf(findings, 'key.size')
      expect(size.outcome).toBe('warn')
      expect(size.detail).toContain(`keySize ${keySize}`)
    }
  })
})
