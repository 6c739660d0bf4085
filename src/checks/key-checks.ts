import { skipped } from './skipped.js'
import type { KeyFacts, Read, VaultFacts } from '../model/facts.js'
import type { VaultType } from '../model/choices.js'
import type { Finding } from '../model/finding.js'
import { describeReadError, readErrorEvidence } from './read-error.js'

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
}

const DAY_MS = 24 * 60 * 60 * 1000
const RSA_KEY_TYPES = ['RSA', 'RSA-HSM']
const REQUIRED_OPERATIONS = ['wrapKey', 'unwrapKey']

function azKey(ctx: KeyCheckContext, command: string, args: string): string {
  const where = ctx.vaultKind === 'managed-hsm' ? '--hsm-name' : '--vault-name'
  return `\`az keyvault key ${command} ${where} ${ctx.keyVaultName} --name ${ctx.keyName} ${args}\``
}

/** Azure Policy "Keys should be backed by a hardware security module (HSM)". */
const HSM_POLICY_ID = '587c79fe-dd04-4a5e-9d0b-f89598c7261b'

/** ISO date without milliseconds, as the Azure CLI accepts it. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function suggestedExpiry(ctx: KeyCheckContext): string {
  const days = Math.max(365, ctx.minKeyValidityDays + 1)
  return isoSeconds(new Date(ctx.now.getTime() + days * DAY_MS))
}

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
      fix: `Check key-name, or create the key: ${azKey(ctx, 'create', `--kty RSA --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}; a soft-deleted key must be recovered with \`az keyvault key recover\`.`
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
    fix: `Enable it: ${azKey(ctx, 'set-attributes', '--enabled true')}.`,
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
      fix: `Create an RSA key, e.g. ${azKey(ctx, 'create', `--kty ${ctx.requireHsm || inHsm ? 'RSA-HSM' : 'RSA'} --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)} (this adds a version of that type), or use another key-name.`,
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
      fix: `Add an HSM-backed version (the vault needs the premium SKU): ${azKey(ctx, 'create', `--kty RSA-HSM --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}; Adobe uses the key's latest version. Or keep the key in a Managed HSM.`,
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
  const fix = `Create a new version with a larger modulus: ${azKey(ctx, 'create', `--kty ${kty} --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}.`
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
    fix: `Permit them: ${azKey(ctx, 'set-attributes', `--ops ${wanted}`)}.`,
    evidence: { ...evidence, missing }
  }
}

export function keyActiveFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  const evidence = {
    notBefore: key.notBefore?.toISOString(),
    expiresOn: key.expiresOn?.toISOString(),
    now: ctx.now.toISOString()
  }
  if (key.notBefore && key.notBefore.getTime() > ctx.now.getTime()) {
    return {
      id: 'key.active',
      outcome: 'fail',
      detail: `Key ${key.name} is not active yet: its activation date is ${key.notBefore.toISOString()}.`,
      fix: `Wait until then, or move the activation date: ${azKey(ctx, 'set-attributes', `--not-before ${isoSeconds(ctx.now)}`)}.`,
      evidence
    }
  }
  if (key.expiresOn && key.expiresOn.getTime() <= ctx.now.getTime()) {
    return {
      id: 'key.active',
      outcome: 'fail',
      detail: `Key ${key.name} expired on ${key.expiresOn.toISOString()}.`,
      fix: `Extend its expiry date: ${azKey(ctx, 'set-attributes', `--expires ${suggestedExpiry(ctx)}`)}, or rotate the key.`,
      evidence
    }
  }
  return {
    id: 'key.active',
    outcome: 'pass',
    detail: `Key ${key.name} is active (activation ${key.notBefore?.toISOString() ?? 'not set'}, expiry ${key.expiresOn?.toISOString() ?? 'not set'}).`,
    evidence
  }
}

export function keyExpiryFinding(key: KeyFacts, ctx: KeyCheckContext): Finding {
  if (!key.expiresOn) {
    return {
      id: 'key.expiry',
      outcome: 'pass',
      detail: `Key ${key.name} has no expiry date.`,
      evidence: { expiresOn: null }
    }
  }
  const remainingMs = key.expiresOn.getTime() - ctx.now.getTime()
  const daysLeft = Math.floor(remainingMs / DAY_MS)
  const evidence = {
    expiresOn: key.expiresOn.toISOString(),
    daysLeft,
    minKeyValidityDays: ctx.minKeyValidityDays
  }
  if (remainingMs >= ctx.minKeyValidityDays * DAY_MS) {
    return {
      id: 'key.expiry',
      outcome: 'pass',
      detail: `Key ${key.name} expires on ${key.expiresOn.toISOString()}, ${daysLeft} days from now (min-key-validity-days ${ctx.minKeyValidityDays}).`,
      evidence
    }
  }
  const detail =
    remainingMs <= 0
      ? `Key ${key.name} already expired on ${key.expiresOn.toISOString()} (min-key-validity-days ${ctx.minKeyValidityDays}).`
      : `Key ${key.name} expires on ${key.expiresOn.toISOString()}, ${daysLeft} days from now, within min-key-validity-days ${ctx.minKeyValidityDays}.`
  return {
    id: 'key.expiry',
    outcome: 'fail',
    detail,
    fix: `Extend its expiry date: ${azKey(ctx, 'set-attributes', `--expires ${suggestedExpiry(ctx)}`)}, or rotate the key.`,
    evidence
  }
}
