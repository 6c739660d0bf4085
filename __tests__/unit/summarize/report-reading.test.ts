import { Ajv2020 } from 'ajv/dist/2020.js'
import { readReport, reportSchema } from '../../../src/summarize/report-reading.js'
import { buildJsonReport } from '../../../src/report/json-report.js'
import { closedSchema, reportProblems } from '../../../test/report-schema.js'
import { inputErrorReport, sampleReport } from './sample-reports.js'

const reason = (text: string) => {
  const reading = readReport(text)
  return reading.kind === 'unusable' ? reading.reason : 'usable'
}

describe('docs/report.schema.json', () => {
  it('is a draft 2020-12 schema that compiles in strict mode', () => {
    expect(reportSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(() =>
      new Ajv2020({ strict: true, allowUnionTypes: true }).compile(reportSchema)
    ).not.toThrow()
  })

  it('describes every report buildJsonReport writes, closed to keys it does not list', () => {
    const reports = [
      sampleReport(),
      sampleReport({ failed: ['key.enabled'], warned: ['key.rotation'], strict: true }),
      inputErrorReport(),
      buildJsonReport({
        mode: 'setup',
        result: 'fail',
        status: 'NOT_CONFIGURED',
        statusAsSent: 'PENDING_REVIEW',
        configName: 'cmk-kv-key',
        findings: [
          { id: 'vault.found', outcome: 'fail', detail: 'No vault.', fix: 'Create it.' },
          { id: 'key.found', outcome: 'skipped', detail: 'Not read.', blockedBy: 'vault.found' }
        ],
        failedChecks: ['vault.found'],
        actions: ['Registered the CMK app'],
        repairs: [
          {
            item: 'role',
            check: 'app.role',
            result: 'created',
            summary: 'Assigned',
            ids: { a: 'b' }
          },
          {
            item: 'service-principal',
            check: 'app.consented',
            result: 'already-present',
            summary: 'x'
          },
          {
            item: 'adobe-ip',
            check: 'vault.adobe-ip',
            result: 'refused',
            call: 'ARM PUT vault',
            status: 403,
            message: 'no',
            permission: 'Microsoft.KeyVault/vaults/write'
          },
          { item: 'role', check: 'app.role', result: 'failed', call: 'ARM PUT', message: 'boom' },
          { item: 'adobe-ip', check: 'vault.adobe-ip', result: 'not-possible', reason: 'Disabled' }
        ],
        settings: sampleReport().settings,
        facts: { vault: { ok: false, error: { call: 'ARM GET vault', kind: 'not-found' } } },
        timings: { read: 12, setup: 3 },
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:01.000Z'
      })
    ]
    for (const report of reports)
      expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([])
  })

  it('holds a report to it exactly in the tests: a key it does not list is a problem', () => {
    expect(reportProblems({ ...sampleReport(), surprise: 1 })).toEqual([
      '(report) must NOT have unevaluated properties: surprise'
    ])
    const withoutRunUrl: Record<string, unknown> = { ...sampleReport() }
    delete withoutRunUrl.runUrl
    expect(reportProblems(withoutRunUrl)).toEqual(["(report) must have required property 'runUrl'"])
    // The schema the action ships stays open, so that a later version's additions are readable.
    expect(JSON.stringify(reportSchema)).not.toContain('unevaluatedProperties')
    expect(JSON.stringify(closedSchema(reportSchema))).toContain('unevaluatedProperties')
  })
})

describe('readReport', () => {
  it('reads a report of this version', () => {
    const reading = readReport(JSON.stringify(sampleReport({ failed: ['key.enabled'] })))
    expect(reading.kind).toBe('report')
  })

  it('accepts keys a later version of the action added within schemaVersion 1', () => {
    expect(reason(JSON.stringify({ ...sampleReport(), addedLater: { x: 1 } }))).toBe('usable')
  })

  it.each([
    ['an empty file', '', 'not JSON: the file is empty'],
    ['text that is not JSON', 'hello', 'not JSON: Unexpected token'],
    ['a report cut short', JSON.stringify(sampleReport()).slice(0, 300), 'truncated'],
    ['a report cut inside a string', '{"schemaVersion": 1, "mode": "ch', 'truncated'],
    ['an array', '[1, 2]', 'not a report of this action: not a JSON object'],
    [
      'a SARIF file',
      JSON.stringify({ version: '2.1.0', runs: [] }),
      'not a report of this action: it has no schemaVersion'
    ],
    [
      'a schemaVersion that is not a number',
      JSON.stringify({ ...sampleReport(), schemaVersion: '1' }),
      'not a report of this action: schemaVersion is "1", not a whole number'
    ],
    [
      'a newer schemaVersion',
      JSON.stringify({ ...sampleReport(), schemaVersion: 2 }),
      'unknown schemaVersion 2: this version of the action reads schemaVersion 1 (a newer action wrote it'
    ],
    [
      'a schemaVersion 1 report without findings',
      JSON.stringify({ ...sampleReport(), findings: undefined }),
      "not a valid schemaVersion 1 report (docs/report.schema.json): (the report) must have required property 'findings'"
    ],
    [
      'a result that is neither pass nor fail',
      JSON.stringify({ ...sampleReport(), result: 'ok' }),
      'not a valid schemaVersion 1 report (docs/report.schema.json): /result must be equal to one of the allowed values'
    ]
  ])('names %s with the reason', (_, text, expected) => {
    expect(reason(text)).toContain(expected)
  })
})
