import type { Log, ReportingDescriptor, Result } from 'sarif'
import type { Finding } from '../model/finding.js'
import { redact } from '../safety/secrets.js'
import { ACTION_NAME, ACTION_VERSION } from './action-version.js'
import { SARIF_RULES, sarifRuleId } from './check-rules.js'
import { guardedKeyHash, type GuardedKey } from './guarded-key.js'
import { writeRegularFile } from './regular-file.js'
import type { WorkflowLocation } from './workflow-location.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/** The fingerprint of our own that names what it is; code scanning reads only the line hash. */
const CHECK_FINGERPRINT = 'aepCmkCheck/v1'

/** The code scanning category of a guarded key: one analysis per vault and key. */
export function sarifCategory(key: GuardedKey): string {
  return `aep-cmk/${key.vaultName.toLowerCase()}/${key.keyName.toLowerCase()}/`
}

/**
 * One SARIF 2.1.0 run as GitHub code scanning takes it: every check as a rule, one result per
 * failed or warned check (with strict, warnings are errors, as in the annotations). A passing run
 * has no results, which is how code scanning learns that earlier alerts were fixed.
 */
export function buildSarif(
  findings: readonly Finding[],
  key: GuardedKey,
  location: WorkflowLocation,
  strict: boolean
): Log {
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
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: ACTION_NAME,
            version: ACTION_VERSION,
            semanticVersion: ACTION_VERSION,
            rules
          }
        },
        automationDetails: { id: sarifCategory(key) },
        results
      }
    ]
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
