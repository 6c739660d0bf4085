import {
  REQUIRED_KEY_DATA_ACTIONS,
  actionMatches,
  dataActionCoverage,
  grantedDataActions,
  grantsDataActions
} from '../../../src/checks/role-permissions.js'
import type { RolePermission } from '../../../src/model/facts.js'
import { CRYPTO_SERVICE_ENCRYPTION_USER, roleAssignment, unreadableAssignment } from './fixtures.js'

function block(dataActions: string[], notDataActions: string[] = []): RolePermission {
  return { actions: [], notActions: [], dataActions, notDataActions }
}

describe('actionMatches', () => {
  it.each([
    ['*', 'Microsoft.KeyVault/vaults/keys/read', true],
    ['Microsoft.KeyVault/*', 'Microsoft.KeyVault/vaults/keys/wrap/action', true],
    ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keys/unwrap/action', true],
    ['microsoft.keyvault/VAULTS/keys/READ', 'Microsoft.KeyVault/vaults/keys/read', true],
    // Key Vault Reader's data action
    ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/keys/read', true],
    ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', false],
    ['Microsoft.KeyVault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/keys/read', false],
    ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/readX', false],
    ['Microsoft.KeyVault.vaults/keys/read', 'Microsoft.KeyVaultXvaults/keys/read', false],
    ['Microsoft.Storage/*', 'Microsoft.KeyVault/vaults/keys/read', false]
  ])('%s matches %s: %s', (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected)
  })
})

describe('grantsDataActions', () => {
  it('grants with the Crypto Service Encryption User role', () => {
    expect(grantsDataActions(CRYPTO_SERVICE_ENCRYPTION_USER, REQUIRED_KEY_DATA_ACTIONS)).toBe(true)
  })

  it('grants with Key Vault Administrator and Crypto Officer wildcards', () => {
    expect(
      grantsDataActions([block(['Microsoft.KeyVault/vaults/*'])], REQUIRED_KEY_DATA_ACTIONS)
    ).toBe(true)
    expect(
      grantsDataActions([block(['Microsoft.KeyVault/vaults/keys/*'])], REQUIRED_KEY_DATA_ACTIONS)
    ).toBe(true)
  })

  it('does not grant wrap and unwrap with Key Vault Reader', () => {
    const reader = [
      block([
        'Microsoft.KeyVault/vaults/*/read',
        'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
      ])
    ]
    expect(grantedDataActions(reader, REQUIRED_KEY_DATA_ACTIONS)).toEqual([
      'Microsoft.KeyVault/vaults/keys/read'
    ])
    expect(grantsDataActions(reader, REQUIRED_KEY_DATA_ACTIONS)).toBe(false)
  })

  it('subtracts notDataActions within the same block', () => {
    const perms = [block(['*'], ['Microsoft.KeyVault/vaults/keys/unwrap/action'])]
    expect(grantedDataActions(perms, REQUIRED_KEY_DATA_ACTIONS)).toEqual([
      'Microsoft.KeyVault/vaults/keys/read',
      'Microsoft.KeyVault/vaults/keys/wrap/action'
    ])
  })

  it('subtracts wildcard notDataActions case-insensitively', () => {
    const perms = [block(['Microsoft.KeyVault/*'], ['microsoft.keyvault/vaults/keys/*'])]
    expect(grantedDataActions(perms, REQUIRED_KEY_DATA_ACTIONS)).toEqual([])
  })

  it('takes the union over permission blocks', () => {
    const perms = [
      block(['Microsoft.KeyVault/vaults/keys/read']),
      block([
        'Microsoft.KeyVault/vaults/keys/wrap/action',
        'Microsoft.KeyVault/vaults/keys/unwrap/action'
      ])
    ]
    expect(grantsDataActions(perms, REQUIRED_KEY_DATA_ACTIONS)).toBe(true)
  })

  it('ignores control-plane actions', () => {
    const perms: RolePermission[] = [
      { actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }
    ]
    expect(grantsDataActions(perms, REQUIRED_KEY_DATA_ACTIONS)).toBe(false)
  })
})

describe('dataActionCoverage', () => {
  it('combines assignments additively; one role exclusions do not remove another role grants', () => {
    const readOnly = roleAssignment(
      [
        block(
          ['*'],
          [
            'Microsoft.KeyVault/vaults/keys/wrap/action',
            'Microsoft.KeyVault/vaults/keys/unwrap/action'
          ]
        )
      ],
      { roleName: 'Custom read' }
    )
    const wrap = roleAssignment(
      [
        block([
          'Microsoft.KeyVault/vaults/keys/wrap/action',
          'Microsoft.KeyVault/vaults/keys/unwrap/action'
        ])
      ],
      { roleName: 'Custom wrap' }
    )
    const coverage = dataActionCoverage([readOnly, wrap], REQUIRED_KEY_DATA_ACTIONS)
    expect(coverage.missing).toEqual([])
    expect(coverage.contributing.map(a => a.roleName)).toEqual(['Custom read', 'Custom wrap'])
  })

  it('reports missing actions and unreadable definitions', () => {
    const unreadable = unreadableAssignment()
    const reader = roleAssignment([block(['Microsoft.KeyVault/vaults/*/read'])])
    const coverage = dataActionCoverage([unreadable, reader], REQUIRED_KEY_DATA_ACTIONS)
    expect(coverage.missing).toEqual([
      'Microsoft.KeyVault/vaults/keys/wrap/action',
      'Microsoft.KeyVault/vaults/keys/unwrap/action'
    ])
    expect(coverage.unreadable).toEqual([unreadable])
  })
})
