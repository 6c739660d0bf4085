import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import { RestError } from '@azure/core-rest-pipeline'
import {
  assignVaultRole,
  CRYPTO_SERVICE_ENCRYPTION_USER_GUID
} from '../../../src/actions/assign-vault-role.js'
import type { Clock } from '../../../src/actions/poll-schedule.js'
import { roleAssignmentName } from '../../../src/actions/role-assignment-name.js'
import { fakeClock } from './fakes.js'

const VAULT =
  '/subscriptions/6f1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv'
const PRINCIPAL = 'c4f2a9e1-7b3d-4e6a-8f5c-2d9b1a0e7f64'

function armError(status: number, code: string): RestError {
  return new RestError(`${code}: simulated`, { code, statusCode: status })
}

/** A stand-in for roleAssignments.create that answers from a script and records each call. */
function fakeClient(answers: Array<RestError | 'ok'>) {
  const calls: Array<{ scope: string; name: string; parameters: Record<string, unknown> }> = []
  const client = {
    roleAssignments: {
      create: async (scope: string, name: string, parameters: Record<string, unknown>) => {
        calls.push({ scope, name, parameters })
        const answer = answers.shift() ?? 'ok'
        if (answer !== 'ok') throw answer
        return { id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}` }
      }
    }
  } as unknown as AuthorizationManagementClient
  return { client, calls }
}

const options = (clock: Clock, timeoutMs = 60_000) => ({
  firstIntervalMs: 1000,
  timeoutMs,
  clock,
  signal: new AbortController().signal
})

describe('roleAssignmentName', () => {
  it('is the RFC 9562 UUIDv5 of "scope|role|principal" in the action\'s namespace, stable across releases', () => {
    // Computed independently: Python's uuid.uuid5(UUID('b7b4c1f2-5d0e-4c8a-9f3e-2a6d1c0b9e47'),
    // '<scope>|<role guid>|<principal>' lower-cased). A release that named it otherwise would
    // make a second assignment beside the one an earlier release made.
    expect(roleAssignmentName(VAULT, CRYPTO_SERVICE_ENCRYPTION_USER_GUID, PRINCIPAL)).toBe(
      '5fd6f0e9-eee1-5fad-9c22-4261e52e12e6'
    )
  })

  it('is a UUIDv5 that depends on scope, role and principal only, whatever their case', () => {
    const name = roleAssignmentName(VAULT, CRYPTO_SERVICE_ENCRYPTION_USER_GUID, PRINCIPAL)
    expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(
      roleAssignmentName(
        `${VAULT.toUpperCase()}/`,
        `/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_SERVICE_ENCRYPTION_USER_GUID.toUpperCase()}`,
        PRINCIPAL.toUpperCase()
      )
    ).toBe(name)
    expect(
      roleAssignmentName(
        `${VAULT}//`,
        `/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_SERVICE_ENCRYPTION_USER_GUID}//`,
        PRINCIPAL
      )
    ).toBe(name)
    expect(
      roleAssignmentName(`${VAULT}2`, CRYPTO_SERVICE_ENCRYPTION_USER_GUID, PRINCIPAL)
    ).not.toBe(name)
    expect(
      roleAssignmentName(VAULT, CRYPTO_SERVICE_ENCRYPTION_USER_GUID, PRINCIPAL.replace('c', 'd'))
    ).not.toBe(name)
  })
})

describe('assignVaultRole', () => {
  it('PUTs the role at the vault for a service principal under the derived name', async () => {
    const { client, calls } = fakeClient(['ok'])
    const outcome = await assignVaultRole(client, VAULT, PRINCIPAL, options(fakeClock()))
    const name = roleAssignmentName(VAULT, CRYPTO_SERVICE_ENCRYPTION_USER_GUID, PRINCIPAL)
    expect(calls).toEqual([
      {
        scope: VAULT,
        name,
        parameters: {
          roleDefinitionId: `/subscriptions/6f1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_SERVICE_ENCRYPTION_USER_GUID}`,
          principalId: PRINCIPAL,
          principalType: 'ServicePrincipal'
        }
      }
    ])
    expect(outcome).toEqual({
      kind: 'created',
      id: `${VAULT}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      attempts: 1
    })
  })

  it('names the assignment itself when ARM answers without an id', async () => {
    const client = {
      roleAssignments: { create: async () => ({}) }
    } as unknown as AuthorizationManagementClient
    const outcome = await assignVaultRole(client, VAULT, PRINCIPAL, options(fakeClock()))
    const name = roleAssignmentName(VAULT, CRYPTO_SERVICE_ENCRYPTION_USER_GUID, PRINCIPAL)
    expect(outcome).toEqual({
      kind: 'created',
      id: `${VAULT}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      attempts: 1
    })
  })

  it("passes the run's abort signal to the PUT", async () => {
    const seen: unknown[] = []
    const client = {
      roleAssignments: {
        create: async (_s: string, _n: string, _p: unknown, options: unknown) => {
          seen.push(options)
          return { id: 'x' }
        }
      }
    } as unknown as AuthorizationManagementClient
    const run = options(fakeClock())
    await assignVaultRole(client, VAULT, PRINCIPAL, run)
    expect(seen).toEqual([{ abortSignal: run.signal }])
  })

  it('takes RoleAssignmentExists as success, without retrying', async () => {
    const { client, calls } = fakeClient([armError(409, 'RoleAssignmentExists')])
    const outcome = await assignVaultRole(client, VAULT, PRINCIPAL, options(fakeClock()))
    expect(outcome).toEqual({ kind: 'already-present', attempts: 1 })
    expect(calls).toHaveLength(1)
  })

  it('takes no other 409 as success: RoleAssignmentUpdateNotPermitted is a failure', async () => {
    const { client, calls } = fakeClient([armError(409, 'RoleAssignmentUpdateNotPermitted')])
    await expect(
      assignVaultRole(client, VAULT, PRINCIPAL, options(fakeClock()))
    ).rejects.toMatchObject({ statusCode: 409, code: 'RoleAssignmentUpdateNotPermitted' })
    expect(calls).toHaveLength(1)
  })

  it('retries PrincipalNotFound with growing waits on the injected clock', async () => {
    const clock = fakeClock()
    const { client, calls } = fakeClient([
      armError(400, 'PrincipalNotFound'),
      armError(400, 'PrincipalNotFound'),
      'ok'
    ])
    const outcome = await assignVaultRole(client, VAULT, PRINCIPAL, options(clock))
    expect(outcome).toMatchObject({ kind: 'created', attempts: 3 })
    expect(calls).toHaveLength(3)
    expect(clock.sleeps).toEqual([1000, 1500])
  })

  it('gives up with the last PrincipalNotFound once the wait is spent, trying at the deadline', async () => {
    const clock = fakeClock()
    const { client, calls } = fakeClient(Array(20).fill(armError(400, 'PrincipalNotFound')))
    await expect(
      assignVaultRole(client, VAULT, PRINCIPAL, options(clock, 3000))
    ).rejects.toMatchObject({ code: 'PrincipalNotFound' })
    expect(clock.sleeps).toEqual([1000, 1500, 500])
    expect(calls).toHaveLength(4)
  })

  it('does not retry a refusal', async () => {
    const clock = fakeClock()
    const { client, calls } = fakeClient([armError(403, 'AuthorizationFailed')])
    await expect(assignVaultRole(client, VAULT, PRINCIPAL, options(clock))).rejects.toMatchObject({
      statusCode: 403
    })
    expect(calls).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })
})
