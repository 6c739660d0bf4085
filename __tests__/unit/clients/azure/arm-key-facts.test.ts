import { armKeyFacts, resourceGroupOf } from '../../../../src/clients/azure/key-reader.js'

/** ARM's answer as @azure/arm-keyvault deserialises it (REST spec example, with :443). */
const resource = {
  name: 'cmk-key',
  attributes: { enabled: true, notBefore: 1700000000, expires: 1800000000, created: 1598533051 },
  kty: 'RSA-HSM',
  keyOps: ['wrapKey', 'unwrapKey'],
  keySize: 3072,
  keyUriWithVersion:
    'https://kv-cmk.vault.azure.net:443/keys/cmk-key/fd618d9519b74f9aae94ade66b876acc'
}

describe('armKeyFacts', () => {
  it('maps the key resource: identifier without the default port, version, Unix-second dates', () => {
    const { key, rotationPolicy } = armKeyFacts(resource, 'ARM GET key')
    expect(key).toEqual({
      id: 'https://kv-cmk.vault.azure.net/keys/cmk-key/fd618d9519b74f9aae94ade66b876acc',
      name: 'cmk-key',
      version: 'fd618d9519b74f9aae94ade66b876acc',
      keyType: 'RSA-HSM',
      keySize: 3072,
      keyOperations: ['wrapKey', 'unwrapKey'],
      enabled: true,
      notBefore: new Date(1700000000 * 1000),
      expiresOn: new Date(1800000000 * 1000),
      createdOn: new Date(1598533051 * 1000)
    })
    expect(rotationPolicy).toBeUndefined()
  })

  it('keeps a non-default port and reads a disabled key as disabled', () => {
    const { key } = armKeyFacts(
      {
        ...resource,
        attributes: { enabled: false },
        keyUriWithVersion: 'https://kv.vault.localhost:8443/keys/k/0123'
      },
      'ARM GET key'
    )
    expect(key.id).toBe('https://kv.vault.localhost:8443/keys/k/0123')
    expect(key.enabled).toBe(false)
    expect(key.expiresOn).toBeUndefined()
  })

  it('has no RSA size for an EC key', () => {
    expect(armKeyFacts({ ...resource, kty: 'EC', keySize: 256 }, 'ARM GET key').key.keySize).toBe(
      undefined
    )
  })

  it("maps ARM's rotation policy with lower-cased actions", () => {
    const { rotationPolicy } = armKeyFacts(
      {
        ...resource,
        rotationPolicy: {
          attributes: { expiryTime: 'P2Y' },
          lifetimeActions: [
            { trigger: { timeBeforeExpiry: 'P2M' }, action: { type: 'Rotate' } },
            { trigger: { timeAfterCreate: 'P30D' }, action: { type: 'notify' } }
          ]
        }
      },
      'ARM GET key'
    )
    expect(rotationPolicy).toEqual({
      source: 'arm',
      expiryTime: 'P2Y',
      lifetimeActions: [
        { action: 'rotate', timeBeforeExpiry: 'P2M', timeAfterCreate: undefined },
        { action: 'notify', timeAfterCreate: 'P30D', timeBeforeExpiry: undefined }
      ]
    })
  })

  it('refuses an answer without keyUriWithVersion, naming the call', () => {
    expect(() => armKeyFacts({ ...resource, keyUriWithVersion: undefined }, 'ARM GET key')).toThrow(
      /ARM GET key.*keyUriWithVersion/
    )
  })
})

describe('resourceGroupOf', () => {
  it('reads the resource group of a vault id', () => {
    expect(
      resourceGroupOf(
        '/subscriptions/s/resourceGroups/rg-cmk/providers/Microsoft.KeyVault/vaults/kv'
      )
    ).toBe('rg-cmk')
  })
})
