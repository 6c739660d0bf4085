import { readHsmRoleAssignments } from '../../../../src/clients/azure/hsm-role-reader.js'
import type {
  HsmRoleAssignment,
  HsmScope,
  ManagedHsmRbacClient
} from '../../../../src/clients/azure/managed-hsm-rbac-client.js'

const SP = 'c4f2a9e1-7b3d-4e6a-8f5c-2d9b1a0e7f64'
const GROUP = '5b0c6f2e-1d3a-4c8b-9e7f-a1b2c3d4e5f6'
const OTHER = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'
const ROLE = 'Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/33413926'

function assignment(scope: string, principalId: string, n: number): HsmRoleAssignment {
  const prefix = scope === '/' ? '' : scope
  return {
    id: `${prefix}/providers/Microsoft.Authorization/roleAssignments/a${n}`,
    name: `a${n}`,
    properties: { scope, roleDefinitionId: ROLE, principalId }
  }
}

/** A local RBAC whose listing at `/` returns every assignment under the HSM, as the real one may. */
function fakeClient(all: HsmRoleAssignment[]): ManagedHsmRbacClient {
  const fake = {
    listRoleAssignments: (scope: HsmScope) =>
      Promise.resolve(
        all.filter(a => scope === '/' || a.properties.scope.toLowerCase().startsWith(scope))
      ),
    getRoleDefinition: () =>
      Promise.resolve({
        id: ROLE,
        name: '33413926',
        properties: { roleName: 'Managed HSM Crypto Service Encryption User', permissions: [] }
      })
  }
  return fake as unknown as ManagedHsmRbacClient
}

const signal = new AbortController().signal
const scopesOf = (facts: { scope: string }[]) => facts.map(f => f.scope).sort()

describe('readHsmRoleAssignments', () => {
  it('keeps only the key’s scopes: never another key whose name the key’s extends or shares a prefix with', async () => {
    const client = fakeClient([
      assignment('/keys/cmk-key', SP, 1),
      assignment('/keys/other-key', SP, 2),
      assignment('/keys/cmk-key-2', SP, 3),
      assignment('/keys/cmk', SP, 4),
      assignment('/keys', SP, 5),
      assignment('/', SP, 6)
    ])
    const facts = await readHsmRoleAssignments(
      client,
      'cmk-key',
      { objectId: SP, groupIds: Promise.resolve([]) },
      signal
    )
    expect(scopesOf(facts)).toEqual(['/', '/keys', '/keys/cmk-key'])
    expect(facts.every(f => f.principalType === 'ServicePrincipal')).toBe(true)
  })

  it('counts the groups the principal is in, and nobody else, once the memberships are known', async () => {
    const client = fakeClient([
      assignment('/keys/cmk-key', GROUP.toUpperCase(), 1),
      assignment('/keys/cmk-key', OTHER, 2)
    ])
    const facts = await readHsmRoleAssignments(
      client,
      'cmk-key',
      { objectId: SP, groupIds: Promise.resolve([GROUP]) },
      signal
    )
    expect(facts.map(f => [f.principalId.toLowerCase(), f.principalType])).toEqual([
      [GROUP, 'Group']
    ])
  })

  it('keeps every principal’s assignment at the key’s scopes, its type unknown, when the memberships are not', async () => {
    const client = fakeClient([
      assignment('/keys/cmk-key', SP, 1),
      assignment('/keys/cmk-key', OTHER, 2),
      assignment('/keys/other-key', OTHER, 3)
    ])
    const facts = await readHsmRoleAssignments(
      client,
      'cmk-key',
      { objectId: SP, groupIds: Promise.resolve(undefined) },
      signal
    )
    expect(facts.map(f => [f.principalId, f.scope, f.principalType])).toEqual([
      [SP, '/keys/cmk-key', 'ServicePrincipal'],
      [OTHER, '/keys/cmk-key', undefined]
    ])
  })
})
