/** Reports as the action writes them, for the summarize tests: built by buildJsonReport itself. */
import { parseSettings } from '../../../src/inputs/parse-settings.js'
import { summarizeSettings } from '../../../src/inputs/settings-summary.js'
import type { CheckId, Finding } from '../../../src/model/finding.js'
import { buildJsonReport, type JsonReport } from '../../../src/report/json-report.js'
import { reader, VALID_INPUTS } from '../inputs/valid-inputs.js'

export interface SampleTarget {
  org?: string
  vault?: string
  key?: string
  mode?: 'setup' | 'validate' | 'check'
  failed?: CheckId[]
  warned?: CheckId[]
  strict?: boolean
  finishedAt?: string
  runUrl?: string
}

/** A report of one run about one vault and key, every other check passing. */
export function sampleReport(target: SampleTarget = {}): JsonReport {
  const parsed = parseSettings(
    reader({
      ...VALID_INPUTS,
      mode: target.mode ?? 'check',
      'key-vault-name': target.vault ?? 'kv-aep-prod',
      'key-name': target.key ?? 'aep-cmk',
      'adobe-org-id': target.org ?? 'ABCDEF0123456789ABCDEF01@AdobeOrg',
      strict: target.strict ? 'true' : 'false'
    }),
    {}
  )
  if (!parsed.ok || parsed.settings.mode === 'summarize') throw new Error('bad sample inputs')
  const failed = target.failed ?? []
  const warned = target.warned ?? []
  const findings: Finding[] = [...failed, ...warned, 'vault.found' as const].map(id => ({
    id,
    outcome: failed.includes(id) ? 'fail' : warned.includes(id) ? 'warn' : 'pass',
    detail: `${id} detail.`,
    fix: failed.includes(id) || warned.includes(id) ? `Fix ${id}: \`az fix ${id}\`` : undefined
  }))
  const finishedAt = target.finishedAt ?? '2026-11-26T03:17:41.731Z'
  return buildJsonReport(
    {
      mode: parsed.settings.mode,
      result: failed.length > 0 || (target.strict && warned.length > 0) ? 'fail' : 'pass',
      status: 'COMPLETED',
      configName: parsed.settings.configName,
      findings,
      failedChecks: target.strict ? [...failed, ...warned] : failed,
      actions: [],
      settings: summarizeSettings(parsed.settings),
      facts: { vault: { ok: true, value: { name: target.vault ?? 'kv-aep-prod' } } },
      timings: { read: 800 },
      startedAt: '2026-11-26T03:17:40.902Z',
      finishedAt
    },
    target.runUrl ?? 'https://github.com/octo-org/aep-infra/actions/runs/8123456789'
  )
}

/** The report of a run that bad input stopped: no settings, no facts, the error. */
export function inputErrorReport(): JsonReport {
  return buildJsonReport({
    mode: 'check',
    result: 'fail',
    status: 'UNKNOWN',
    configName: '',
    findings: [],
    failedChecks: [],
    error: 'key-vault-name: is required',
    actions: [],
    settings: {},
    timings: {},
    startedAt: '2026-11-26T03:17:40.902Z',
    finishedAt: '2026-11-26T03:17:40.950Z'
  })
}
