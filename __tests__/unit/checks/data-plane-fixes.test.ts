import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { evaluateChecks } from '../../../src/checks/evaluate.js'
import type { Facts, KeyFacts, VaultFacts } from '../../../src/model/facts.js'
import type { CheckId } from '../../../src/model/finding.js'
import { fixMarkdown } from '../../../src/report/fix-markdown.js'
import {
  DAY_MS,
  findingOf,
  healthyContext,
  healthyFacts,
  healthyKey,
  healthyManagedHsm,
  healthyVault,
  NOW,
  readError,
  SUBSCRIPTION_ID
} from './fixtures.js'

/** The vault the README recommends: public access on, a firewall that lets only Adobe in. */
function firewalled(vault: VaultFacts = healthyVault()): VaultFacts {
  return {
    ...vault,
    networkAcls: {
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: ['20.88.123.53/32'],
      virtualNetworkRules: []
    }
  }
}

function privateOnly(vault: VaultFacts = healthyVault()): VaultFacts {
  return { ...firewalled(vault), publicNetworkAccess: 'Disabled' }
}

function facts(vault: VaultFacts, key: Partial<KeyFacts> | 'missing'): Facts {
  return {
    ...healthyFacts(),
    vault: { ok: true, value: vault },
    key:
      key === 'missing'
        ? { ok: false, error: readError('not-found') }
        : { ok: true, value: { ...healthyKey(), ...key } }
  }
}

function fixOf(f: Facts, id: CheckId): string {
  return findingOf(evaluateChecks(f, healthyContext()), id).fix ?? ''
}

/** Every check whose fix changes the key through the data plane, with a key that fails it. */
const KEY_CHANGES: [CheckId, Partial<KeyFacts> | 'missing', string][] = [
  ['key.found', 'missing', 'Generate/Import'],
  ['key.enabled', { enabled: false }, 'cmk-key > its current version: set Enabled, then Save'],
  ['key.type', { keyType: 'EC' }, 'cmk-key > New Version'],
  ['key.size', { keySize: 2048 }, 'cmk-key > New Version'],
  [
    'key.operations',
    { keyOperations: ['encrypt'] },
    'cmk-key > its current version: tick wrapKey and unwrapKey under Permitted operations, then Save'
  ],
  [
    'key.active',
    { notBefore: new Date(NOW.getTime() + DAY_MS) },
    'cmk-key > its current version: Set activation date, then Save'
  ],
  [
    'key.expiry',
    { expiresOn: new Date(NOW.getTime() + DAY_MS) },
    'cmk-key > its current version: Set expiration date, then Save'
  ],
  ['key.rotation', { rotationPolicy: { ok: true, value: null } }, 'cmk-key > Rotation policy']
]

describe('a key fix behind the firewall the README recommends', () => {
  const allow = `az keyvault network-rule add --name kv-cmk --ip-address <your public IP> --subscription ${SUBSCRIPTION_ID}`
  const remove = `az keyvault network-rule remove --name kv-cmk --ip-address <your public IP> --subscription ${SUBSCRIPTION_ID}`

  it.each(KEY_CHANGES)('%s names the role, the firewall and the portal path', (id, key, portal) => {
    const fix = fixOf(facts(firewalled(), key), id)
    expect(fix).toContain('whoever runs it needs the role Key Vault Crypto Officer')
    expect(fix).toContain('ForbiddenByFirewall')
    expect(fix).toContain('run it from a machine inside the allowed network')
    expect(fix).toContain(`\`${allow}\` and remove it right after with \`${remove}\``)
    expect(fix).toContain(`In the portal: Key vaults > kv-cmk > Objects > Keys > ${portal}`)
  })

  it('gives the address commands as copyable blocks after the change itself', () => {
    const md = fixMarkdown(fixOf(facts(firewalled(), { enabled: false }), 'key.enabled'))
    const blocks = [...md.matchAll(/^```sh\n(.*)\n```$/gm)].map(m => m[1])
    expect(blocks).toEqual([
      'az keyvault key set-attributes --vault-name kv-cmk --name cmk-key --enabled true',
      allow,
      remove
    ])
  })

  it('says only a machine on the private endpoint can, when public access is Disabled', () => {
    const fix = fixOf(facts(privateOnly(), { enabled: false }), 'key.enabled')
    expect(fix).toContain('Its public network access is Disabled, so IP rules do not apply')
    expect(fix).toContain('through its private endpoint')
    expect(fix).not.toContain('network-rule')
  })

  it('says nothing of a firewall the vault does not have, but still names the role', () => {
    const fix = fixOf(facts(healthyVault(), { enabled: false }), 'key.enabled')
    expect(fix).toContain('Key Vault Crypto Officer')
    expect(fix).not.toMatch(/ForbiddenByFirewall|network-rule|private endpoint/)
  })

  it("names a Managed HSM's local role and firewall flag, and no portal path", () => {
    const fix = fixOf(facts(firewalled(healthyManagedHsm()), { enabled: false }), 'key.enabled')
    expect(fix).toContain('needs the local role Managed HSM Crypto User on the key or HSM')
    expect(fix).toContain('az keyvault network-rule add --hsm-name')
    expect(fix).not.toContain('In the portal')
  })
})

describe('docs/checks.md on key changes', () => {
  const doc = readFileSync(join('docs', 'checks.md'), 'utf8')
  const section = (id: string) => doc.slice(doc.indexOf(`## \`${id}\``)).split(/\n## /)[0] ?? ''

  it.each(KEY_CHANGES.map(([id]) => [id]))(
    '%s says the role, the firewall and the way through it',
    id => {
      const text = section(id)
      expect(text).toContain('Key Vault Crypto Officer')
      expect(text).toContain('Managed HSM Crypto User')
      expect(text).toContain('`ForbiddenByFirewall`')
      expect(text).toContain(
        '`az keyvault network-rule add --name <vault> --ip-address <your public IP>`'
      )
      expect(text).toContain(
        '`az keyvault network-rule remove --name <vault> --ip-address <your public IP>`'
      )
      expect(text).toContain('Key vaults > `<vault>` > Objects > Keys >')
    }
  )
})
