import { CHECK_IDS } from '../model/finding.js'
import type { ReportFinding, ValidReport } from './report-reading.js'

/** A failed or warned check of one target, with what its report says about it. */
export interface CheckNote {
  id: string
  outcome: 'warn' | 'fail'
  detail: string
  fix: string | null
}

/** The org, vault and key one report is about; absent when bad input stopped that run. */
export interface TargetIdentity {
  orgId: string
  vault: string
  key: string
}

/** One target as its latest report describes it: what the fleet summary shows in a row. */
export interface FleetTarget {
  /** The report it came from, relative to the workspace. */
  file: string
  identity?: TargetIdentity | undefined
  mode: string
  result: 'pass' | 'fail'
  status: string
  /** The report's failedChecks (with strict, warned ones too), in its order. */
  failed: CheckNote[]
  /** Warned checks that did not fail the run. */
  warned: CheckNote[]
  /** Checks another failure kept from being decided, and which one. */
  skipped: Array<{ id: string; blockedBy: string }>
  error: string | null
  finishedAt: string
  runUrl: string | null
  /** Whether that run read the services: only such a run has a code scanning analysis. */
  gatheredFacts: boolean
  strict: boolean
}

/** A file the patterns matched that holds no usable report, and why. */
export interface UnusableReport {
  file: string
  reason: string
}

/** An older report of a target that a newer one replaced. */
export interface SupersededReport {
  file: string
  by: string
}

/** What summarize found: one row per target, failing ones first, and every file it could not use. */
export interface Fleet {
  patterns: string[]
  targets: FleetTarget[]
  unusable: UnusableReport[]
  superseded: SupersededReport[]
  /** fail when a target failed, a report could not be used, or nothing matched. */
  result: 'pass' | 'fail'
  /** Every check id that failed in some target, once, in the checks table's order. */
  failedChecks: string[]
  /** `<vault>/<key>` of every failing target whose report names one. */
  failedTargets: string[]
}

/** The target row of one valid report: only what the summary needs is kept. */
export function targetOf(file: string, report: ValidReport): FleetTarget {
  const failedIds = new Set(report.failedChecks)
  const note = (f: ReportFinding, outcome: 'warn' | 'fail'): CheckNote => ({
    id: f.id,
    outcome,
    detail: f.detail,
    fix: f.fix
  })
  const byId = new Map(report.findings.map(f => [f.id, f]))
  const failed = report.failedChecks.map(id => {
    const finding = byId.get(id)
    return finding
      ? note(finding, finding.outcome === 'warn' ? 'warn' : 'fail')
      : { id, outcome: 'fail' as const, detail: '', fix: null }
  })
  const warned = report.findings
    .filter(f => f.outcome === 'warn' && !failedIds.has(f.id))
    .map(f => note(f, 'warn'))
  const settings = report.settings
  return {
    file,
    identity:
      'keyVaultName' in settings
        ? { orgId: settings.adobeOrgId, vault: settings.keyVaultName, key: settings.keyName }
        : undefined,
    mode: report.mode,
    result: report.result,
    status: report.status,
    failed,
    warned,
    skipped: report.findings.flatMap(f =>
      f.outcome === 'skipped' && f.blockedBy !== null ? [{ id: f.id, blockedBy: f.blockedBy }] : []
    ),
    error: report.error,
    finishedAt: report.finishedAt,
    runUrl: report.runUrl,
    gatheredFacts: report.facts !== null,
    strict: 'strict' in settings ? settings.strict : false
  }
}

/** `<vault>/<key>` as a person reads it. */
export function targetName(target: FleetTarget): string {
  return target.identity ? `${target.identity.vault}/${target.identity.key}` : '(unknown target)'
}

/**
 * The fleet from every target read and every file that could not be used. Two reports of the same
 * org, vault and key (names compared as Azure does, without case): the one that finished later
 * counts, the other is named as superseded.
 */
export function buildFleet(
  patterns: string[],
  targets: FleetTarget[],
  unusable: UnusableReport[]
): Fleet {
  const latest = new Map<string, FleetTarget>()
  const superseded: SupersededReport[] = []
  const kept: FleetTarget[] = []
  for (const target of [...targets].sort((a, b) => a.file.localeCompare(b.file))) {
    if (!target.identity) {
      kept.push(target)
      continue
    }
    const id = identityKey(target.identity)
    const other = latest.get(id)
    if (!other) latest.set(id, target)
    else if (Date.parse(target.finishedAt) >= Date.parse(other.finishedAt)) {
      latest.set(id, target)
      superseded.push({ file: other.file, by: target.file })
    } else superseded.push({ file: target.file, by: other.file })
  }
  const rows = [...kept, ...latest.values()].sort(byUrgency)
  const failing = rows.filter(t => t.result === 'fail')
  return {
    patterns,
    targets: rows,
    unusable: [...unusable].sort((a, b) => a.file.localeCompare(b.file)),
    superseded: superseded.sort((a, b) => a.file.localeCompare(b.file)),
    result: failing.length > 0 || unusable.length > 0 || rows.length === 0 ? 'fail' : 'pass',
    failedChecks: inCheckOrder(new Set(failing.flatMap(t => t.failed.map(c => c.id)))),
    failedTargets: [
      ...new Set(failing.filter(t => t.identity !== undefined).map(t => targetName(t)))
    ]
  }
}

function identityKey(identity: TargetIdentity): string {
  return JSON.stringify([identity.orgId, identity.vault.toLowerCase(), identity.key.toLowerCase()])
}

/** Failing targets first, then those with warnings, then the rest; by org, vault, key within. */
function byUrgency(a: FleetTarget, b: FleetTarget): number {
  const rank = (t: FleetTarget) => (t.result === 'fail' ? 0 : t.warned.length > 0 ? 1 : 2)
  const name = (t: FleetTarget) =>
    t.identity ? `${t.identity.orgId}\u0000${targetName(t)}` : `\u0000${t.file}`
  return rank(a) - rank(b) || name(a).localeCompare(name(b)) || a.file.localeCompare(b.file)
}

/** Known ids in the checks table's order, then ids a later version added, alphabetically. */
function inCheckOrder(ids: Set<string>): string[] {
  const known = CHECK_IDS.filter(id => ids.has(id))
  const later = [...ids].filter(id => !(CHECK_IDS as readonly string[]).includes(id)).sort()
  return [...known, ...later]
}
