import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../../src/model/finding.js'
import type { RunResult } from '../../../src/report/run-result.js'
import { renderSummary } from '../../../src/report/summary.js'
import { codeBlock, fixMarkdown } from '../../../src/report/fix-markdown.js'
import {
  disabledKeyCheckRun,
  failingSetupRun,
  passingCheckRun,
  roleMissingRun
} from './golden-runs.js'
import { judgeConsentUrl } from '../../../src/facts/consent-url.js'

const GOLDEN = join('__tests__', 'unit', 'report', 'golden')

function golden(name: string): string {
  return readFileSync(join(GOLDEN, name), 'utf8')
}

function run(overrides: Partial<RunResult> = {}): RunResult {
  return { ...passingCheckRun(), ...overrides }
}

/** The Markdown outside code blocks and code spans, where escaping matters. */
function outsideCode(markdown: string): string {
  return markdown
    .replace(/^(`{3,})sh\n[\s\S]*?^\1$/gm, '')
    .replace(/\\`/g, '')
    .replace(/(`+)[^`][\s\S]*?\1/g, '')
}

describe('renderSummary: golden summaries', () => {
  it.each([
    ['failing-setup.md', failingSetupRun],
    ['role-missing.md', roleMissingRun],
    ['passing-check.md', passingCheckRun],
    ['disabled-key-check.md', disabledKeyCheckRun]
  ])('%s', (file, make) => {
    expect(renderSummary(make())).toBe(golden(file))
  })
})

describe('renderSummary: a failure that cuts Adobe off from the key', () => {
  const URGENT =
    '🚨 **Adobe cannot use this key now: `key.enabled` failed.** Adobe\'s CMK alert reference calls this "Key access disabled": Adobe "treats the access failure as a purposeful removal and will purge all data associated with your organization, based on your SLA". Adobe checks key access every 10 minutes; once access is revoked, data in its primary stores becomes inaccessible within a few minutes to 24 hours, in cached stores within 7 days. Fix it now: the fix is below.'

  it('says on the first screen what Adobe does and how soon, and never calls CMK active', () => {
    const md = renderSummary(disabledKeyCheckRun())
    expect(md.split('\n\n').slice(0, 2)).toEqual([
      '## ❌ fail (check): enable the key (`key.enabled`), then re-run',
      URGENT
    ])
    expect(md).toContain(
      'status **COMPLETED** (Adobe encrypts with this key, but cannot use it now: see above)'
    )
    expect(md).not.toMatch(/keys are active|key aep-cmk-key is active/i)
  })

  it('calls a blocked address a recoverable key access failure', () => {
    const findings: Finding[] = [
      { id: 'vault.adobe-ip', outcome: 'fail', detail: 'Blocked.', fix: 'Allow it.' },
      { id: 'config.key', outcome: 'pass', detail: 'This key.' }
    ]
    const md = renderSummary(run({ result: 'fail', findings, failedChecks: ['vault.adobe-ip'] }))
    expect(md.split('\n\n')[1]).toBe(
      '⚠️ **Adobe cannot reach this key: `vault.adobe-ip` failed.** Adobe\'s CMK alert reference calls a blocked address a "Key access failure": "This is treated as a recoverable error. Data is not purged under SLA in this case." Allow the address again (the fix is below); Adobe checks key access every 10 minutes.'
    )
    expect(md).not.toContain('🚨')
  })

  it('names every cut-off check, and says so only if CMK may be in force for this key', () => {
    const both: Finding[] = [
      { id: 'key.enabled', outcome: 'fail', detail: 'Disabled.', fix: 'Enable it.' },
      { id: 'app.role', outcome: 'fail', detail: 'No role.', fix: 'Assign it.' }
    ]
    const failing = (findings: Finding[], status: RunResult['status']) =>
      renderSummary(run({ result: 'fail', findings, failedChecks: ['key.enabled'], status }))
    expect(failing(both, 'COMPLETED')).toContain(
      '🚨 **Adobe cannot use this key now: `key.enabled` and `app.role` failed.**'
    )
    expect(failing(both, 'UNKNOWN')).toContain(
      '🚨 **Adobe cannot use this key now: `key.enabled` and `app.role` failed (if CMK is in force for it: its configuration status could not be read).**'
    )
    expect(failing(both, 'NOT_CONFIGURED')).not.toContain('🚨')
    expect(failing(both, 'FAILED')).not.toContain('🚨')
    const elsewhere: Finding[] = [
      ...both,
      { id: 'config.key', outcome: 'fail', detail: 'Another key.', fix: 'Point at it.' }
    ]
    expect(failing(elsewhere, 'COMPLETED')).not.toContain('🚨')
    const refused: Finding[] = [
      { id: 'key.found', outcome: 'fail', detail: 'Refused.', evidence: { kind: 'forbidden' } }
    ]
    expect(failing(refused, 'COMPLETED')).not.toContain('🚨')
    const deleted: Finding[] = [
      { id: 'key.found', outcome: 'fail', detail: 'Gone.', evidence: { kind: 'not-found' } }
    ]
    expect(failing(deleted, 'COMPLETED')).toContain('`key.found` failed.**')
  })
})

describe('renderSummary', () => {
  it('starts with the verdict and the one thing to do next', () => {
    expect(renderSummary(failingSetupRun()).split('\n')[0]).toBe(
      '## ❌ fail (setup): have an administrator grant consent to the CMK app (`app.consented`), then re-run'
    )
    expect(renderSummary(passingCheckRun()).split('\n')[0]).toBe(
      '## ✅ pass (check): customer-managed keys are active; nothing to do'
    )
    expect(renderSummary(run({ mode: 'validate', status: 'NOT_CONFIGURED' })).split('\n')[0]).toBe(
      '## ✅ pass (validate): setup can go ahead'
    )
  })

  it('lists failures, then warnings, before anything else but the consent link', () => {
    const md = renderSummary(failingSetupRun())
    const order = [
      '### ❌ 1 check failed',
      '### ⚠️ 1 check warned',
      '⏭️ 2 checks skipped',
      '**Vault / key:**',
      '<details><summary>✅'
    ]
    const positions = order.map(text => md.indexOf(text))
    expect(positions.every(p => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('renders a fix command as a copyable fenced code block, not as literal backticks', () => {
    const md = renderSummary(roleMissingRun())
    expect(md).toContain(
      '**Fix:** Assign the role: the command below.\n\n```sh\naz role assignment create --role "Key Vault Crypto Service Encryption User"'
    )
    expect(outsideCode(md)).not.toContain('az role assignment create')
  })

  it("folds the Terraform and Bicep forms under the az fix, with the run's names filled in", () => {
    const md = renderSummary(roleMissingRun())
    const order = [
      '**Fix:** Assign the role: the command below.\n\n```sh\naz role assignment create',
      '<details><summary>The same fix in Terraform (azurerm) and Bicep</summary>',
      '**Terraform (`azurerm`):**\n\n```hcl\nresource "azurerm_role_assignment" "cmk" {',
      'role_definition_name = "Key Vault Crypto Service Encryption User"',
      '**Bicep:**\n\n```bicep\n',
      "resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01'",
      '</details>\n\n### ⚠️ 1 check warned'
    ]
    const positions = order.map(text => md.indexOf(text))
    expect(positions.every(p => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    // vault.adobe-ip's forms, with the vault's name from the inputs in place of <vault>.
    expect(md).toContain('name = "kv-aep-cmk-prod"')
    expect(md).toContain("name: 'kv-aep-cmk-prod'")
    expect(md).not.toContain('<vault>')
  })

  it("gives a Managed HSM's own forms, and only the forms it has", () => {
    const md = renderSummary({ ...roleMissingRun(), vaultType: 'managed-hsm' })
    expect(md).toContain('<details><summary>The same fix in Terraform (azurerm)</summary>')
    expect(md).toContain(
      'resource "azurerm_key_vault_managed_hardware_security_module_role_assignment" "cmk"'
    )
    expect(md).toContain('scope              = "/keys/aep-cmk-key"')
    expect(md).not.toContain("resource roleAssignment 'Microsoft.Authorization")
  })

  it('folds nothing for a fix that has no code form', () => {
    const findings: Finding[] = [
      { id: 'config.key', outcome: 'fail', detail: 'Elsewhere.', fix: 'Set `config-name`.' }
    ]
    const md = renderSummary(run({ result: 'fail', findings, failedChecks: ['config.key'] }))
    expect(md).not.toContain('The same fix in')
  })

  it('keeps a fence longer than any backtick run inside a command', () => {
    expect(codeBlock('az keyvault key show --name a```b')).toBe(
      '````sh\naz keyvault key show --name a```b\n````'
    )
    expect(fixMarkdown('Run `az x` then `az y`.')).toBe(
      'Run command 1 below then command 2 below.\n\n```sh\naz x\n```\n\n```sh\naz y\n```'
    )
    expect(fixMarkdown('Set `mode: setup` and see https://example.com/x.')).toBe(
      'Set `mode: setup` and see <https://example.com/x>.'
    )
  })

  it('shows the consent link only while consent is missing', () => {
    expect(renderSummary(failingSetupRun())).toContain('**Admin consent:**')
    expect(renderSummary(roleMissingRun())).not.toContain('**Admin consent:**')
    expect(renderSummary(passingCheckRun())).not.toContain('**Admin consent:**')
  })

  it.each([
    ['javascript:alert(1)', '`javascript:`'],
    ['http://login.microsoftonline.com/t/oauth2/authorize', '`http://login.microsoftonline.com`'],
    ['https://login.example/t/oauth2/authorize', '`login.example`'],
    ['https://login.microsoftonline.com@evil.example/t', '`evil.example`'],
    ['https://login.microsoftonline.com.evil.example/t', '`login.microsoftonline.com.evil.example`']
  ])('does not link a consent URL off Entra’s sign-in host (%s), and says why', (url, host) => {
    const md = renderSummary({
      ...failingSetupRun(),
      consentLink: judgeConsentUrl(url, 'https://login.microsoftonline.com')
    })
    expect(md).not.toContain('[grant consent to the CMK app]')
    expect(md).not.toContain(url)
    expect(md).toContain(
      `**Admin consent:** Adobe's consent URL points at ${host}, not Entra's sign-in host \`login.microsoftonline.com\`, so it is not shown as a link to follow`
    )
    expect(md).toContain('```sh\naz ad sp create --id ')
  })

  it('links a consent URL on the configured authority host (the simulator’s, another cloud’s)', () => {
    const run = failingSetupRun()
    const url = 'https://login.localhost:8443/t/oauth2/authorize?client_id=x'
    expect(
      renderSummary({
        ...run,
        consentLink: judgeConsentUrl(url, 'https://login.microsoftonline.com')
      })
    ).toContain('points at `login.localhost:8443`')
    const md = renderSummary({
      ...run,
      consentLink: judgeConsentUrl(url, 'https://login.localhost:8443')
    })
    expect(md).toContain(`[grant consent to the CMK app](${url})`)
  })

  it('keeps parentheses in a consent URL from ending the link', () => {
    const md = renderSummary({
      ...failingSetupRun(),
      consentLink: { kind: 'entra', url: 'https://login.microsoftonline.com/a)b(c' }
    })
    expect(md).toContain('(https://login.microsoftonline.com/a%29b%28c)')
  })

  it('folds the passes into one details block', () => {
    const md = renderSummary(passingCheckRun())
    expect(md.match(/<details>/g)).toHaveLength(1)
    expect(md.match(/<\/details>/g)).toHaveLength(1)
    expect(md).toContain('<details><summary>✅ 9 checks passed</summary>\n\n| Check | Found |')
  })

  it('stays valid Markdown and HTML whatever a service sends', () => {
    const hostile = '</details><img src=x onerror=alert(1)> | ``` [click](javascript:x) **b**\n# h'
    const findings: Finding[] = [
      { id: 'vault.found', outcome: 'pass', detail: hostile },
      { id: 'config.key', outcome: 'fail', detail: hostile, fix: `${hostile} \`az x\`` }
    ]
    const md = renderSummary(
      run({ result: 'fail', findings, failedChecks: ['config.key'], configName: hostile })
    )
    const text = outsideCode(md)
    expect(text).not.toMatch(/<img|<\/details><img/)
    expect(md.match(/<\/details>/g)).toHaveLength(1)
    expect(text).not.toMatch(/(^|[^\\])\[click\]/)
    expect(text).not.toMatch(/^# h/m)
    const row = md.split('\n').find(l => l.startsWith('| `vault.found`'))!
    expect(row.split(/(?<!\\)\|/)).toHaveLength(4)
  })

  it('escapes service-provided configuration names and statuses', () => {
    const status = '<script>' as RunResult['status']
    const md = renderSummary(run({ configName: '**x**](y)', status }))
    expect(md).toContain('**Configuration:** \\*\\*x\\*\\*\\]\\(y\\), status **&lt;script&gt;**')
  })

  it('marks a warning that fails the run under strict', () => {
    const findings: Finding[] = [
      { id: 'vault.adobe-ip', outcome: 'warn', detail: 'Adobe IP not allowed.', fix: 'Allow it.' }
    ]
    const md = renderSummary(run({ result: 'fail', findings, failedChecks: ['vault.adobe-ip'] }))
    expect(md).toContain('**`vault.adobe-ip`** (fails: strict): Adobe IP not allowed.')
    expect(md.split('\n')[0]).toContain('(`vault.adobe-ip`)')
  })

  it('shows an input error without an empty configuration line', () => {
    const md = renderSummary({
      ...run(),
      result: 'fail',
      status: 'UNKNOWN',
      configName: '',
      findings: [],
      settings: {},
      error: 'key-name: <b>bad</b>'
    })
    expect(md.split('\n')[0]).toBe('## ❌ fail (check): fix the error below, then re-run')
    expect(md).toContain('**Error:** key-name: &lt;b&gt;bad&lt;/b&gt;')
    expect(md).not.toContain('**Configuration:**')
    expect(md).toContain('**Checks:** none ran.')
  })

  it('lists what was written, or says nothing was', () => {
    expect(renderSummary(failingSetupRun())).toContain(
      '**Written:**\n- Registered the CMK app with Adobe'
    )
    expect(renderSummary(passingCheckRun())).toContain('**Written:** nothing.')
  })

  it('reports timings and total duration', () => {
    expect(renderSummary(passingCheckRun())).toContain(
      'total 3100 ms · read 812 ms · setup 2104 ms'
    )
  })
})
