import { readArmHsmKey, readArmKey } from '../clients/azure/key-reader.js'
import { readRotationPolicy, vaultScopeFor } from '../clients/azure/rotation-policy-reader.js'
import { readServicePrincipal } from '../clients/azure/graph-reader.js'
import {
  TRANSITIVE_MEMBER_OF_CALL,
  readTransitiveGroupIds
} from '../clients/azure/group-membership-reader.js'
import { toReadError } from './read-error.js'
import { keyIdentifierProblem } from '../model/identifiers.js'
import { ServiceError } from '../clients/http/service-error.js'
import { neutralize } from '../safety/neutralize.js'
import { readRoleAssignments } from '../clients/azure/role-reader.js'
import { readVault } from '../clients/azure/vault-reader.js'
import { readHsmRoleAssignments } from '../clients/azure/hsm-role-reader.js'
import { readDiagnosticSettings } from '../clients/azure/diagnostic-settings-reader.js'
import { readManagementLocks } from '../clients/azure/lock-reader.js'
import type {
  AppRegistration,
  Facts,
  KeyFacts,
  KeyRotationPolicy,
  Read,
  ServicePrincipal,
  VaultFacts
} from '../model/facts.js'
import type { Services } from '../clients/services.js'
import { notReadWithoutSignIn, signInToAdobe, signInToAzure } from './sign-in.js'
import type { ReadTarget } from './read-target.js'

async function attempt<T>(call: string, read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await read() }
  } catch (error) {
    return { ok: false, error: toReadError(call, error) }
  }
}

/**
 * Reads everything the checks need, read-only, each independent chain in parallel, each after
 * the sign-in it needs: Azure sign-in -> vault -> key (ARM) -> rotation policy (data plane, only
 * when ARM gave none); vault -> diagnostic settings and management locks (ARM); Adobe sign-in ->
 * registration -> service principal -> (with the vault) role assignments; Adobe configuration.
 */
export async function gatherFacts(services: Services, target: ReadTarget): Promise<Facts> {
  const { credential, signal } = services
  const azureSignIn = signInToAzure(services, target.azure)
  const adobeSignIn = signInToAdobe(services, target.adobe)
  const azureSignedIn = azureSignIn.then(s => s.session.ok)
  const adobeSignedIn = adobeSignIn.then(s => s.token.ok)
  /** A read that needs a sign-in: attempted only once that sign-in worked. */
  const after = <T>(
    signedIn: Promise<boolean>,
    service: 'Azure' | 'Adobe',
    call: string,
    read: () => Promise<T>
  ): Promise<Read<T>> =>
    signedIn.then(ok =>
      ok ? attempt(call, read) : { ok: false, error: notReadWithoutSignIn(call, service) }
    )
  if (!target.cmkAppObjectId)
    void credential
      .getToken(`${services.endpoints.graph}/.default`, { abortSignal: signal })
      .catch(() => undefined)

  const vaultRead = after(azureSignedIn, 'Azure', 'ARM find vault', () =>
    readVault(services, target.vault, signal)
  )
  const keyRead = vaultRead.then(vault =>
    vault.ok ? readKeyFacts(services, vault.value, target.keyName) : undefined
  )
  const protectionRead = vaultRead.then(vault =>
    vault.ok ? readVaultProtection(services, vault.value.id) : {}
  )
  const registrationRead = after(adobeSignedIn, 'Adobe', 'Adobe GET CMK app registration', () =>
    services.platform.getRegistration()
  )
  const configRead = after(adobeSignedIn, 'Adobe', 'Adobe GET configuration status', () =>
    services.platform.getConfig(target.configName)
  )
  const accessRead = Promise.all([registrationRead, azureSignedIn]).then(([registration, ok]) =>
    ok && registration.ok && registration.value
      ? readAppAccess(services, target, registration.value, vaultRead)
      : {}
  )
  const [azure, adobe, vault, key, registration, config, access, protection] = await Promise.all([
    azureSignIn,
    adobeSignIn,
    vaultRead,
    keyRead,
    registrationRead,
    configRead,
    accessRead,
    protectionRead
  ])
  return {
    azureSignIn: azure,
    adobeSignIn: adobe,
    vault,
    key,
    registration,
    config,
    ...access,
    ...protection
  }
}

/**
 * What would tell who touched the vault and what stops its deletion: its diagnostic settings and
 * the management locks on it and above, two ARM reads that need only its id, in parallel.
 */
async function readVaultProtection(
  services: Services,
  vaultId: string
): Promise<Pick<Facts, 'diagnosticSettings' | 'managementLocks'>> {
  const { signal } = services
  const [diagnosticSettings, managementLocks] = await Promise.all([
    attempt('ARM list diagnostic settings', () =>
      readDiagnosticSettings(services.monitor, vaultId, signal)
    ),
    attempt('ARM list management locks', () => readManagementLocks(services.locks, vaultId, signal))
  ])
  return { diagnosticSettings, managementLocks }
}

/**
 * The key through ARM, which the vault firewall does not apply to. The rotation policy comes from
 * the same answer; only where ARM omits it is the data plane asked, and its refusal (the firewall,
 * a missing data-plane role) stays in `rotationPolicy`: it never fails key.found.
 */
export async function readKeyFacts(
  services: Services,
  vault: VaultFacts,
  keyName: string
): Promise<Read<KeyFacts>> {
  const { credential, signal } = services
  const arm =
    vault.kind === 'managed-hsm'
      ? await attempt('ARM GET managed HSM key', () =>
          readArmHsmKey(services.keyVaultManagement, vault.id, vault.name, keyName, signal)
        )
      : await attempt('ARM GET key', () =>
          readArmKey(services.keyVaultManagement, vault.id, vault.name, keyName, signal)
        )
  if (!arm.ok) return arm
  // The identifier is logged, output and sent to Adobe: it must name this key in this vault.
  const problem = keyIdentifierProblem(arm.value.key.id, vault.vaultUri, keyName)
  if (problem) {
    const message = `unexpected key identifier "${neutralize(arm.value.key.id)}": ${problem}`
    return {
      ok: false,
      error: toReadError('ARM GET key', new ServiceError('ARM GET key', 200, message))
    }
  }
  const fromArm = arm.value.rotationPolicy
  const rotationPolicy: Read<KeyRotationPolicy | null> = fromArm
    ? { ok: true, value: fromArm }
    : await attempt(
        `${vault.kind === 'managed-hsm' ? 'Managed HSM' : 'Key Vault'} GET key rotation policy`,
        () => {
          // Ask for the vault token alongside the SDK's unauthenticated challenge request.
          void credential
            .getToken(vaultScopeFor(vault.vaultUri), { abortSignal: signal })
            .catch(() => undefined)
          return readRotationPolicy(credential, vault.vaultUri, keyName, services.http)
        }
      )
  return { ok: true, value: { ...arm.value.key, rotationPolicy } }
}

/**
 * The CMK app's service principal and its role assignments on the vault. `knownPrincipal` (one
 * setup just created) is taken instead of a directory look-up.
 */
export async function readAppAccess(
  services: Services,
  { keyName, cmkAppObjectId }: Pick<ReadTarget, 'keyName' | 'cmkAppObjectId'>,
  registration: AppRegistration,
  vaultRead: Promise<Read<VaultFacts>>,
  knownPrincipal?: ServicePrincipal
): Promise<Pick<Facts, 'servicePrincipal' | 'roleAssignments' | 'groupMemberships'>> {
  const { credential, signal } = services
  const appId = registration.applicationId
  if (!appId) return {}
  // Input cmk-app-object-id becomes the service-principal fact here and nowhere else.
  const servicePrincipal: Read<ServicePrincipal | null> = knownPrincipal
    ? { ok: true, value: knownPrincipal }
    : cmkAppObjectId
      ? { ok: true, value: { objectId: cmkAppObjectId, source: 'input' } }
      : await attempt('Microsoft Graph GET service principal', async () => {
          const sp = await readServicePrincipal(
            credential,
            services.endpoints.graph,
            appId,
            services.http
          )
          return sp && { ...sp, source: 'graph' as const }
        })
  const vault = await vaultRead
  if (!servicePrincipal.ok || !servicePrincipal.value || !vault.ok) return { servicePrincipal }
  const principalId = servicePrincipal.value.objectId
  const hsm = vault.value.kind === 'managed-hsm' ? vault.value : undefined
  if (hsm) {
    // Local RBAC cannot list by member: the app's groups come from Graph, read alongside.
    const groupMemberships = attempt(TRANSITIVE_MEMBER_OF_CALL, () =>
      readTransitiveGroupIds(credential, services.endpoints.graph, principalId, services.http)
    )
    const roleAssignments = await attempt('Managed HSM list local role assignments', () => {
      // Ask for the HSM token alongside the challenge's unauthenticated first request.
      void credential
        .getToken(vaultScopeFor(hsm.vaultUri), { abortSignal: signal })
        .catch(() => undefined)
      return readHsmRoleAssignments(
        services.managedHsmRbac(hsm.vaultUri),
        keyName,
        {
          objectId: principalId,
          groupIds: groupMemberships.then(m => (m.ok ? m.value : undefined))
        },
        signal
      )
    })
    return { servicePrincipal, roleAssignments, groupMemberships: await groupMemberships }
  }
  const roleAssignments = await attempt('ARM list role assignments', () =>
    readRoleAssignments(services.authorization, vault.value.id, keyName, principalId, signal)
  )
  return { servicePrincipal, roleAssignments }
}
