import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import { appRoleFinding } from '../../../../src/checks/app-checks.js'
import { appliesTo, readRoleAssignments } from '../../../../src/clients/azure/role-reader.js'
import {
  CRYPTO_SERVICE_ENCRYPTION_USER,
  SP_OBJECT_ID,
  SUBSCRIPTION_ID,
  VAULT_ID,
  healthyFacts
} from '../../checks/fixtures.js'

const MG = '/providers/Microsoft.Management/managementGroups/mg-platform'
const CSEU_GUID = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'

describe('appliesTo', () => {
  it.each([
    ['the vault itself', VAULT_ID],
    ['the vault, other case and a trailing slash', `${VAULT_ID.toUpperCase()}/`],
    ['its resource group', `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-cmk`],
    ['its subscription', `/subscriptions/${SUBSCRIPTION_ID}`],
    ['a management group', MG],
    ['a management group, other case', MG.toLowerCase()],
    ['the tenant root group', '/providers/Microsoft.Management/managementGroups/tenant-root'],
    ['the root scope', '/']
  ])('applies at %s', (_, scope) => {
    expect(appliesTo(scope, VAULT_ID)).toBe(true)
  })

  it.each([
    ['a key below the vault', `${VAULT_ID}/keys/cmk-key`],
    ['another vault', `${VAULT_ID}-2`],
    ['another resource group', `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-other`],
    ['another subscription', '/subscriptions/00000000-0000-0000-0000-000000000000'],
    ['a resource below a management group path', `${MG}/providers/Microsoft.Foo/bars/x`],
    ['a provider scope that is not a management group', '/providers/Microsoft.Capacity']
  ])('does not apply at %s', (_, scope) => {
    expect(appliesTo(scope, VAULT_ID)).toBe(false)
  })
})

/** A stand-in for the ARM authorization client that answers like ARM's `assignedTo` list. */
function fakeClient(
  assignments: {
    scope: string
    principalId: string
    roleDefinitionId: string
    principalType?: string
    condition?: string
  }[]
): { client: AuthorizationManagementClient; listed: string[] } {
  const listed: string[] = []
  const client = {
    roleAssignments: {
      listForScope(scope: string, options: { filter?: string }) {
        listed.push(`${scope} ${options.filter ?? ''}`)
        const page = assignments.map((a, i) => ({
          ...a,
          id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${i}`
        }))
        return {
          byPage: async function* () {
            yield page
          }
        }
      }
    },
    roleDefinitions: {
      getById(id: string) {
        if (!id.endsWith(CSEU_GUID)) throw new Error(`unexpected role definition ${id}`)
        return Promise.resolve({
          roleName: 'Key Vault Crypto Service Encryption User',
          permissions: CRYPTO_SERVICE_ENCRYPTION_USER
        })
      }
    }
  }
  return { client: client as unknown as AuthorizationManagementClient, listed }
}

describe('readRoleAssignments', () => {
  it('keeps an assignment inherited from a management group, and app.role passes with it', async () => {
    const { client, listed } = fakeClient([
      {
        scope: MG,
        principalId: SP_OBJECT_ID,
        roleDefinitionId: `${MG}/providers/Microsoft.Authorization/roleDefinitions/${CSEU_GUID}`
      },
      {
        scope: `${VAULT_ID}/keys/other-key`,
        principalId: SP_OBJECT_ID,
        roleDefinitionId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${CSEU_GUID}`
      }
    ])
    const assignments = await readRoleAssignments(
      client,
      VAULT_ID,
      'cmk-key',
      SP_OBJECT_ID,
      new AbortController().signal
    )
    expect(listed).toEqual([`${VAULT_ID} assignedTo('${SP_OBJECT_ID}')`])
    expect(assignments).toEqual([
      expect.objectContaining({
        scope: MG,
        principalId: SP_OBJECT_ID,
        roleName: 'Key Vault Crypto Service Encryption User'
      })
    ])

    const facts = healthyFacts()
    facts.roleAssignments = { ok: true, value: assignments }
    const finding = appRoleFinding(facts, { mode: 'check' })
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain(`Key Vault Crypto Service Encryption User at ${MG}`)
  })

  it("keeps this key's scope and a group's assignment, with the condition, and drops other keys", async () => {
    const GROUP = '00000000-0000-0000-0000-0000000000aa'
    const definition = `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${CSEU_GUID}`
    const { client } = fakeClient([
      {
        scope: `${VAULT_ID}/keys/cmk-key`,
        principalId: SP_OBJECT_ID,
        roleDefinitionId: definition
      },
      {
        scope: VAULT_ID,
        principalId: GROUP,
        principalType: 'Group',
        roleDefinitionId: definition,
        condition: "@Resource[Microsoft.KeyVault/vaults/keys:KeyName] StringEquals 'cmk-key'"
      },
      {
        scope: `${VAULT_ID}/keys/other-key`,
        principalId: SP_OBJECT_ID,
        roleDefinitionId: definition
      }
    ])
    const assignments = await readRoleAssignments(
      client,
      VAULT_ID,
      'CMK-KEY',
      SP_OBJECT_ID,
      new AbortController().signal
    )
    expect(assignments.map(a => [a.scope, a.principalId, a.condition])).toEqual([
      [`${VAULT_ID}/keys/cmk-key`, SP_OBJECT_ID, undefined],
      [VAULT_ID, GROUP, "@Resource[Microsoft.KeyVault/vaults/keys:KeyName] StringEquals 'cmk-key'"]
    ])
  })
})
