/*
 * Turns the gathered facts into one finding per check, before any action runs.
 *
 * Signing in comes first: when azure.sign-in or adobe.sign-in fails, every check that reads
 * through that service is skipped, naming the sign-in check, instead of failing on its own.
 *
 * Rule for missing facts: when a read fails, only the check that owns that read fails (the root
 * cause: vault.found for the vault, key.found for the key). Checks that need the missing facts
 * are skipped, naming the failed check (vault.* and key.* after vault.found; key.* after
 * key.found; app.consented and app.role after app.registered or app.consented; config.key after
 * vault.found): neither warnings nor failures, the root check already fails the run. Reads the contract calls undecidable (directory
 * or role look-ups forbidden, configuration unreadable) are warnings that name what would decide
 * them. config.status is not evaluated here: main decides it after the actions with
 * configStatusFinding and adds it with upsertFinding.
 */
import type { Facts, VaultFacts } from '../model/facts.js'
import type { Mode } from '../model/choices.js'
import { appConsentedFinding, appRegisteredFinding, appRoleFinding } from './app-checks.js'
import { configKeyFinding } from './config-checks.js'
import { adobeSignInFinding } from './adobe-sign-in-checks.js'
import { azureSignInFinding } from './azure-sign-in-checks.js'
import type { CheckId, Finding } from '../model/finding.js'
import {
  keyActiveFinding,
  keyEnabledFinding,
  keyExpiryFinding,
  keyFoundFinding,
  keyOperationsFinding,
  keySizeFinding,
  keyTypeFinding
} from './key-checks.js'
import { keyRotationFinding } from './key-rotation-check.js'
import { skipped } from './skipped.js'
import {
  adobeIpFinding,
  networkFinding,
  purgeProtectionFinding,
  rbacFinding,
  softDeleteFinding,
  vaultFoundFinding
} from './vault-checks.js'

export { failedCheckIds, upsertFinding } from './finding-list.js'

export interface CheckContext {
  mode: Mode
  keyVaultName: string
  keyName: string
  minKeySize: number
  minKeyValidityDays: number
  /** Input require-hsm. */
  requireHsm: boolean
  now: Date
  subscriptionId: string
  resourceGroup?: string | undefined
  /** The consent URL for the app.consented fix, tenant-specific when the vault's tenant is known. */
  consentUrl?: string | undefined
}

const VAULT_SETTING_CHECKS: [CheckId, (vault: VaultFacts, ctx: CheckContext) => Finding][] = [
  ['vault.soft-delete', softDeleteFinding],
  ['vault.purge-protection', purgeProtectionFinding],
  ['vault.rbac', rbacFinding],
  ['vault.network', networkFinding],
  ['vault.adobe-ip', adobeIpFinding]
]

const KEY_ATTRIBUTE_CHECKS = [
  ['key.enabled', keyEnabledFinding],
  ['key.type', keyTypeFinding],
  ['key.size', keySizeFinding],
  ['key.operations', keyOperationsFinding],
  ['key.active', keyActiveFinding],
  ['key.expiry', keyExpiryFinding],
  ['key.rotation', keyRotationFinding]
] as const

function vaultFindings(facts: Facts, ctx: CheckContext): Finding[] {
  const found = vaultFoundFinding(facts.vault, ctx)
  const vault = facts.vault
  const settings = VAULT_SETTING_CHECKS.map(([id, check]) =>
    vault.ok ? check(vault.value, ctx) : skipped(id, 'vault.found')
  )
  return [found, ...settings]
}

function keyFindings(facts: Facts, ctx: CheckContext): Finding[] {
  const vault = facts.vault
  const key = facts.key
  if (!vault.ok) {
    return [
      skipped('key.found', 'vault.found'),
      ...KEY_ATTRIBUTE_CHECKS.map(([id]) => skipped(id, 'vault.found'))
    ]
  }
  if (key === undefined) {
    const missing: Finding = {
      id: 'key.found',
      outcome: 'warn',
      detail: `Key ${ctx.keyName} was not looked up.`,
      fix: 'Re-run the job; this is a bug in the action if it repeats.',
      evidence: { key: null }
    }
    return [missing, ...KEY_ATTRIBUTE_CHECKS.map(([id]) => skipped(id, 'key.found'))]
  }
  const keyCtx = { ...ctx, vaultKind: vault.value.kind }
  const found = keyFoundFinding(key, vault.value, keyCtx)
  const attributes = KEY_ATTRIBUTE_CHECKS.map(([id, check]) =>
    key.ok ? check(key.value, keyCtx) : skipped(id, 'key.found')
  )
  return [found, ...attributes]
}

export function evaluateChecks(facts: Facts, ctx: CheckContext): Finding[] {
  const azure = azureSignInFinding(facts.azureSignIn)
  const adobe = adobeSignInFinding(facts.adobeSignIn, facts.registration)
  const findings = [
    azure,
    adobe,
    ...vaultFindings(facts, ctx),
    ...keyFindings(facts, ctx),
    appRegisteredFinding(facts.registration, ctx.mode),
    appConsentedFinding(facts, ctx),
    appRoleFinding(facts, ctx),
    configKeyFinding(facts.config, facts.vault, ctx.keyName)
  ]
  return rootBlockers(skipWithoutSignIn(findings, azure, adobe))
}

/** Checks that read through Azure (vault, key, directory, roles) or through Adobe Platform. */
function needsAzure(id: CheckId): boolean {
  return /^(vault|key)\./.test(id) || id === 'app.consented' || id === 'app.role'
}
function needsAdobe(id: CheckId): boolean {
  return id.startsWith('app.') || id === 'config.key'
}

/** A failed sign-in skips every check that reads through it; the sign-in check says why. */
function skipWithoutSignIn(findings: Finding[], azure: Finding, adobe: Finding): Finding[] {
  return findings.map(f => {
    if (azure.outcome === 'fail' && needsAzure(f.id)) return skipped(f.id, 'azure.sign-in')
    if (adobe.outcome === 'fail' && needsAdobe(f.id)) return skipped(f.id, 'adobe.sign-in')
    return f
  })
}

/** A check skipped because of a skipped check names the failed check at the root instead. */
function rootBlockers(findings: Finding[]): Finding[] {
  const byId = new Map(findings.map(f => [f.id, f]))
  return findings.map(f => {
    if (f.outcome !== 'skipped') return f
    let root = f.blockedBy
    for (let hops = 0; hops < findings.length; hops++) {
      const blocker = byId.get(root)
      if (blocker?.outcome !== 'skipped') break
      root = blocker.blockedBy
    }
    return root === f.blockedBy ? f : skipped(f.id, root)
  })
}
