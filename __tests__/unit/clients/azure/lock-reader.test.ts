import { lockScope } from '../../../../src/clients/azure/lock-reader.js'

const SUB = '/subscriptions/11111111-2222-3333-4444-555555555555'
const VAULT = `${SUB}/resourceGroups/rg-cmk/providers/Microsoft.KeyVault/vaults/kv-cmk`
const LOCK = '/providers/Microsoft.Authorization/locks/l'

describe('lockScope', () => {
  it('places locks on the vault, its resource group and its subscription', () => {
    expect(lockScope(`${VAULT}${LOCK}`, VAULT)).toBe('vault')
    expect(lockScope(`${SUB}/resourcegroups/RG-CMK${LOCK}`, VAULT)).toBe('resource-group')
    expect(lockScope(`${SUB.toUpperCase()}${LOCK}`, VAULT)).toBe('subscription')
  })

  it('never counts a lock on another resource, one below the vault, or one that is not a lock', () => {
    expect(lockScope(`${VAULT}2${LOCK}`, VAULT)).toBeUndefined()
    expect(
      lockScope(
        `${SUB}/resourceGroups/rg-cmk/providers/Microsoft.KeyVault/vaults/kv-other${LOCK}`,
        VAULT
      )
    ).toBeUndefined()
    expect(lockScope(`${SUB}/resourceGroups/rg-cmk2${LOCK}`, VAULT)).toBeUndefined()
    expect(lockScope(`${VAULT}/keys/k${LOCK}`, VAULT)).toBeUndefined()
    expect(lockScope(`${SUB}/resourceGroups/rg-cmk`, VAULT)).toBeUndefined()
  })
})
