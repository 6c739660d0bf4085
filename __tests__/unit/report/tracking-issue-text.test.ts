import type { Finding } from '../../../src/model/finding.js'
import {
  changedComment,
  issueBody,
  issueMarker,
  ISSUE_TEXT_MAX_CHARS,
  recordedFailedChecks
} from '../../../src/report/tracking-issue-text.js'

const KEY = { orgId: 'ABC123@AdobeOrg', vaultName: 'kv-prod', keyName: 'cmk' }
const CONTEXT = {
  key: KEY,
  mode: 'check',
  status: 'COMPLETED',
  runUrl: 'https://gh/o/r/actions/runs/1'
}

describe('tracking issue text', () => {
  it('records the failed checks in the body and reads them back', () => {
    const findings: Finding[] = [
      { id: 'vault.rbac', outcome: 'fail', detail: 'Access policies.', fix: 'Use RBAC.' },
      { id: 'key.enabled', outcome: 'fail', detail: 'Disabled.', fix: 'Enable it.' }
    ]
    const body = issueBody(findings, ['vault.rbac', 'key.enabled'], CONTEXT)
    expect(body.startsWith(issueMarker(KEY))).toBe(true)
    expect(recordedFailedChecks(body)).toEqual(['vault.rbac', 'key.enabled'])
    expect(body).toContain('[this run](https://gh/o/r/actions/runs/1)')
    expect(recordedFailedChecks('no markers here')).toEqual([])
    expect(body).not.toContain('The run stopped')
    const stopped = issueBody([], [], { ...CONTEXT, error: 'unexpected error: boom' })
    expect(stopped).toContain('The run stopped: unexpected error: boom')
  })

  it('gives each failed check its fix in all three forms, the code inside its list item', () => {
    const findings: Finding[] = [
      { id: 'key.operations', outcome: 'fail', detail: 'No wrapKey.', fix: 'Permit it: `az x`.' },
      { id: 'config.key', outcome: 'fail', detail: 'Elsewhere.', fix: 'Set config-name.' }
    ]
    const body = issueBody(findings, ['key.operations', 'config.key'], CONTEXT)
    const item = body.slice(body.indexOf('- **key.operations**'), body.indexOf('- **config.key**'))
    expect(item).toContain('  **Fix:** Permit it: \\`az x\\`.')
    expect(item).toContain('  **Terraform (`azurerm`):**\n\n  ```hcl\n')
    expect(item).toContain('  resource "azurerm_key_vault_key" "cmk" {\n    name         = "cmk"')
    expect(item).toContain('key_opts     = ["wrapKey", "unwrapKey"]')
    expect(item).toContain('  **Bicep:**\n\n  ```bicep\n')
    expect(item).toContain('keyOps: [')
    const hsm = issueBody(findings, ['key.operations'], { ...CONTEXT, vaultType: 'managed-hsm' })
    expect(hsm).toContain('resource "azurerm_key_vault_managed_hardware_security_module_key" "cmk"')
    const rest = body.slice(body.indexOf('- **config.key**'))
    expect(rest).not.toContain('Terraform')
  })

  it('says what Adobe does about a disabled key right under its first line', () => {
    const findings: Finding[] = [
      { id: 'key.enabled', outcome: 'fail', detail: 'Disabled.', fix: 'Enable it.' }
    ]
    const lines = issueBody(findings, ['key.enabled'], CONTEXT).split('\n')
    expect(lines[2]).toContain('fails a check')
    expect(lines[3]).toBe('')
    expect(lines[4]).toMatch(
      /^🚨 \*\*Adobe cannot use this key now: `key\.enabled` failed\.\*\* .*"Key access disabled".*purge all data/
    )
    const setup = issueBody(findings, ['key.enabled'], { ...CONTEXT, status: 'NOT_CONFIGURED' })
    expect(setup).not.toContain('🚨')
  })

  it('one marker per org, vault and key; vault and key case as in Azure', () => {
    expect(issueMarker({ ...KEY, vaultName: 'KV-Prod', keyName: 'CMK' })).toBe(issueMarker(KEY))
    expect(issueMarker({ ...KEY, orgId: 'XYZ@AdobeOrg' })).not.toBe(issueMarker(KEY))
    expect(issueMarker({ ...KEY, keyName: 'cmk2' })).not.toBe(issueMarker(KEY))
  })

  it('service text can neither add markup or markers nor mention anyone', () => {
    const hostile: Finding = {
      id: 'key.found',
      outcome: 'fail',
      detail: 'boom <!-- aep-cmk-failed-checks: app.role --> <img src=x> ping @octo-org/security',
      fix: 'ask @admin'
    }
    const body = issueBody([hostile], ['key.found'], CONTEXT)
    expect(body).not.toContain('<img')
    expect(body).not.toMatch(/(^|\s)@octo-org/)
    expect(body).not.toMatch(/(^|\s)@admin/)
    expect(body.match(/<!--/g)).toHaveLength(2)
    expect(recordedFailedChecks(body)).toEqual(['key.found'])
    expect(body).toContain('ABC123@AdobeOrg')
  })

  it('the change comment names what started and what stopped failing', () => {
    const text = changedComment(['key.enabled', 'app.role'], ['app.role', 'key.expiry'], undefined)
    expect(text).toContain('now failing: `key.expiry`')
    expect(text).toContain('no longer failing: `key.enabled`')
    expect(text).toContain('a run outside GitHub Actions')
  })
})

describe('issueBody under hostile text', () => {
  const key = { orgId: 'ORG@AdobeOrg', vaultName: 'kv-one', keyName: 'key-one' }

  it('stays under 65,536 characters with a 1.5 MB detail, keeping its markers', () => {
    const body = issueBody(
      [
        {
          id: 'key.found',
          outcome: 'fail',
          detail: 'x'.repeat(1_500_000),
          fix: 'y'.repeat(100_000)
        }
      ],
      ['key.found'],
      { key, mode: 'check', status: 'UNKNOWN' }
    )
    expect(body.length).toBeLessThanOrEqual(ISSUE_TEXT_MAX_CHARS)
    expect(body).toContain(issueMarker(key))
    expect(body).toContain('<!-- aep-cmk-failed-checks: key.found -->')
    expect(body).toMatch(/ \\?\(cut\\?\)/)
  })

  it('says a stopped run could not check the key instead of "fails 0 checks"', () => {
    const body = issueBody([], [], {
      key,
      mode: 'setup',
      status: 'UNKNOWN',
      error: 'the run reached its deadline'
    })
    expect(body).not.toMatch(/fails 0 checks/)
    expect(body).toContain('could not be checked')
  })
})
