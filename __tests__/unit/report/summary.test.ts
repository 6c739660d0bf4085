import type { Finding } from '../../../src/checks/finding.js'
import type { RunResult } from '../../../src/report/run-result.js'
import { renderSummary } from '../../../src/report/summary.js'

function runResult(overrides: Partial<RunResult> = {}): RunResult {
  return {
    mode: 'setup',
    result: 'pass',
    status: 'COMPLETED',
    configName: 'cmk-kv-prod-aep-key',
    keyIdentifier: 'https://kv-prod.vault.azure.net/keys/aep-key/0123abcd',
    applicationId: '11111111-2222-3333-4444-555555555555',
    consentUrl: 'https://login.microsoftonline.com/tenant-id/oauth2/authorize?client_id=1111',
    findings: [
      { id: 'vault.found', outcome: 'pass', detail: 'Vault kv-prod exists.' },
      { id: 'key.size', outcome: 'pass', detail: 'RSA 3072 bits.' }
    ],
    failedChecks: [],
    actions: ['Submitted configuration cmk-kv-prod-aep-key'],
    settings: { keyVaultName: 'kv-prod', keyName: 'aep-key', mode: 'setup' },
    timings: { facts: 120.4, act: 30 },
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.500Z',
    ...overrides
  }
}

function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter(l => l.startsWith('| `'))
}

/** Splits a table row into cells, honouring escaped pipes as GFM does. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map(c => c.trim())
}

describe('renderSummary', () => {
  it('heads a passing run with the pass icon and mode', () => {
    const md = renderSummary(runResult())
    expect(md.split('\n')[0]).toMatch(/^## ✅ pass: .*\(setup\)$/)
  })

  it('heads a failing run with the fail icon', () => {
    const md = renderSummary(runResult({ result: 'fail', mode: 'check' }))
    expect(md.split('\n')[0]).toMatch(/^## ❌ fail: .*\(check\)$/)
  })

  it('names vault, key, key identifier, configuration status and app id', () => {
    const md = renderSummary(runResult())
    expect(md).toContain('**Vault / key:** kv-prod / aep-key')
    expect(md).toContain('https://kv-prod.vault.azure.net/keys/aep-key/0123abcd')
    expect(md).toContain('**Configuration:** cmk-kv-prod-aep-key, status **COMPLETED**')
    expect(md).toContain('11111111-2222-3333-4444-555555555555')
  })

  it('links an https consent URL', () => {
    const md = renderSummary(runResult())
    expect(md).toContain(
      '[grant consent to the CMK app](https://login.microsoftonline.com/tenant-id/oauth2/authorize?client_id=1111)'
    )
  })

  it('does not link a consent URL that is not https', () => {
    const md = renderSummary(runResult({ consentUrl: 'javascript:alert(1)' }))
    expect(md).not.toMatch(/\]\(javascript/)
    expect(md).toContain('javascript:alert\\(1\\) (not an https URL, so not linked)')
  })

  it('keeps parentheses in a consent URL from ending the link', () => {
    const md = renderSummary(runResult({ consentUrl: 'https://login.example/a)b(c' }))
    expect(md).toContain('(https://login.example/a%29b%28c)')
  })

  it('lists what was written, or says nothing was', () => {
    expect(renderSummary(runResult())).toContain(
      '**Written:**\n- Submitted configuration cmk-kv-prod-aep-key'
    )
    expect(renderSummary(runResult({ actions: [] }))).toContain('**Written:** nothing.')
  })

  it('shows the error, escaped', () => {
    const md = renderSummary(runResult({ result: 'fail', error: 'Input key-name: <b>bad</b>' }))
    expect(md).toContain('**Error:** Input key-name: &lt;b&gt;bad&lt;/b&gt;')
  })

  it('puts every finding in one table row, in contract order, with icon and word', () => {
    const findings: Finding[] = [
      { id: 'config.status', outcome: 'fail', detail: 'FAILED.', fix: 'Look at Adobe.' },
      { id: 'vault.found', outcome: 'pass', detail: 'Found.' },
      { id: 'app.role', outcome: 'warn', detail: 'Cannot read roles.', fix: 'Grant Reader.' }
    ]
    const md = renderSummary(
      runResult({ result: 'fail', findings, failedChecks: ['config.status'] })
    )
    expect(md).toContain('| Check | Result | Found | How to fix |')
    const rows = tableRows(md).map(cells)
    expect(rows).toEqual([
      ['`vault.found`', '✅ pass', 'Found.', ''],
      ['`app.role`', '⚠️ warn', 'Cannot read roles.', 'Grant Reader.'],
      ['`config.status`', '❌ fail', 'FAILED.', 'Look at Adobe.']
    ])
    expect(md).toContain('**Checks:** 1 passed, 1 warned, 1 failed')
    expect(md).toContain('**Failed checks:** `config.status`')
  })

  it('marks a warning that fails the run under strict', () => {
    const findings: Finding[] = [
      { id: 'vault.adobe-ip', outcome: 'warn', detail: 'Adobe IP not allowed.', fix: 'Allow it.' }
    ]
    const md = renderSummary(
      runResult({ result: 'fail', findings, failedChecks: ['vault.adobe-ip'] })
    )
    expect(cells(tableRows(md)[0]!)[1]!).toBe('⚠️ warn (fails: strict)')
  })

  it('keeps injected Markdown and HTML in a finding inside its cell', () => {
    const findings: Finding[] = [
      {
        id: 'config.key',
        outcome: 'fail',
        detail: 'Points at | col | <img src=x onerror=alert(1)>\nnext line',
        fix: '[click](javascript:alert(1))'
      }
    ]
    const md = renderSummary(runResult({ result: 'fail', findings, failedChecks: ['config.key'] }))
    const rows = tableRows(md)
    expect(rows).toHaveLength(1)
    const row = cells(rows[0]!)
    expect(row).toHaveLength(4)
    expect(row[2]).not.toMatch(/<img/)
    expect(row[3]).not.toMatch(/(^|[^\\])\[click/)
  })

  it('escapes service-provided configuration names and statuses', () => {
    // The status is one of a closed list today; the summary escapes it all the same.
    const status = '<script>' as RunResult['status']
    const md = renderSummary(runResult({ configName: '**x**](y)', status }))
    expect(md).toContain('**Configuration:** \\*\\*x\\*\\*\\]\\(y\\), status **&lt;script&gt;**')
  })

  it('says when no checks ran', () => {
    const md = renderSummary(runResult({ findings: [], status: 'UNKNOWN', result: 'fail' }))
    expect(md).toContain('**Checks:** none ran.')
    expect(md).not.toContain('| Check |')
  })

  it('reports timings and total duration', () => {
    expect(renderSummary(runResult())).toContain('total 1500 ms · facts 120 ms · act 30 ms')
  })
})
