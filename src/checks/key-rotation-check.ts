import type { KeyFacts, KeyLifetimeAction, KeyRotationPolicy, ReadError } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import type { KeyCheckContext } from './key-checks.js'
import { describeReadError, readErrorEvidence } from './read-error.js'
import { addDuration, parseDuration, subtractDuration } from './iso-duration.js'
import { DAY_MS, dataPlaneNote } from './key-commands.js'
import { keyDates, unusableDatesFinding, type KeyDates } from './key-dates.js'

/** The rotation policy the fix suggests: rotate well before expiry, notify before that. */
export function suggestedRotationPolicy(minKeyValidityDays: number): Record<string, unknown> {
  const rotateDays = minKeyValidityDays + 30
  const expiry = rotateDays * 2 < 365 ? 'P1Y' : `P${rotateDays * 2}D`
  return {
    lifetimeActions: [
      { trigger: { timeBeforeExpiry: `P${rotateDays}D` }, action: { type: 'Rotate' } },
      { trigger: { timeBeforeExpiry: `P${minKeyValidityDays}D` }, action: { type: 'Notify' } }
    ],
    attributes: { expiryTime: expiry }
  }
}

function rotationFix(ctx: KeyCheckContext): string {
  const where = ctx.vaultKind === 'managed-hsm' ? '--hsm-name' : '--vault-name'
  return `Save this policy as rotation-policy.json: \`${JSON.stringify(suggestedRotationPolicy(ctx.minKeyValidityDays))}\`, then \`az keyvault key rotation-policy update ${where} ${ctx.keyVaultName} --name ${ctx.keyName} --value rotation-policy.json\` (docs/key-rotation.md explains it). ${dataPlaneNote(ctx, `${ctx.keyName} > Rotation policy`)}`
}

/** When a rotate action fires for this key version; undefined when it cannot be told. */
function rotatesAt(action: KeyLifetimeAction, dates: KeyDates): Date | undefined {
  let at: Date | undefined
  if (action.timeBeforeExpiry) {
    const duration = parseDuration(action.timeBeforeExpiry)
    at = duration && dates.expiresOn ? subtractDuration(dates.expiresOn, duration) : undefined
  } else if (action.timeAfterCreate) {
    const duration = parseDuration(action.timeAfterCreate)
    at = duration && dates.createdOn ? addDuration(dates.createdOn, duration) : undefined
  }
  // A duration of a million years lands outside any date: that, too, cannot be told.
  return at && Number.isFinite(at.getTime()) ? at : undefined
}

function describeTrigger(action: KeyLifetimeAction): string {
  if (action.timeBeforeExpiry) return `${action.timeBeforeExpiry} before expiry`
  if (action.timeAfterCreate) return `${action.timeAfterCreate} after creation`
  return 'with no trigger'
}

function isFirewallRefusal(error: ReadError): boolean {
  return /ForbiddenByFirewall|ForbiddenByConnection|not authorized and caller is not a trusted service|Public network access is disabled/i.test(
    error.message
  )
}

function unreadableFinding(error: ReadError, key: KeyFacts, ctx: KeyCheckContext): Finding {
  const hsm = ctx.vaultKind === 'managed-hsm'
  const where = hsm ? `Managed HSM ${ctx.keyVaultName}` : `vault ${ctx.keyVaultName}`
  const why = isFirewallRefusal(error)
    ? `the firewall of ${where} refused the runner's data-plane request (ARM's key answer carried no policy, so the data plane was asked)`
    : error.kind === 'forbidden'
      ? `the job's Azure identity may not read it on the data plane (ARM's key answer carried no policy, so the data plane was asked)`
      : 'the data-plane read failed'
  const access = hsm
    ? `the local role Managed HSM Crypto Auditor at /keys (\`az keyvault role assignment create --hsm-name ${ctx.keyVaultName} --role "Managed HSM Crypto Auditor" --assignee <azure-client-id> --scope /keys\`)`
    : 'a role with Microsoft.KeyVault/vaults/keys/read on the vault, e.g. Key Vault Reader'
  return {
    id: 'key.rotation',
    outcome: 'warn',
    detail: `The rotation policy of key ${key.name} could not be read: ${why} (${describeReadError(error)}).`,
    fix: isFirewallRefusal(error)
      ? `Run the job from a network the firewall of ${where} allows (or add the runner's address to its IP rules), and give the job's identity ${access}; or check the policy yourself with \`az keyvault key rotation-policy show ${hsm ? '--hsm-name' : '--vault-name'} ${ctx.keyVaultName} --name ${key.name}\`.`
      : `Give the job's Azure identity ${access}; or check the policy yourself with \`az keyvault key rotation-policy show ${hsm ? '--hsm-name' : '--vault-name'} ${ctx.keyVaultName} --name ${key.name}\`.`,
    evidence: readErrorEvidence(error)
  }
}

/**
 * key.rotation (a warning check): Adobe keeps the key name, not the version, and treats an expired
 * key as revoked. A key with an expiry date is safe only when a Rotate action of its rotation
 * policy fires at least min-key-validity-days before that date: timeBeforeExpiry directly, or
 * timeAfterCreate counted from the current version's creation. A key without expiry only needs a
 * policy at all.
 */
export function keyRotationFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  const read = key.rotationPolicy
  if (!read.ok) return unreadableFinding(read.error, key, ctx)
  const policy: KeyRotationPolicy | null = read.value
  const keyDated = keyDates(key, ['expiresOn', 'createdOn'])
  if (!keyDated.ok) return unusableDatesFinding('key.rotation', key, keyDated.unusable, ctx)
  const dates = keyDated.dates
  const rotations = (policy?.lifetimeActions ?? []).filter(a => a.action.toLowerCase() === 'rotate')
  const evidence: Record<string, unknown> = {
    expiresOn: dates.expiresOn?.toISOString() ?? null,
    createdOn: dates.createdOn?.toISOString(),
    minKeyValidityDays: ctx.minKeyValidityDays,
    policy: policy && {
      source: policy.source,
      expiryTime: policy.expiryTime,
      lifetimeActions: policy.lifetimeActions
    }
  }
  if (!dates.expiresOn) {
    if (policy) {
      return {
        id: 'key.rotation',
        outcome: 'pass',
        detail: `Key ${key.name} has no expiry date and a rotation policy (${rotations.length ? `rotate ${rotations.map(describeTrigger).join(', ')}` : 'no Rotate action'}).`,
        evidence
      }
    }
    return {
      id: 'key.rotation',
      outcome: 'warn',
      detail: `Key ${key.name} has no expiry date and no rotation policy at all, so it is never rotated.`,
      fix: rotationFix(ctx),
      evidence
    }
  }
  const expires = dates.expiresOn
  const minMs = ctx.minKeyValidityDays * DAY_MS
  const timed = rotations.map(action => ({ action, at: rotatesAt(action, dates) }))
  const inTime = timed.find(t => t.at !== undefined && expires.getTime() - t.at.getTime() >= minMs)
  evidence.rotations = timed.map(t => ({
    trigger: describeTrigger(t.action),
    rotatesAt: t.at?.toISOString() ?? null
  }))
  if (inTime?.at) {
    const lead = Math.floor((expires.getTime() - inTime.at.getTime()) / DAY_MS)
    return {
      id: 'key.rotation',
      outcome: 'pass',
      detail: `Key ${key.name} expires on ${expires.toISOString()}; its rotation policy rotates it ${describeTrigger(inTime.action)}, on ${inTime.at.toISOString()}, ${lead} days before (min-key-validity-days ${ctx.minKeyValidityDays}).`,
      evidence
    }
  }
  let detail: string
  if (!policy)
    detail = `Key ${key.name} expires on ${expires.toISOString()} and has no rotation policy`
  else if (rotations.length === 0)
    detail = `Key ${key.name} expires on ${expires.toISOString()} and its rotation policy has no Rotate action`
  else if (timed.every(t => t.at === undefined))
    detail = `Key ${key.name} expires on ${expires.toISOString()}, but when its rotation policy rotates it (${rotations.map(describeTrigger).join(', ')}) cannot be told${dates.createdOn ? '' : ' (the version has no creation date)'}`
  else
    detail = `Key ${key.name} expires on ${expires.toISOString()}, but its rotation policy rotates it ${timed.map(t => `${describeTrigger(t.action)} (${t.at?.toISOString() ?? 'unknown'})`).join(', ')}, less than min-key-validity-days ${ctx.minKeyValidityDays} before`
  return {
    id: 'key.rotation',
    outcome: 'warn',
    detail: `${detail}: Adobe treats an expired key as revoked.`,
    fix: rotationFix(ctx),
    evidence
  }
}
