import { RestError } from '@azure/core-rest-pipeline'
import {
  assignHsmKeyRole,
  HSM_CRYPTO_SERVICE_ENCRYPTION_USER_GUID
} from '../../../src/actions/assign-hsm-role.js'
import { roleAssignmentName } from '../../../src/actions/role-assignment-name.js'
import type {
  HsmRoleAssignment,
  ManagedHsmRbacClient
} from '../../../src/clients/azure/managed-hsm-rbac-client.js'
import { fakeClock } from './fakes.js'

const HSM = 'https://hsm-prod.managedhsm.azure.net'
const PRINCIPAL = 'c4f2a9e1-7b3d-4e6a-8f5c-2d9b1a0e7f64'
const ROLE = `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/${HSM_CRYPTO_SERVICE_ENCRYPTION_USER_GUID}`

/** A stand-in for the HSM's createRoleAssignment that answers from a script and records each call. */
function fakeRbac(answers: Array<RestError | { id: string }>) {
  const calls: Array<{ scope: string; name: string; assignment: unknown }> = []
  const client = {
    createRoleAssignment: async (scope: string, name: string, assignment: unknown) => {
      calls.push({ scope, name, assignment })
      const answer = answers.shift() ?? { id: '' }
      if (answer instanceof RestError) throw answer
      return { id: answer.id, name, properties: {} } as unknown as HsmRoleAssignment
    }
  } as unknown as ManagedHsmRbacClient
  return { client, calls }
}

const hsmError = (status: number, code: string) =>
  new RestError(`${code}: simulated`, { code, statusCode: status })

const options = (timeoutMs = 60_000) => {
  const clock = fakeClock()
  return {
    clock,
    value: { firstIntervalMs: 1000, timeoutMs, clock, signal: new AbortController().signal }
  }
}

describe('assignHsmKeyRole', () => {
  const name = roleAssignmentName(`${HSM}/keys/cmk`, ROLE, PRINCIPAL)

  it("PUTs the role at /keys/<key> under a name derived from the HSM's key scope, role and principal", async () => {
    const { client, calls } = fakeRbac([
      { id: `/keys/cmk/providers/Microsoft.Authorization/roleAssignments/${name}` }
    ])
    const outcome = await assignHsmKeyRole(client, `${HSM}/`, 'cmk', PRINCIPAL, options().value)
    expect(calls).toEqual([
      { scope: '/keys/cmk', name, assignment: { roleDefinitionId: ROLE, principalId: PRINCIPAL } }
    ])
    expect(outcome).toEqual({
      kind: 'created',
      id: `${HSM}/keys/cmk/providers/Microsoft.Authorization/roleAssignments/${name}`,
      attempts: 1
    })
  })

  it('names the assignment itself when the answer carries no id', async () => {
    const { client } = fakeRbac([{ id: '' }])
    const outcome = await assignHsmKeyRole(client, HSM, 'cmk', PRINCIPAL, options().value)
    expect(outcome).toMatchObject({
      id: `${HSM}/keys/cmk/providers/Microsoft.Authorization/roleAssignments/${name}`
    })
  })

  it('the same HSM, key and principal give the same name, another key another name', async () => {
    const first = fakeRbac([])
    await assignHsmKeyRole(first.client, HSM, 'cmk', PRINCIPAL, options().value)
    await assignHsmKeyRole(first.client, `${HSM}//`, 'cmk', PRINCIPAL, options().value)
    await assignHsmKeyRole(first.client, HSM, 'cmk2', PRINCIPAL, options().value)
    const [a, b, c] = first.calls.map(call => call.name)
    expect(a).toBe(b)
    expect(c).not.toBe(a)
  })

  it('takes a 409 as the role being held already', async () => {
    const { client, calls } = fakeRbac([hsmError(409, 'Conflict')])
    const outcome = await assignHsmKeyRole(client, HSM, 'cmk', PRINCIPAL, options().value)
    expect(outcome).toEqual({ kind: 'already-present', attempts: 1 })
    expect(calls).toHaveLength(1)
  })

  it('waits out PrincipalNotFound and counts the attempts', async () => {
    const run = options()
    const { client } = fakeRbac([hsmError(400, 'PrincipalNotFound'), { id: '/keys/cmk/x' }])
    const outcome = await assignHsmKeyRole(client, HSM, 'cmk', PRINCIPAL, run.value)
    expect(outcome).toEqual({ kind: 'created', id: `${HSM}/keys/cmk/x`, attempts: 2 })
    expect(run.clock.sleeps).toEqual([1000])
  })

  it('a 409 after PrincipalNotFound counts every attempt', async () => {
    const { client } = fakeRbac([hsmError(400, 'PrincipalNotFound'), hsmError(409, 'Conflict')])
    const outcome = await assignHsmKeyRole(client, HSM, 'cmk', PRINCIPAL, options().value)
    expect(outcome).toEqual({ kind: 'already-present', attempts: 2 })
  })

  it('throws a refusal at once', async () => {
    const refusal = hsmError(403, 'Forbidden')
    const { client, calls } = fakeRbac([refusal])
    await expect(assignHsmKeyRole(client, HSM, 'cmk', PRINCIPAL, options().value)).rejects.toBe(
      refusal
    )
    expect(calls).toHaveLength(1)
  })
})
