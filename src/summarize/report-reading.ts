import { describeValue } from '../safety/describe-value.js'
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
// Embedded at build time: the bundle must not need the repository beside it.
import reportSchema from '../../docs/report.schema.json' with { type: 'json' }

/** The schemaVersion this version of the action reads (and writes). */
export const READ_SCHEMA_VERSION = 1

export { reportSchema }

/** A finding as a report holds it; ids are strings, since a later version may add checks. */
export interface ReportFinding {
  id: string
  outcome: 'pass' | 'warn' | 'fail' | 'skipped'
  detail: string
  fix: string | null
  blockedBy: string | null
}

/** The settings a report of a run about one vault holds (a run stopped by bad input has none). */
export interface ReportSettings {
  mode: string
  keyVaultName: string
  keyName: string
  adobeOrgId: string
  strict: boolean
}

/**
 * The parts of a schemaVersion 1 report that summarize uses, once the schema has vouched for
 * them (docs/report.schema.json describes the whole report).
 */
export interface ValidReport {
  schemaVersion: 1
  result: 'pass' | 'fail'
  mode: string
  status: string
  failedChecks: string[]
  findings: ReportFinding[]
  settings: ReportSettings | Record<string, never>
  facts: Record<string, unknown> | null
  startedAt: string
  finishedAt: string
  runUrl: string | null
  error: string | null
}

/** What a file turned out to hold: a report summarize can use, or why it cannot. */
export type ReportReading =
  { kind: 'report'; report: ValidReport } | { kind: 'unusable'; reason: string }

let validator: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null | undefined }

/** Compiled once per process, on first use: most runs of the action never read a report. */
function validate(data: unknown): ErrorObject[] | undefined {
  validator ??= new Ajv2020({ allErrors: false, allowUnionTypes: true }).compile(reportSchema)
  return validator(data) ? undefined : (validator.errors ?? [])
}

/**
 * Reads one file's text as a report: JSON (a cut-off file is named as truncated), ours (it has a
 * schemaVersion), of the version this action reads, and valid against the report's JSON Schema.
 */
export function readReport(text: string): ReportReading {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { kind: 'unusable', reason: notJsonReason(text, error) }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { kind: 'unusable', reason: 'not a report of this action: not a JSON object' }
  const version = (data as { schemaVersion?: unknown }).schemaVersion
  if (version === undefined)
    return { kind: 'unusable', reason: 'not a report of this action: it has no schemaVersion' }
  if (!Number.isInteger(version))
    return {
      kind: 'unusable',
      reason: `not a report of this action: schemaVersion is ${JSON.stringify(version)}, not a whole number`
    }
  if (version !== READ_SCHEMA_VERSION)
    return {
      kind: 'unusable',
      reason: `unknown schemaVersion ${describeValue(version)}: this version of the action reads schemaVersion ${READ_SCHEMA_VERSION}${Number(version) > READ_SCHEMA_VERSION ? ' (a newer action wrote it: summarize with that version)' : ''}`
    }
  const errors = validate(data)
  if (errors)
    return {
      kind: 'unusable',
      reason: `not a valid schemaVersion ${READ_SCHEMA_VERSION} report (docs/report.schema.json): ${describeErrors(errors)}`
    }
  return { kind: 'report', report: data as ValidReport }
}

/**
 * Why a text is not JSON. An upload or a copy cut short leaves JSON that ends too early: the
 * parser then stops at the very end of the text, which is worth saying in those words.
 */
function notJsonReason(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const position = /at position (\d+)/.exec(message)?.[1]
  const end = text.trimEnd().length
  if (text.trim() === '') return 'not JSON: the file is empty'
  if (/end of JSON input/i.test(message) || (position !== undefined && Number(position) >= end))
    return 'truncated: the JSON ends before the report does'
  return `not JSON: ${message.slice(0, 200)}`
}

function describeErrors(errors: ErrorObject[]): string {
  const shown = errors
    .slice(0, 3)
    .map(e => `${e.instancePath || '(the report)'} ${e.message ?? 'is not valid'}`)
  return shown.join('; ') || 'it does not match the schema'
}
