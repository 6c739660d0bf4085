/**
 * What GitHub code scanning requires of an uploaded SARIF file, from GitHub's "SARIF support for
 * code scanning" reference (the properties it marks required, its limits and the security
 * severity range), and the SARIF 2.1.0 JSON schema that github/codeql-action/upload-sarif
 * validates against with the same validator (jsonschema). The schema is the one
 * @microsoft/jest-sarif ships (sarif-2.1.0-rtm.5, the published 2.1.0 schema).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Validator, type Schema } from 'jsonschema'

const SCHEMA_FILE = createRequire(import.meta.url).resolve(
  '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'
)

/** Schema violations, as `path: message`; empty when the log is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema
  return new Validator()
    .validate(log, schema)
    .errors.map(error => `${error.property}: ${error.message}`)
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A required string: present and not empty ("The empty string is not supported"). */
function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

function positiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
}

/** Every way the log falls short of GitHub's documented requirements; empty when it meets them. */
export function githubSarifProblems(log: unknown): string[] {
  const problems: string[] = []
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what)
  }
  if (!isObject(log)) return ['the log is not an object']
  need(text(log.$schema), '$schema is required')
  need(log.version === '2.1.0', 'version must be 2.1.0')
  need(Array.isArray(log.runs) && log.runs.length > 0, 'runs[] is required')
  const runs = Array.isArray(log.runs) ? log.runs : []
  runs.forEach((run: unknown, r) => {
    const at = `runs[${r}]`
    if (!isObject(run)) return need(false, `${at} is not an object`)
    const driver = isObject(run.tool) ? run.tool.driver : undefined
    if (!isObject(driver)) return need(false, `${at}.tool.driver is required`)
    need(text(driver.name), `${at}.tool.driver.name is required`)
    need(Array.isArray(driver.rules), `${at}.tool.driver.rules[] is required`)
    const rules = Array.isArray(driver.rules) ? (driver.rules as unknown[]) : []
    const ruleIds = new Set<string>()
    rules.forEach((rule: unknown, i) => {
      const where = `${at}.tool.driver.rules[${i}]`
      if (!isObject(rule)) return need(false, `${where} is not an object`)
      need(text(rule.id), `${where}.id is required`)
      if (text(rule.id)) {
        need(!ruleIds.has(rule.id), `${where}.id ${rule.id} is not unique`)
        ruleIds.add(rule.id)
      }
      for (const field of ['shortDescription', 'fullDescription'] as const) {
        const value = isObject(rule[field]) ? rule[field].text : undefined
        need(text(value), `${where}.${field}.text is required`)
        need(!text(value) || value.length <= 1024, `${where}.${field}.text exceeds 1024 characters`)
      }
      need(isObject(rule.help) && text(rule.help.text), `${where}.help.text is required`)
      if (text(rule.name)) need(rule.name.length <= 255, `${where}.name exceeds 255 characters`)
      const severity = isObject(rule.properties) ? rule.properties['security-severity'] : undefined
      if (severity !== undefined) {
        const score = Number(severity)
        need(
          typeof severity === 'string' && score > 0 && score <= 10,
          `${where}.properties.security-severity must be a number string above 0.0 up to 10.0`
        )
        const tags = isObject(rule.properties) ? rule.properties.tags : undefined
        need(
          Array.isArray(tags) && tags.includes('security'),
          `${where}.properties.tags must include security when security-severity is set`
        )
      }
    })
    need(Array.isArray(run.results), `${at}.results[] is required`)
    const results = Array.isArray(run.results) ? (run.results as unknown[]) : []
    results.forEach((result: unknown, i) => {
      const where = `${at}.results[${i}]`
      if (!isObject(result)) return need(false, `${where} is not an object`)
      if (result.ruleId !== undefined)
        need(text(result.ruleId) && ruleIds.has(result.ruleId), `${where}.ruleId names no rule`)
      need(
        isObject(result.message) && text(result.message.text),
        `${where}.message.text is required`
      )
      const locations = Array.isArray(result.locations) ? (result.locations as unknown[]) : []
      need(locations.length >= 1 && locations.length <= 10, `${where}.locations[] needs 1 to 10`)
      locations.forEach((location: unknown, l) => {
        const physical = isObject(location) ? location.physicalLocation : undefined
        const loc = `${where}.locations[${l}].physicalLocation`
        if (!isObject(physical)) return need(false, `${loc} is required`)
        const uri = isObject(physical.artifactLocation) ? physical.artifactLocation.uri : undefined
        need(text(uri), `${loc}.artifactLocation.uri is required`)
        const region = isObject(physical.region) ? physical.region : {}
        for (const field of ['startLine', 'startColumn', 'endLine', 'endColumn'])
          need(positiveInteger(region[field]), `${loc}.region.${field} is required`)
      })
      const fingerprints = result.partialFingerprints
      need(
        isObject(fingerprints) && Object.values(fingerprints).every(text),
        `${where}.partialFingerprints is required`
      )
      need(
        isObject(fingerprints) && text(fingerprints.primaryLocationLineHash),
        `${where}.partialFingerprints.primaryLocationLineHash is the one code scanning uses`
      )
    })
  })
  return problems
}
