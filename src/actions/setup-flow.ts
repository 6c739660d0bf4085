import { toReadError } from '../facts/read-error.js'
import { ServiceError } from '../clients/http/service-error.js'
import type { CheckId, Finding } from '../model/finding.js'
import { failedCheckIds } from '../checks/finding-list.js'
import { ADOBE_MONITORING_IP } from '../checks/vault-checks.js'
import {
  CONFIG_STATUSES,
  isDocumentedStatus,
  type AdobeConfig,
  type Facts,
  type Read,
  type VaultFacts
} from '../model/facts.js'
import { readAppAccess } from '../facts/gather-facts.js'
import { readVault } from '../clients/azure/vault-reader.js'
import type { Services } from '../clients/services.js'
import type { Repair, VaultType } from '../model/choices.js'
import { allowAdobeIp } from './allow-adobe-ip.js'
import { assignHsmKeyRole } from './assign-hsm-role.js'
import { assignVaultRole } from './assign-vault-role.js'
import {
  CREATE_SERVICE_PRINCIPAL_CALL,
  createServicePrincipal
} from './create-service-principal.js'
import { ensureConfig } from './ensure-config.js'
import { realClock, type Clock } from './poll-schedule.js'
import { registerCmkApp } from './register-app.js'
import { LOST_WRITE_GRACE_MS } from './lost-write.js'
import { silentLog, type Log } from '../model/log.js'
import type { RepairOutcome } from '../model/repair-outcome.js'
import { REPAIR_CHECK, repairPermission } from './repair-outcome.js'
import { neutralize } from '../safety/neutralize.js'

/**
 * How the setup sequence ended, with the facts as setup left them and what it wrote:
 * - blocked: writes were skipped because a check failed (or warned, under strict);
 * - timed-out: the configuration did not reach a final status within wait-timeout-seconds;
 * - stopped: setup gave up short of a failed check, for the reason given;
 * - done: the configuration reached a final status (COMPLETED or FAILED).
 */
export type SetupOutcome = {
  facts: Facts
  actions: string[]
  /** What remediation did, one entry per repair it tried. */
  repairs: RepairOutcome[]
} & (
  | { kind: 'blocked' }
  | { kind: 'timed-out' }
  | { kind: 'stopped'; reason: string }
  | { kind: 'done' }
)

/**
 * The setup mode's sequence around the writers in src/actions: repairs what `remediate` allows
 * and the checks found broken, registers the CMK app when Adobe has none, re-reads the app's
 * access and repairs again what registering made decidable, then submits and follows the
 * configuration. Repairs wait for no other check; every other write stops while any check fails.
 */
export async function runSetup(
  services: Services,
  facts: Facts,
  evaluate: (facts: Facts) => Finding[],
  options: { clock?: Clock; log?: Log; onStatus?: (config: AdobeConfig) => void } = {}
): Promise<SetupOutcome> {
  const { settings, platform } = services
  const actions: string[] = []
  const blockedBy = (findings: Finding[]): boolean =>
    failedCheckIds(findings, settings.strict).length > 0
  const clock = options.clock ?? realClock
  // The registration wait and the configuration wait share one wait-timeout-seconds budget.
  const waitDeadline = clock.now() + settings.waitTimeoutSeconds * 1000
  const remainingWaitMs = (): number => Math.max(0, waitDeadline - clock.now())
  // Tests shorten the action's own waits (AEP_CMK_RETRY_SCALE); wait-timeout-seconds stays.
  const waitScale = settings.tuning.retryScale
  const log = options.log ?? silentLog
  const waitOptions = {
    firstIntervalMs: settings.pollIntervalSeconds * 1000 * waitScale,
    lostWriteGraceMs: LOST_WRITE_GRACE_MS * waitScale,
    clock,
    signal: services.signal
  }

  const repairs: Repairs = {
    services,
    evaluate,
    attempted: new Set(),
    outcomes: [],
    actions,
    log,
    roleWait: () => ({ ...waitOptions, timeoutMs: remainingWaitMs() })
  }
  facts = await repairFailingChecks(facts, repairs)

  const registered = facts.registration.ok ? facts.registration.value : undefined
  if (registered !== undefined && !registered?.applicationRedirectUrl) {
    const withoutApp = evaluate(facts).filter(f => !f.id.startsWith('app.'))
    if (blockedBy(withoutApp)) return { kind: 'blocked', facts, actions, repairs: repairs.outcomes }
    let outcome
    try {
      log.info(
        registered?.applicationId
          ? 'Waiting for Adobe to publish the CMK app consent URL'
          : 'Registering the CMK app with Adobe, then waiting for its consent URL'
      )
      outcome = await registerCmkApp(platform, registered, {
        ...waitOptions,
        timeoutMs: remainingWaitMs()
      })
    } catch (error) {
      const call = error instanceof ServiceError ? error.call : 'Adobe POST CMK app registration'
      const failed = {
        ...facts,
        registration: { ok: false as const, error: toReadError(call, error) }
      }
      return { kind: 'blocked', facts: failed, actions, repairs: repairs.outcomes }
    }
    const registration = outcome.registration
    if (registration?.applicationId && !registered?.applicationId) {
      actions.push(
        `Registered the CMK app with Adobe (application id ${registration.applicationId})`
      )
      log.info(neutralize(actions.at(-1)!))
    }
    if (outcome.timedOut || !registration) {
      return {
        kind: 'stopped',
        facts: { ...facts, registration: { ok: true, value: registration } },
        actions,
        repairs: repairs.outcomes,
        reason: `Adobe did not publish the CMK app's consent URL within wait-timeout-seconds (${settings.waitTimeoutSeconds} s); re-run setup later: it waits for the same registration and does not register again.`
      }
    }
    const vault = Promise.resolve(facts.vault)
    facts = {
      ...facts,
      registration: { ok: true, value: registration },
      ...(await readAppAccess(services, registration, vault))
    }
    // Registering made app.consented and app.role decidable: repair them now, in this run.
    facts = await repairFailingChecks(facts, repairs)
  }

  const findings = evaluate(facts)
  if (blockedBy(findings) || !facts.key?.ok || !facts.config.ok)
    return { kind: 'blocked', facts, actions, repairs: repairs.outcomes }

  const key = facts.key.value
  let lastStatus: string | undefined
  const undocumented = new Set<string>()
  const result = await ensureConfig(platform, {
    existing: facts.config.value,
    name: settings.configName,
    keyIdentifier: key.id,
    keyName: key.name,
    payloadFormat: settings.payloadFormat,
    ...waitOptions,
    timeoutMs: remainingWaitMs(),
    onSubmit: () =>
      log.info(
        `Submitting configuration ${settings.configName} for ${neutralize(key.id)} to Adobe`
      ),
    onStatus: config => {
      // One line per change keeps a long wait readable without a line per poll.
      if (config.status !== lastStatus)
        log.info(`Configuration ${neutralize(config.name)}: ${neutralize(config.status)}`)
      if (!isDocumentedStatus(config.status) && !undocumented.has(config.status)) {
        undocumented.add(config.status)
        log.info(
          `Adobe answered status ${neutralize(config.status)}, which its docs do not list (${CONFIG_STATUSES.join(', ')}); waiting as if it were still in progress.`
        )
      }
      lastStatus = config.status
      options.onStatus?.(config)
    }
  })
  if (result.submitted) {
    const adobeName = result.config.adobeName
    const line =
      `Submitted configuration ${settings.configName} for ${key.id} (${settings.payloadFormat} payload)` +
      (adobeName && adobeName !== settings.configName
        ? `; Adobe's internal name for it: ${adobeName}`
        : '')
    actions.push(line)
  }
  return {
    kind: result.timedOut ? 'timed-out' : 'done',
    facts,
    actions,
    repairs: repairs.outcomes
  }
}

/** What the repairs of one run share. */
interface Repairs {
  services: Services
  evaluate: (facts: Facts) => Finding[]
  /** A repair is tried at most once per run, even when its check still fails afterwards. */
  attempted: Set<Repair>
  outcomes: RepairOutcome[]
  actions: string[]
  log: Log
  /** The PrincipalNotFound wait, within what is left of wait-timeout-seconds. */
  roleWait: () => { firstIntervalMs: number; timeoutMs: number; clock: Clock; signal: AbortSignal }
}

/**
 * Whether the check fails. A warning is not enough: for app.consented and app.role it means
 * "cannot be decided", and nothing is repaired blindly.
 */
function failing(findings: Finding[], id: CheckId): boolean {
  return findings.find(f => f.id === id)?.outcome === 'fail'
}

/** Whether `remediate` names the repair, it was not tried yet and its check fails on `facts`. */
function due(item: Repair, facts: Facts, repairs: Repairs): boolean {
  return (
    repairs.services.settings.remediate.has(item) &&
    !repairs.attempted.has(item) &&
    failing(repairs.evaluate(facts), REPAIR_CHECK[item])
  )
}

function record(repairs: Repairs, outcome: RepairOutcome): void {
  repairs.outcomes.push(outcome)
  if (outcome.result === 'created') {
    repairs.actions.push(outcome.summary)
    repairs.log.info(neutralize(outcome.summary))
  } else if (outcome.result === 'already-present') {
    repairs.log.info(`remediate ${outcome.item}: ${neutralize(outcome.summary)}`)
  } else if (outcome.result === 'not-possible') {
    repairs.log.info(`remediate ${outcome.item}: not possible: ${neutralize(outcome.reason)}`)
  } else {
    const status = outcome.status ? ` (HTTP ${outcome.status})` : ''
    repairs.log.info(`remediate ${outcome.item}: ${outcome.result} by ${outcome.call}${status}`)
  }
}

/** A repair that threw: refused (401/403: a permission is missing) or failed. */
function failedRepair(
  item: Repair,
  kind: VaultType,
  call: string,
  error: unknown,
  note = ''
): RepairOutcome {
  const e = toReadError(call, error)
  const message = `${e.message}${note}`
  return e.kind === 'forbidden'
    ? {
        item,
        check: REPAIR_CHECK[item],
        result: 'refused',
        call: e.call,
        status: e.status,
        message,
        permission: repairPermission(item, kind)
      }
    : { item, check: REPAIR_CHECK[item], result: 'failed', call: e.call, status: e.status, message }
}

/**
 * Makes the repairs that `remediate` allows and whose checks fail, then reads again what they
 * changed. The firewall and the app's access are repaired side by side; the role waits for the
 * service principal it is given to.
 */
async function repairFailingChecks(facts: Facts, repairs: Repairs): Promise<Facts> {
  if (repairs.services.settings.remediate.size === 0) return facts
  const [vault, access] = await Promise.all([
    repairFirewall(facts, repairs),
    repairAppAccess(facts, repairs)
  ])
  return { ...facts, ...(vault && { vault }), ...access }
}

/** adobe-ip; returns the vault read again when something was written. */
async function repairFirewall(
  facts: Facts,
  repairs: Repairs
): Promise<Read<VaultFacts> | undefined> {
  if (!facts.vault.ok || !due('adobe-ip', facts, repairs)) return undefined
  repairs.attempted.add('adobe-ip')
  const { services } = repairs
  const vault = facts.vault.value
  const check = REPAIR_CHECK['adobe-ip']
  const call = 'ARM update vault firewall'
  try {
    const result = await allowAdobeIp(services.keyVaultManagement, vault, services.signal)
    switch (result.kind) {
      case 'public-access-disabled':
        record(repairs, {
          item: 'adobe-ip',
          check,
          result: 'not-possible',
          reason: `public network access is Disabled on vault ${vault.name}, so Azure ignores IP rules, and remediation never enables public access`
        })
        return undefined
      case 'added':
        record(repairs, {
          item: 'adobe-ip',
          check,
          result: 'created',
          summary: `Added Adobe's address ${ADOBE_MONITORING_IP} to the IP rules of vault ${vault.name}, keeping every other rule and setting (IP rules now: ${result.ipRules.join(', ')})`,
          ids: { vaultId: vault.id, ipRule: ADOBE_MONITORING_IP }
        })
        break
      case 'already-allowed':
        record(repairs, {
          item: 'adobe-ip',
          check,
          result: 'already-present',
          summary: `vault ${vault.name} already allows ${ADOBE_MONITORING_IP} through IP rule ${result.rule}`
        })
        break
      case 'not-needed':
        record(repairs, {
          item: 'adobe-ip',
          check,
          result: 'already-present',
          summary: `the firewall of vault ${vault.name} no longer denies by default`
        })
        break
    }
  } catch (error) {
    record(repairs, failedRepair('adobe-ip', vault.kind, call, error))
    return undefined
  }
  const { settings, signal } = services
  // Read again where it was found: its own resource group, its own type.
  const resourceGroup = /\/resourceGroups\/([^/]+)\//i.exec(vault.id)?.[1] ?? settings.resourceGroup
  const call2 = 'ARM GET vault'
  try {
    return {
      ok: true,
      value: await readVault(
        services,
        { name: settings.keyVaultName, type: vault.kind, resourceGroup },
        signal
      )
    }
  } catch (error) {
    return { ok: false, error: toReadError(call2, error) }
  }
}

/**
 * service-principal, then role; returns the app's access read again when something was
 * written. A principal that could not be made is not given a role: nothing is tried blindly.
 */
async function repairAppAccess(
  facts: Facts,
  repairs: Repairs
): Promise<Pick<Facts, 'servicePrincipal' | 'roleAssignments'>> {
  const { services } = repairs
  const { settings } = services
  const registration = facts.registration.ok ? facts.registration.value : null
  const appId = registration?.applicationId
  // Without the vault, its tenant (where the principal belongs) is unknown: nothing is made blind.
  if (!registration || !appId || !facts.vault.ok) return {}
  const vault = facts.vault.value
  let current = facts
  let wrote = false

  if (due('service-principal', current, repairs)) {
    repairs.attempted.add('service-principal')
    const check = REPAIR_CHECK['service-principal']
    const signedInTenant = settings.azure.tenantId
    if (signedInTenant && signedInTenant.toLowerCase() !== vault.tenantId.toLowerCase()) {
      record(repairs, {
        item: 'service-principal',
        check,
        result: 'not-possible',
        reason: `the job signs in to tenant ${signedInTenant}, but vault ${vault.name} belongs to tenant ${vault.tenantId}, where the service principal is needed`
      })
      return {}
    }
    try {
      const made = await createServicePrincipal(
        services.credential,
        settings.endpoints.graph,
        appId,
        services.http,
        repairs.roleWait()
      )
      record(
        repairs,
        made.kind === 'created'
          ? {
              item: 'service-principal',
              check,
              result: 'created',
              summary: `Created the CMK app's service principal in tenant ${vault.tenantId} (application id ${appId}, object id ${made.objectId})`,
              ids: { appId, objectId: made.objectId }
            }
          : {
              item: 'service-principal',
              check,
              result: 'already-present',
              summary: `the CMK app already has service principal ${made.objectId} in tenant ${vault.tenantId}`
            }
      )
      wrote = true
      current = {
        ...current,
        ...(await readAppAccess(services, registration, Promise.resolve(current.vault), {
          objectId: made.objectId,
          appId,
          source: 'graph'
        }))
      }
    } catch (error) {
      record(
        repairs,
        failedRepair('service-principal', vault.kind, CREATE_SERVICE_PRINCIPAL_CALL, error)
      )
      return {}
    }
  }

  const principal = current.servicePrincipal?.ok ? current.servicePrincipal.value : null
  if (principal && due('role', current, repairs)) {
    repairs.attempted.add('role')
    const check = REPAIR_CHECK.role
    const hsm = vault.kind === 'managed-hsm'
    const where = hsm
      ? `Managed HSM Crypto Service Encryption User at /keys/${settings.keyName} in the local RBAC of Managed HSM ${vault.name}`
      : `Key Vault Crypto Service Encryption User on vault ${vault.name}`
    try {
      const assigned = hsm
        ? await assignHsmKeyRole(
            services.managedHsmRbac(vault.vaultUri),
            vault.vaultUri,
            settings.keyName,
            principal.objectId,
            repairs.roleWait()
          )
        : await assignVaultRole(
            services.authorization,
            vault.id,
            principal.objectId,
            repairs.roleWait()
          )
      const retried =
        assigned.attempts > 1
          ? ` after ${assigned.attempts} attempts (the service did not see the new principal at first)`
          : ''
      record(
        repairs,
        assigned.kind === 'created'
          ? {
              item: 'role',
              check,
              result: 'created',
              summary: `Assigned ${where} to the CMK app's service principal ${principal.objectId}${retried} (role assignment ${assigned.id})`,
              ids: {
                roleAssignmentId: assigned.id,
                principalId: principal.objectId,
                scope: vault.id
              }
            }
          : {
              item: 'role',
              check,
              result: 'already-present',
              summary: `service principal ${principal.objectId} already holds ${where}`
            }
      )
      wrote = true
    } catch (error) {
      const stillReplicating = (error as { code?: unknown }).code === 'PrincipalNotFound'
      record(
        repairs,
        failedRepair(
          'role',
          vault.kind,
          hsm ? 'Managed HSM PUT local role assignment' : 'ARM PUT role assignment',
          error,
          stillReplicating
            ? ' (the service still did not see the principal when wait-timeout-seconds ran out; re-run the job)'
            : ''
        )
      )
    }
  }

  if (!wrote) return {}
  // Read again from the services, so the submission is judged on what they now hold.
  return readAppAccess(services, registration, Promise.resolve(current.vault))
}
