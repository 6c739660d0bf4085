/*
 * `npm run demo` tells the onboarding story a new user lives through: setup stops at consent,
 * then at the role, completes on the third run, and a nightly check catches a disabled key (and
 * warns that the vault's audit logs are kept nowhere, with that fix in its three forms).
 */
import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const run = promisify(execFile)

describe('npm run demo', () => {
  it('shows consent, role, COMPLETED and a nightly check that catches a disabled key', async () => {
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'demo.ts')],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }
    )
    const lines = stdout.trimEnd().split('\n')
    expect(lines.at(-1)).toMatch(/^DEMO OK: /)
    expect(stdout).toContain(
      'run 1 setup: exit 1, result fail, status NOT_CONFIGURED, failed app.consented'
    )
    expect(stdout).toContain(
      'run 2 setup: exit 1, result fail, status NOT_CONFIGURED, failed app.role'
    )
    expect(stdout).toContain('run 3 setup: exit 0, result pass, status COMPLETED, failed none')
    expect(stdout).toContain(
      'run 4 check: exit 1, result fail, status COMPLETED, failed key.enabled'
    )
    expect(stdout).toContain('configuration submissions (simulator counter): 1')
    // Run 1 shows the consent link pointed at the vault's tenant, run 2 the role command.
    expect(stdout).toMatch(/consent-url +https:\/\/login\.localhost:\d+\/[0-9a-f-]{36}\/oauth2\//)
    expect(stdout).toContain('az role assignment create')
    // Run 4 also warns that nobody keeps the audit logs, with its fix in three forms.
    expect(stdout).toMatch(
      /::warning title=vault\.audit-log::Vault kv-aep-cmk-prod has no diagnostic settings/
    )
    expect(stdout).toContain('vault.audit-log: the fix in three forms')
    expect(stdout).toMatch(
      / {2}az: +.*`az monitor diagnostic-settings create --name aep-cmk-audit --resource /
    )
    expect(stdout).toContain(
      '  Terraform (azurerm):\n    resource "azurerm_monitor_diagnostic_setting" "cmk" {'
    )
    expect(stdout).toContain('  Bicep:\n    // vault: your Microsoft.KeyVault/vaults resource')
    expect(stdout).toContain(
      "    resource auditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {"
    )
  }, 120000)

  it('--fleet checks three orgs, one failing, and prints the summary that names it first', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(ROOT, 'scripts', 'demo.ts'),
        '--fleet'
      ],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }
    )
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^DEMO OK: three orgs checked/)
    expect(stdout).toContain('failed-targets  kv-aep-cmk-emea/aep-cmk-key')
    expect(stdout).toContain(
      'md │ ## ❌ fail (summarize): 1 of 3 targets failed; 1 passed with warnings'
    )
    const rows = stdout.split('\n').filter(line => /md │ \| (❌|⚠️|✅) \|/.test(line))
    expect(rows.map(row => row.split(' | ')[3])).toEqual([
      'kv-aep-cmk-emea / aep-cmk-key',
      'kv-aep-cmk-apac / aep-cmk-key',
      'kv-aep-cmk-us / aep-cmk-key'
    ])
  }, 120000)
})
