/**
 * Holds a JSON report to docs/report.schema.json, closed: the schema the action ships accepts
 * keys it does not know (a later version may add some within schemaVersion 1), but a report of
 * this version must have no key the schema leaves out, or the schema no longer describes it.
 * Used wherever the tests read a report (test/run-action.ts), so every report the end-to-end
 * suite writes is checked.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import reportSchema from '../docs/report.schema.json' with { type: 'json' }

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf'])

/**
 * The schema with `unevaluatedProperties: false` on every object schema that lists properties,
 * except the branches of a oneOf/anyOf/allOf, whose properties count for the schema around them.
 */
export function closedSchema(schema: unknown, inBranch = false): unknown {
  if (Array.isArray(schema)) return schema.map(item => closedSchema(item, inBranch))
  if (typeof schema !== 'object' || schema === null) return schema
  const entries = Object.entries(schema).map(([key, value]) => [
    key,
    COMBINATORS.has(key) ? closedSchema(value, true) : closedSchema(value, false)
  ])
  const closed = Object.fromEntries(entries) as Record<string, unknown>
  if (!inBranch && 'properties' in closed && !('additionalProperties' in closed))
    closed.unevaluatedProperties = false
  return closed
}

let validate: ValidateFunction | undefined

/** What is wrong with a report against the closed schema; empty when nothing is. */
export function reportProblems(report: unknown): string[] {
  validate ??= new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(
    closedSchema(reportSchema) as object
  )
  if (validate(report)) return []
  return (validate.errors ?? []).map(
    e =>
      `${e.instancePath || '(report)'} ${e.message ?? ''}${'unevaluatedProperty' in e.params ? `: ${String(e.params.unevaluatedProperty)}` : ''}`
  )
}

/** Throws, naming every problem, when the report does not match docs/report.schema.json. */
export function assertValidReport(report: unknown, where: string): void {
  const problems = reportProblems(report)
  if (problems.length > 0)
    throw new Error(
      `${where}: the JSON report does not match docs/report.schema.json:\n- ${problems.join('\n- ')}`
    )
}
