/**
 * Drives the real Azure SDKs against the simulator, the way the action uses them, and prints a
 * JSON summary. Run in a child process with `sim.childEnv()` plus SIM_PROBE (JSON of
 * ProbeInput); the simulator unit test uses it to prove SDK compatibility.
 */
import * as core from '@actions/core'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { KeyVaultManagementClient } from '@azure/arm-keyvault'
import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity'
import { KeyClient } from '@azure/keyvault-keys'

export interface ProbeInput {
  auth: 'secret' | 'oidc'
  tenantId: string
  clientId: string
  clientSecret: string
  subscriptionId: string
  resourceGroup: string
  vaultName: string
  keyName: string
  principalId: string
}

const input = JSON.parse(process.env.SIM_PROBE ?? '{}') as ProbeInput
const arm = process.env.AEP_CMK_ARM_ENDPOINT as string
const options = {
  authorityHost: process.env.AEP_CMK_AUTHORITY_HOST as string,
  disableInstanceDiscovery: true
}
const credential =
  input.auth === 'secret'
    ? new ClientSecretCredential(input.tenantId, input.clientId, input.clientSecret, options)
    : new ClientAssertionCredential(
        input.tenantId,
        input.clientId,
        () => core.getIDToken('api://AzureADTokenExchange'),
        options
      )

const vaults = new KeyVaultManagementClient(credential, input.subscriptionId, { endpoint: arm })
const vault = await vaults.vaults.get(input.resourceGroup, input.vaultName)
const listed: string[] = []
for await (const v of vaults.vaults.listBySubscription()) listed.push(v.name ?? '')

const authorization = new AuthorizationManagementClient(credential, input.subscriptionId, {
  endpoint: arm
})
const roleNames: string[] = []
for await (const assignment of authorization.roleAssignments.listForScope(vault.id ?? '', {
  filter: `principalId eq '${input.principalId}'`
})) {
  const role = await authorization.roleDefinitions.getById(assignment.roleDefinitionId ?? '')
  roleNames.push(role.roleName ?? '')
}

const keys = new KeyClient(vault.properties.vaultUri ?? '', credential)
const key = await keys.getKey(input.keyName)
let missingKeyStatus: number | undefined
try {
  await keys.getKey(`${input.keyName}-missing`)
} catch (error) {
  missingKeyStatus = (error as { statusCode?: number }).statusCode
}

console.log(
  JSON.stringify({
    vaultUri: vault.properties.vaultUri,
    purgeProtection: vault.properties.enablePurgeProtection,
    listed,
    roleNames,
    keyId: key.id,
    keyType: key.keyType,
    keyBits: (key.key?.n?.length ?? 0) * 8,
    keyOps: key.keyOperations,
    missingKeyStatus
  })
)
