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
const CUSTOM_GUID = '5a1e7c3d-0000-4000-8000-00000000c0de'
const BROKEN_GUID = '5a1e7c3d-0000-4000-8000-0000000000bd'
const CUSTOM_WRAPPER = [
  {
    actions: [],
    notActions: [],
    dataActions: ['Microsoft.KeyVault/vaults/keys/*'],
    notDataActions: ['Microsoft.KeyVault/vaults/keys/delete']
  }
]
const definitionAt = (guid: string) =>
  `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${guid}`

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
): { client: AuthorizationManagementClient; listed: string[]; definitionsRead: string[] } {
  const listed: string[] = []
  const definitionsRead: string[] = []
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
        definitionsRead.push(id)
        if (id.endsWith(CUSTOM_GUID))
          return Promise.resolve({ roleName: 'CMK wrapper', permissions: CUSTOM_WRAPPER })
        if (id.endsWith(BROKEN_GUID)) return Promise.reject(new Error('503 Service Unavailable'))
        return Promise.reject(new Error(`unexpected role definition ${id}`))
      }
    }
  }
  return { client: client as unknown as AuthorizationManagementClient, listed, definitionsRead }
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

  it('knows the built-in roles without reading their definitions, with the published permissions', async () => {
    const builtIns = [
      CSEU_GUID,
      '12338af0-0e69-4776-bea7-57ae8d297424',
      '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
      '00482a5a-887f-4fb3-b363-3b7fe8e74483',
      'acdd72a7-3385-48ef-bd42-f606fba81ae7'
    ]
    const { client, definitionsRead } = fakeClient(
      builtIns.map(guid => ({
        scope: VAULT_ID,
        principalId: SP_OBJECT_ID,
        roleDefinitionId: definitionAt(guid.toUpperCase())
      }))
    )
    const assignments = await readRoleAssignments(
      client,
      VAULT_ID,
      'cmk-key',
      SP_OBJECT_ID,
      new AbortController().signal
    )
    expect(definitionsRead).toEqual([])
    expect(assignments.map(a => a.roleName)).toEqual([
      'Key Vault Crypto Service Encryption User',
      'Key Vault Crypto User',
      'Key Vault Crypto Officer',
      'Key Vault Administrator',
      'Reader'
    ])
    // The role check's verdict for each, alone: the four Key Vault roles grant, Reader does not.
    expect(
      assignments.map(a => {
        const facts = healthyFacts()
        facts.roleAssignments = { ok: true, value: [a] }
        return appRoleFinding(facts, { mode: 'check' }).outcome
      })
    ).toEqual(['pass', 'pass', 'pass', 'pass', 'fail'])
    expect(assignments[0]?.permissions).toEqual([
      expect.objectContaining({ dataActions: CRYPTO_SERVICE_ENCRYPTION_USER[0]?.dataActions })
    ])
  })

  it('reads a custom role definition, once per run, and again after a failed read', async () => {
    const { client, definitionsRead } = fakeClient([
      { scope: VAULT_ID, principalId: SP_OBJECT_ID, roleDefinitionId: definitionAt(CUSTOM_GUID) },
      { scope: VAULT_ID, principalId: SP_OBJECT_ID, roleDefinitionId: definitionAt(BROKEN_GUID) }
    ])
    const read = () =>
      readRoleAssignments(client, VAULT_ID, 'cmk-key', SP_OBJECT_ID, new AbortController().signal)
    const first = await read()
    expect(first.map(a => [a.roleName, a.permissions])).toEqual([
      ['CMK wrapper', CUSTOM_WRAPPER],
      [undefined, undefined]
    ])
    await read()
    expect(definitionsRead).toEqual([
      definitionAt(CUSTOM_GUID),
      definitionAt(BROKEN_GUID),
      definitionAt(BROKEN_GUID)
    ])
  })
})
