import { readAppAccess } from '../../facts/gather-facts.js'
import type { AppRegistration, VaultFacts } from '../../model/facts.js'
import {
  CREATE_SERVICE_PRINCIPAL_CALL,
  createServicePrincipal,
  type ServicePrincipalCreation
} from '../create-service-principal.js'
import { REPAIR_CHECK } from '../../checks/repairs.js'
import { graphTokenTenant } from '../signed-in-tenant.js'
import type { RepairStep } from './repair-step.js'

const check = REPAIR_CHECK['service-principal']

interface Target {
  registration: AppRegistration
  appId: string
  /** Its tenant is where the principal belongs. */
  vault: VaultFacts
}

type Result =
  | ServicePrincipalCreation
  /** The job signs in to another tenant than the vault's: nothing was written. */
  | { kind: 'other-tenant'; signedIn: string }
  /** The token does not say which tenant it signs in to: nothing was written. */
  | { kind: 'tenant-unknown' }

/** service-principal: creates the CMK app's service principal in the vault's tenant (app.consented). */
export const servicePrincipalRepair: RepairStep<Target, Result> = {
  item: 'service-principal',
  target(facts) {
    const registration = facts.registration.ok ? facts.registration.value : null
    const appId = registration?.applicationId
    // Without the vault, its tenant (where the principal belongs) is unknown: nothing is made blind.
    if (!registration || !appId || !facts.vault.ok) return undefined
    return { registration, appId, vault: facts.vault.value }
  },
  // Whether or not azure-tenant-id was given, the principal is made only where the token that
  // makes it was issued, and only when that is the vault's tenant.
  async write({ appId, vault }, { services, wait }) {
    const { credential, endpoints, signal } = services
    const signedIn = await graphTokenTenant(credential, endpoints.graph, signal)
    if (!signedIn) return { kind: 'tenant-unknown' }
    if (signedIn.toLowerCase() !== vault.tenantId.toLowerCase())
      return { kind: 'other-tenant', signedIn }
    return createServicePrincipal(credential, endpoints.graph, appId, services.http, wait())
  },
  say(result, { appId, vault }) {
    switch (result.kind) {
      case 'other-tenant':
        return {
          item: 'service-principal',
          check,
          result: 'not-possible',
          reason: `the job signs in to tenant ${result.signedIn}, but vault ${vault.name} belongs to tenant ${vault.tenantId}, where the service principal is needed`
        }
      case 'tenant-unknown':
        return {
          item: 'service-principal',
          check,
          result: 'not-possible',
          reason: `the Microsoft Graph token of the job does not say which tenant it signs in to (no tid claim), so it cannot be compared with tenant ${vault.tenantId} of vault ${vault.name}, where the service principal is needed`
        }
      case 'created':
        return {
          item: 'service-principal',
          check,
          result: 'created',
          summary: `Created the CMK app's service principal in tenant ${vault.tenantId} (application id ${appId}, object id ${result.objectId})`,
          ids: { appId, objectId: result.objectId }
        }
      case 'already-present':
        return {
          item: 'service-principal',
          check,
          result: 'already-present',
          summary: `the CMK app already has service principal ${result.objectId} in tenant ${vault.tenantId}`
        }
    }
  },
  // The principal as made, so that the role goes to it even while Graph's listing lags behind.
  readBack: (result, { registration, appId, vault }, { services, target }) =>
    result.kind === 'other-tenant' || result.kind === 'tenant-unknown'
      ? undefined
      : readAppAccess(services, target, registration, Promise.resolve({ ok: true, value: vault }), {
          objectId: result.objectId,
          appId,
          source: 'graph'
        }),
  failure: () => ({ call: CREATE_SERVICE_PRINCIPAL_CALL })
}
