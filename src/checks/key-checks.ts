import type { CheckContext } from './check-context.js'
import { dataPlaneReach, type DataPlaneReach } from './data-plane-reach.js'
import { skipped } from './skipped.js'
import type { KeyFacts, Read, VaultFacts } from '../model/facts.js'
import type { VaultType } from '../model/choices.js'
import type { Finding } from '../model/finding.js'
import { describeReadError, readErrorEvidence } from './read-error.js'
import {
  azKey,
  currentVersion,
  dataPlaneNote,
  DAY_MS,
  isoSeconds,
  newVersion,
  suggestedExpiry
} from './key-commands.js'
import { keyDates, unusableDatesFinding } from './key-dates.js'

export interface KeyCheckContext {
  keyVaultName: string
  keyName: string
  minKeySize: number
  minKeyValidityDays: number
  now: Date
  /** Input require-hsm: the key must be HSM-backed. */
  requireHsm?: boolean | undefined
  /** What holds the key; a Managed HSM changes the commands and makes every key HSM-backed. */
  vaultKind?: VaultType | undefined
  /** How the fix's data-plane commands reach the vault: what they must say of its firewall. */
  dataPlane?: DataPlaneReach | undefined
  subscriptionId?: string | undefined
}

/** What a key check reads of the vault: its kind, and how its data plane is reached. */
export function keyContext(ctx: CheckContext, vault: VaultFacts): KeyCheckContext {
  return { ...ctx, vaultKind: vault.kind, dataPlane: dataPlaneReach(vault) }
}

const RSA_KEY_TYPES = ['RSA', 'RSA-HSM']
const REQUIRED_OPERATIONS = ['wrapKey', 'unwrapKey']
/** Key Vault and Managed HSM make RSA keys of 2048, 3072 and 4096 bits; this leaves room. */
const MAX_RSA_BITS = 16384

/** Azure Policy "Keys should be backed by a hardware security module (HSM)". */
const HSM_POLICY_ID = '587c79fe-dd04-4a5e-9d0b-f89598c7261b'

/** The key is read through ARM (management plane): `vault` names the vault in the fix. */
export function keyFoundFinding(
  key: Read<KeyFacts>,
  vault: VaultFacts,
  ctx: KeyCheckContext
): Finding {
  if (key.ok) {
    return {
      id: 'key.found',
      outcome: 'pass',
      detail: `Key ${key.value.name} found; its latest version is ${key.value.id}.`,
      evidence: { id: key.value.id, version: key.value.version }
    }
  }
  const error = key.error
  const base = {
    id: 'key.found' as const,
    outcome: 'fail' as const,
    evidence: readErrorEvidence(error)
  }
  if (error.kind === 'not-found') {
    return {
      ...base,
      detail: `Key ${ctx.keyName} does not exist in vault ${vault.name} (${describeReadError(error)}).`,
      fix: `Check key-name, or create the key: ${azKey(ctx, 'create', `--kty RSA --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}; a soft-deleted key must be recovered with \`az keyvault key recover\`. ${dataPlaneNote(ctx, 'Generate/Import (a soft-deleted key: Manage deleted keys > Recover)')}`
    }
  }
  if (error.kind === 'forbidden') {
    // The key is read through ARM, so only a management-plane read permission matters here:
    // no data-plane role, and the vault firewall does not apply.
    return {
      ...base,
      detail: `The action's Azure identity may not read key ${ctx.keyName} of vault ${vault.name} through Azure Resource Manager (${describeReadError(error)}).`,
      fix: `Give the action's Azure identity Reader on the vault (or any role with the action Microsoft.KeyVault/vaults/keys/read), e.g. \`az role assignment create --role Reader --assignee <azure-client-id> --scope ${vault.id}\`; no data-plane role is needed.`
    }
  }
  return {
    ...base,
    detail: `Key ${ctx.keyName} in vault ${vault.name} could not be read (${describeReadError(error)}).`,
    fix: 'Re-run the job; if the error persists, check the Azure Resource Manager and Key Vault service health.'
  }
}

export function keyEnabledFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  if (key.enabled) {
    return {
      id: 'key.enabled',
      outcome: 'pass',
      detail: `Key ${key.name} is enabled.`,
      evidence: { enabled: true }
    }
  }
  return {
    id: 'key.enabled',
    outcome: 'fail',
    detail: `Key ${key.name} (version ${key.version}) is disabled.`,
    fix: `Enable it: ${azKey(ctx, 'set-attributes', '--enabled true')}. ${dataPlaneNote(ctx, currentVersion(ctx, 'set Enabled'))}`,
    evidence: { enabled: false }
  }
}

export function keyTypeFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  const inHsm = ctx.vaultKind === 'managed-hsm'
  const evidence = {
    keyType: key.keyType,
    requireHsm: ctx.requireHsm === true,
    inManagedHsm: inHsm
  }
  const isRsa = RSA_KEY_TYPES.some(type => type.toLowerCase() === key.keyType.toLowerCase())
  if (!isRsa) {
    return {
      id: 'key.type',
      outcome: 'fail',
      detail: `Key ${key.name} has type ${key.keyType}, but Adobe needs RSA or RSA-HSM.`,
      fix: `Create an RSA key, e.g. ${azKey(ctx, 'create', `--kty ${ctx.requireHsm || inHsm ? 'RSA-HSM' : 'RSA'} --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)} (this adds a version of that type), or use another key-name. ${dataPlaneNote(ctx, newVersion(ctx))}`,
      evidence
    }
  }
  // Every key in a Managed HSM lives in its HSM, whatever kty says; in a vault, only RSA-HSM does.
  const hsmBacked = inHsm || key.keyType.toUpperCase() === 'RSA-HSM'
  if (ctx.requireHsm && !hsmBacked) {
    return {
      id: 'key.type',
      outcome: 'fail',
      detail: `Key ${key.name} has type ${key.keyType}: it is software-protected, and require-hsm wants an HSM-backed key (Azure Policy "Keys should be backed by a hardware security module (HSM)", ${HSM_POLICY_ID}).`,
      fix: `Add an HSM-backed version (the vault needs the premium SKU): ${azKey(ctx, 'create', `--kty RSA-HSM --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}; Adobe uses the key's latest version. Or keep the key in a Managed HSM. ${dataPlaneNote(ctx, newVersion(ctx))}`,
      evidence
    }
  }
  const backing = inHsm
    ? ' in a Managed HSM (HSM-backed)'
    : hsmBacked
      ? ' (HSM-backed)'
      : ' (software-protected)'
  return {
    id: 'key.type',
    outcome: 'pass',
    detail: `Key ${key.name} has type ${key.keyType}${backing}.`,
    evidence
  }
}

export function keySizeFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  const evidence = { keySize: key.keySize, minKeySize: ctx.minKeySize }
  const kty = key.keyType.toUpperCase() === 'RSA-HSM' ? 'RSA-HSM' : 'RSA'
  const fix = `Create a new version with a larger modulus: ${azKey(ctx, 'create', `--kty ${kty} --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}. ${dataPlaneNote(ctx, newVersion(ctx))}`
  if (key.keySize === undefined && !/^RSA(-HSM)?$/i.test(key.keyType))
    return skipped('key.size', 'key.type')
  if (key.keySize === undefined) {
    return {
      id: 'key.size',
      outcome: 'fail',
      detail: `Key ${key.name} of type ${key.keyType} has no RSA modulus, so it does not meet min-key-size ${ctx.minKeySize}.`,
      fix,
      evidence
    }
  }
  if (!Number.isSafeInteger(key.keySize) || key.keySize > MAX_RSA_BITS) {
    return {
      id: 'key.size',
      outcome: 'warn',
      detail: `This cannot be decided: for key ${key.name} Azure Resource Manager answered keySize ${key.keySize}, which no RSA key has.`,
      fix: `Look at the key with ${azKey(ctx, 'show', '--query key')}; if it is wrong, ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
      evidence
    }
  }
  if (key.keySize >= ctx.minKeySize) {
    return {
      id: 'key.size',
      outcome: 'pass',
      detail: `Key ${key.name} has a ${key.keySize}-bit RSA modulus (min-key-size ${ctx.minKeySize}).`,
      evidence
    }
  }
  return {
    id: 'key.size',
    outcome: 'fail',
    detail: `Key ${key.name} has a ${key.keySize}-bit RSA modulus, smaller than min-key-size ${ctx.minKeySize}.`,
    fix,
    evidence
  }
}

export function keyOperationsFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  const present = new Set(key.keyOperations.map(op => op.toLowerCase()))
  const missing = REQUIRED_OPERATIONS.filter(op => !present.has(op.toLowerCase()))
  const evidence = { keyOperations: key.keyOperations }
  if (missing.length === 0) {
    return {
      id: 'key.operations',
      outcome: 'pass',
      detail: `Key ${key.name} permits ${key.keyOperations.join(', ')}.`,
      evidence
    }
  }
  const wanted = [...key.keyOperations, ...missing].join(' ')
  return {
    id: 'key.operations',
    outcome: 'fail',
    detail: `Key ${key.name} does not permit ${missing.join(' and ')} (permitted: ${key.keyOperations.join(', ') || 'none'}).`,
    fix: `Permit them: ${azKey(ctx, 'set-attributes', `--ops ${wanted}`)}. ${dataPlaneNote(ctx, currentVersion(ctx, 'tick wrapKey and unwrapKey under Permitted operations'))}`,
    evidence: { ...evidence, missing }
  }
}

export function keyActiveFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  const read = keyDates(key, ['notBefore', 'expiresOn'])
  if (!read.ok) return unusableDatesFinding('key.active', key, read.unusable, ctx)
  const { notBefore, expiresOn } = read.dates
  const evidence = {
    notBefore: notBefore?.toISOString(),
    expiresOn: expiresOn?.toISOString(),
    now: ctx.now.toISOString()
  }
  if (notBefore && notBefore.getTime() > ctx.now.getTime()) {
    return {
      id: 'key.active',
      outcome: 'fail',
      detail: `Key ${key.name} is not active yet: its activation date is ${notBefore.toISOString()}.`,
      fix: `Wait until then, or move the activation date: ${azKey(ctx, 'set-attributes', `--not-before ${isoSeconds(ctx.now)}`)}. ${dataPlaneNote(ctx, currentVersion(ctx, 'Set activation date'))}`,
      evidence
    }
  }
  if (expiresOn && expiresOn.getTime() <= ctx.now.getTime()) {
    return {
      id: 'key.active',
      outcome: 'fail',
      detail: `Key ${key.name} expired on ${expiresOn.toISOString()}.`,
      fix: `Extend its expiry date: ${azKey(ctx, 'set-attributes', `--expires ${suggestedExpiry(ctx)}`)}, or rotate the key. ${dataPlaneNote(ctx, currentVersion(ctx, 'Set expiration date'))}`,
      evidence
    }
  }
  return {
    id: 'key.active',
    outcome: 'pass',
    detail: `Key ${key.name} is within its activation and expiry dates (activation ${notBefore?.toISOString() ?? 'not set'}, expiry ${expiresOn?.toISOString() ?? 'not set'}).`,
    evidence
  }
}

export function keyExpiryFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  const read = keyDates(key, ['expiresOn'])
  if (!read.ok) return unusableDatesFinding('key.expiry', key, read.unusable, ctx)
  const { expiresOn } = read.dates
  if (!expiresOn) {
    return {
      id: 'key.expiry',
      outcome: 'pass',
      detail: `Key ${key.name} has no expiry date.`,
      evidence: { expiresOn: null }
    }
  }
  const remainingMs = expiresOn.getTime() - ctx.now.getTime()
  const daysLeft = Math.floor(remainingMs / DAY_MS)
  const evidence = {
    expiresOn: expiresOn.toISOString(),
    daysLeft,
    minKeyValidityDays: ctx.minKeyValidityDays
  }
  if (remainingMs >= ctx.minKeyValidityDays * DAY_MS) {
    return {
      id: 'key.expiry',
      outcome: 'pass',
      detail: `Key ${key.name} expires on ${expiresOn.toISOString()}, ${daysLeft} days from now (min-key-validity-days ${ctx.minKeyValidityDays}).`,
      evidence
    }
  }
  const detail =
    remainingMs <= 0
      ? `Key ${key.name} already expired on ${expiresOn.toISOString()} (min-key-validity-days ${ctx.minKeyValidityDays}).`
      : `Key ${key.name} expires on ${expiresOn.toISOString()}, ${daysLeft} days from now, within min-key-validity-days ${ctx.minKeyValidityDays}.`
  return {
    id: 'key.expiry',
    outcome: 'fail',
    detail,
    fix: `Extend its expiry date: ${azKey(ctx, 'set-attributes', `--expires ${suggestedExpiry(ctx)}`)}, or rotate the key. ${dataPlaneNote(ctx, currentVersion(ctx, 'Set expiration date'))}`,
    evidence
  }
}
