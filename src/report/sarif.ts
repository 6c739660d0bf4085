import type { Log, ReportingDescriptor, Result, Run } from 'sarif'
import type { Finding } from '../model/finding.js'
import { redact } from '../safety/secrets.js'
import { ACTION_NAME, ACTION_VERSION } from './action-version.js'
import { SARIF_RULES, sarifRuleId } from './check-rules.js'
import { guardedKeyHash, type GuardedKey } from './guarded-key.js'
import { writeRegularFile } from './regular-file.js'
import { skippedBy } from './skipped-lines.js'
import type { WorkflowLocation } from './workflow-location.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/** The fingerprint of our own that names what it is; code scanning reads only the line hash. */
const CHECK_FINGERPRINT = 'aepCmkCheck/v1'

/** The code scanning category of a guarded key: one analysis per vault and key. */
export function sarifCategory(key: GuardedKey): string {
  return `aep-cmk/${key.vaultName.toLowerCase()}/${key.keyName.toLowerCase()}/`
}

/** The category of the failures that kept other checks from being decided. */
export function blockedSarifCategory(key: GuardedKey): string {
  return `${sarifCategory(key)}blocked/`
}

/**
 * The SARIF 2.1.0 file of one run, as GitHub code scanning takes it. Code scanning closes, as
 * fixed, every alert whose result is missing from a later upload of the same category ("SARIF
 * support for code scanning"), so:
 * - when every check was decided, the key's category holds one result per failed or warned
 *   check (a passing run has none: that is how earlier alerts close), and the blocked category
 *   is uploaded empty, closing what an earlier blocked run opened;
 * - when a failure kept checks from being decided (a throttled sign-in is enough), the key's
 *   category is left out, so the alerts of the skipped checks stay as they are, and the
 *   blocking failures go to the blocked category, where they still reach code scanning.
 * Two runs with distinct categories in one file are within GitHub's limits (20 runs a file; one
 * run per tool and category).
 */
export function buildSarif(
  findings: readonly Finding[],
  key: GuardedKey,
  location: WorkflowLocation,
  strict: boolean
): Log {
  const blocking = skippedBy(findings)
  const runs =
    blocking.size === 0
      ? [
          sarifRun(findings, key, location, strict, sarifCategory(key)),
          sarifRun([], key, location, strict, blockedSarifCategory(key))
        ]
      : [
          sarifRun(
            findings.filter(f => blocking.has(f.id)),
            key,
            location,
            strict,
            blockedSarifCategory(key)
          )
        ]
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs }
}

/**
 * One run: every check as a rule, one result per failed or warned check (with strict, warnings
 * are errors, as in the annotations), under `category`.
 */
export function sarifRun(
  findings: readonly Finding[],
  key: GuardedKey,
  location: WorkflowLocation,
  strict: boolean,
  category: string
): Run {
  const rules: ReportingDescriptor[] = SARIF_RULES.map(rule => {
    return {
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.short },
      fullDescription: { text: rule.full },
      help: { text: rule.help, markdown: `${rule.full}\n\n**Fix:** ${rule.help}` },
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'customer-managed-keys'],
        precision: 'very-high',
        'security-severity': rule.securitySeverity.toFixed(1)
      }
    }
  })
  const results: Result[] = []
  for (const finding of findings) {
    const level =
      finding.outcome === 'fail' || (finding.outcome === 'warn' && strict)
        ? 'error'
        : finding.outcome === 'warn'
          ? 'warning'
          : undefined
    if (!level) continue
    const hash = guardedKeyHash(key, finding.id)
    const ruleId = sarifRuleId(finding.id, finding.outcome === 'warn' ? 'warn' : 'fail')
    results.push({
      ruleId,
      ruleIndex: rules.findIndex(rule => rule.id === ruleId),
      level,
      message: { text: messageOf(finding, key) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: location.uri },
            region: {
              startLine: location.startLine,
              startColumn: location.startColumn,
              endLine: location.endLine,
              endColumn: location.endColumn
            }
          }
        }
      ],
      // Code scanning matches alerts by primaryLocationLineHash only. Left to upload-sarif, it
      // would hash the workflow line, so editing the step (say, a new action version) would
      // close every alert and open it again. Derived from org, vault, key and check instead, an
      // alert stays one alert until the check passes. (upload-sarif logs that its own hash of
      // the line differs; it keeps ours.)
      partialFingerprints: {
        primaryLocationLineHash: `${hash.slice(0, 16)}:1`,
        [CHECK_FINGERPRINT]: hash
      },
      properties: { vault: key.vaultName, key: key.keyName }
    })
  }
  return {
    tool: {
      driver: {
        name: ACTION_NAME,
        version: ACTION_VERSION,
        semanticVersion: ACTION_VERSION,
        rules
      }
    },
    automationDetails: { id: category },
    results
  }
}

function messageOf(finding: Finding, key: GuardedKey): string {
  const detail = finding.detail.trim()
  const sentence = /[.!?]$/.test(detail) ? detail : `${detail}.`
  const where = `${key.vaultName}/${key.keyName}: `
  return finding.fix ? `${where}${sentence} Fix: ${finding.fix}` : `${where}${sentence}`
}

/**
 * Writes the SARIF file, creating missing parent directories; known secrets never reach it, and,
 * like the JSON report, a named pipe or device at that path is refused instead of holding the run.
 */
export async function writeSarif(path: string, log: Log): Promise<void> {
  await writeRegularFile(path, redact(JSON.stringify(log, null, 2)) + '\n')
}
