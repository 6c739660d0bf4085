import type { RepairOutcome } from '../model/repair-outcome.js'
import type { CheckId, Outcome } from '../model/finding.js'
import { redact } from '../safety/secrets.js'
import { followableConsentUrl } from './consent-link.js'
import { writeRegularFile } from './regular-file.js'
import type { RunResult } from './run-result.js'

export interface JsonReportFinding {
  id: CheckId
  outcome: Outcome
  detail: string
  fix: string | null
  evidence: Record<string, unknown> | null
  /** The failed check that kept a skipped one from being decided; null otherwise. */
  blockedBy: CheckId | null
}

/**
 * The JSON report's stable shape. Every key is always present; absent values are null.
 * Fields are only added within a schemaVersion; renames or removals bump it.
 */
export interface JsonReport {
  schemaVersion: 1
  result: 'pass' | 'fail'
  /** The mode of the run, or the mode input as given when it was refused. */
  mode: string
  status: string
  /** The status as Adobe sent it when its docs do not list it (status is then UNKNOWN); else null. */
  statusAsSent: string | null
  /** null when no configuration name was decided (bad input). */
  configName: string | null
  /** Adobe's internal name for the configuration (the `name` in its answers), not used for look-ups. */
  adobeConfigName: string | null
  keyIdentifier: string | null
  applicationId: string | null
  consentUrl: string | null
  failedChecks: CheckId[]
  findings: JsonReportFinding[]
  actions: string[]
  /** One entry per repair remediation tried: created (with ids), already-present, refused, failed, not-possible. */
  repairs: RepairOutcome[]
  settings: Record<string, unknown>
  facts: Record<string, unknown> | null
  timings: Record<string, number>
  startedAt: string
  finishedAt: string
  /** The page of the workflow run that wrote it (`<server>/<owner>/<repo>/actions/runs/<id>`); null outside GitHub Actions. */
  runUrl: string | null
  error: string | null
}

/**
 * The report of one run. Described by docs/report.schema.json (a test holds every report the
 * end-to-end tests write to it, and `mode: summarize` reads reports through it).
 */
export function buildJsonReport(r: RunResult, runUrl?: string): JsonReport {
  return {
    schemaVersion: 1,
    result: r.result,
    mode: r.refusedMode ?? r.mode,
    status: r.status,
    statusAsSent: r.statusAsSent ?? null,
    configName: r.configName || null,
    adobeConfigName: r.adobeConfigName ?? null,
    keyIdentifier: r.keyIdentifier ?? null,
    applicationId: r.applicationId ?? null,
    consentUrl: followableConsentUrl(r) ?? null,
    failedChecks: [...r.failedChecks],
    findings: r.findings.map(f => ({
      id: f.id,
      outcome: f.outcome,
      detail: f.detail,
      fix: f.fix ?? null,
      evidence: f.evidence ?? null,
      blockedBy: f.outcome === 'skipped' ? f.blockedBy : null
    })),
    actions: [...r.actions],
    repairs: [...(r.repairs ?? [])],
    settings: r.settings,
    facts: r.facts ?? null,
    timings: r.timings,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    runUrl: runUrl ?? null,
    error: r.error ?? null
  }
}

/** Writes the JSON report to path (a regular file), creating missing parent directories. */
export async function writeJsonReport(path: string, r: RunResult, runUrl?: string): Promise<void> {
  // Secrets a service echoed must not reach a file that is uploaded as an artifact.
  await writeRegularFile(path, redact(JSON.stringify(buildJsonReport(r, runUrl), null, 2)) + '\n')
}
