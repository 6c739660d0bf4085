/*
 * End-to-end: the job summary, the JSON report and the report-file output, and that values the
 * services send cannot add markup to the summary or break its table.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CONFIG_PATH,
  CONFIG_SEQUENCES,
  firewalledVault,
  REGISTRATION_PATH,
  type Simulator
} from '../../test/simulator/index.js'
import {
  defaultInputs,
  leakedSecrets,
  runAction,
  type ActionRun,
  resetSimulator
} from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

/** The check ids of the action contract, in contract order. */
const CONTRACT_CHECK_IDS = [
  'azure.sign-in',
  'adobe.sign-in',
  'vault.found',
  'vault.soft-delete',
  'vault.purge-protection',
  'vault.rbac',
  'vault.network',
  'vault.adobe-ip',
  'vault.audit-log',
  'vault.delete-lock',
  'key.found',
  'key.enabled',
  'key.type',
  'key.size',
  'key.operations',
  'key.active',
  'key.expiry',
  'key.rotation',
  'app.registered',
  'app.consented',
  'app.role',
  'config.status',
  'config.key'
]

const CONFIG_NAME = 'cmk-kv-aep-cmk-prod-aep-cmk-key'
const HOSTILE = 'boom <img src=x onerror=alert(1)> | pipe | **bold**\n| injected | row | x | y |'

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: false })

beforeEach(() => resetSimulator(sim, { configStatusSequence: [...CONFIG_SEQUENCES.immediate] }))

function run(
  mode: string,
  inputs: Record<string, string | undefined> = {},
  withReport = false
): Promise<ActionRun> {
  return runAction(sim, { ...defaultInputs(sim), mode, ...inputs }, { withReport })
}

function consentUrl(): string {
  const { tenantId, cmkApp } = sim.state
  return `${sim.urls.authorityHost}/${tenantId}/oauth2/authorize?response_type=code&client_id=${cmkApp.appId}&redirect_uri=https://experience.adobe.com&scope=user.read`
}

/** Cell separators of a table row: pipes that are not backslash-escaped. */
function unescapedPipes(line: string): number {
  return line.split(/(?<!\\)\|/).length - 1
}

/**
 * The passes fold into one details block holding a two-column table, one row per pass; besides
 * it, only fixes' code forms fold.
 */
function expectIntactPasses(summary: string): void {
  const folds =
    (summary.includes('passed</summary>') ? 1 : 0) +
    (summary.match(/<details><summary>The same fix in /g) ?? []).length
  expect(summary.match(/<details>/g) ?? []).toHaveLength(folds)
  expect(summary.match(/<\/details>/g) ?? []).toHaveLength(folds)
  const rows = summary.split('\n').filter(line => line.startsWith('| `'))
  const listed = rows.map(row => /^\| `([a-z.-]+)` \|/.exec(row)?.[1])
  expect(listed).toEqual(CONTRACT_CHECK_IDS.filter(id => listed.includes(id)))
  for (const row of rows) expect(unescapedPipes(row)).toBe(3)
}

function expectNoRawMarkup(summary: string): void {
  expect(summary).not.toContain('<img')
  expect(summary).not.toContain('**bold**')
  expect(summary).not.toMatch(/^\| injected/m)
}

describe('job summary', () => {
  it('starts with the verdict and folds a row per passed check', async () => {
    sim.state.registration = { ...sim.state.registration, status: 'absent' }
    const r = await run('setup')
    expect(r.exitCode).toBe(0)
    expect(r.summary.split('\n')[0]).toBe(
      '## ✅ pass (setup): customer-managed keys are active; nothing to do'
    )
    expectIntactPasses(r.summary)
    for (const id of CONTRACT_CHECK_IDS) {
      expect(r.summary).toMatch(new RegExp(`^\\| \`${id.replace('.', '\\.')}\` \\| `, 'm'))
    }
    expect(r.summary).toContain(`**Configuration:** ${CONFIG_NAME}`)
    expect(r.summary).toContain('status **COMPLETED**')
    // Consent was given: the link is in the outputs, not in front of a person.
    expect(r.summary).not.toContain('**Admin consent:**')
    expect(r.outputs['consent-url']).toBe(consentUrl())
    expect(r.summary).toContain('Registered the CMK app')
    expect(r.summary).toContain(`Submitted configuration ${CONFIG_NAME}`)
  })

  it('puts the failures first and names the skipped ones in one line when the vault is missing', async () => {
    sim.state.vault = null
    const r = await run('check')
    expect(r.exitCode).not.toBe(0)
    expectIntactPasses(r.summary)
    expect(r.summary.split('\n')[0]).toBe(
      '## ❌ fail (check): point the action at the vault (`vault.found`), then re-run'
    )
    expect(r.summary).toContain(
      '### ❌ 2 checks failed\n\n**`vault.found`**: Vault kv-aep-cmk-prod'
    )
    expect(r.summary).toContain('16 checks skipped because vault.found failed')
    expect(r.summary).not.toMatch(/`key\.found`/m)
  })

  it('puts what Adobe does about a disabled key first, and the way through the firewall in its fix', async () => {
    sim.state.vault = firewalledVault()
    expect((await run('setup')).exitCode).toBe(0)
    sim.state.key = { ...sim.state.key!, enabled: false }
    const r = await run('check')
    expect(r.exitCode).not.toBe(0)
    const [verdict, urgency] = r.summary.split('\n\n')
    expect(verdict).toBe('## ❌ fail (check): enable the key (`key.enabled`), then re-run')
    expect(urgency).toMatch(
      /^🚨 \*\*Adobe cannot use this key now: `key\.enabled` failed\.\*\* .*"Key access disabled".*purge all data.*every 10 minutes/
    )
    expect(r.summary).toContain(
      'status **COMPLETED** (Adobe encrypts with this key, but cannot use it now: see above)'
    )
    expect(r.summary).not.toMatch(/keys are active|is active \(/)
    expect(r.summary).toContain('needs the role Key Vault Crypto Officer on the key or vault')
    expect(r.summary).toContain(
      '```sh\naz keyvault network-rule add --name kv-aep-cmk-prod --ip-address <your public IP>'
    )
    expect(r.summary).toContain('<details><summary>The same fix in Terraform (azurerm) and Bicep')
    expectIntactPasses(r.summary)
  })

  it('marks warnings that fail under strict', async () => {
    sim.state.graph403 = true
    const r = await run('validate', { strict: 'true' })
    expect(r.summary).toContain('**`app.consented`** (fails: strict): ')
    expect(r.summary).toContain('**`app.role`** (fails: strict): ')
    expect(r.summary.split('\n')[0]).toContain('(`app.consented`)')
  })
})

describe('JSON report', () => {
  it('holds the run: result, mode, status, every finding, failed checks, settings, timings', async () => {
    sim.state.roleAssignments = []
    const r = await run('validate', {}, true)
    const report = r.report!
    expect(report).toBeDefined()
    expect(report.schemaVersion).toBe(1)
    expect(report.result).toBe('fail')
    expect(report.result).toBe(r.outputs.result)
    expect(report.mode).toBe('validate')
    expect(report.status).toBe('NOT_CONFIGURED')
    expect(report.status).toBe(r.outputs.status)
    expect(report.configName).toBe(CONFIG_NAME)
    const findings = report.findings as Array<{ id: string; outcome: string; fix: unknown }>
    expect(findings.map(f => f.id)).toEqual(CONTRACT_CHECK_IDS)
    expect(findings.find(f => f.id === 'app.role')).toMatchObject({ outcome: 'fail' })
    expect(findings.find(f => f.id === 'app.role')?.fix).toContain('az role assignment create')
    expect(report.failedChecks).toEqual(['app.role'])
    expect(report.failedChecks).toEqual(r.outputs['failed-checks']!.split(','))
    expect(report.keyIdentifier).toBe(r.outputs['key-identifier'])
    expect(report.consentUrl).toBe(consentUrl())
    expect(report.settings).toMatchObject({
      mode: 'validate',
      keyVaultName: 'kv-aep-cmk-prod',
      keyName: 'aep-cmk-key',
      subscriptionId: sim.state.subscriptionId,
      adobeOrgId: sim.state.adobe.orgId,
      azureAuth: 'secret'
    })
    const timings = report.timings as Record<string, number>
    expect(typeof timings.read).toBe('number')
    expect(Date.parse(report.finishedAt as string)).toBeGreaterThanOrEqual(
      Date.parse(report.startedAt as string)
    )
    expect(leakedSecrets(sim, JSON.stringify(report))).toEqual([])
    expect(leakedSecrets(sim, r.summary + JSON.stringify(r.outputs))).toEqual([])
  })

  it('holds no secret after a setup that wrote, nor with a ready Adobe access token', async () => {
    const setup = await run('setup', {}, true)
    expect(setup.report?.actions).toEqual([
      expect.stringContaining(`Submitted configuration ${CONFIG_NAME}`)
    ])
    expect(leakedSecrets(sim, JSON.stringify(setup.report))).toEqual([])

    const withToken = await run(
      'check',
      {
        'adobe-client-id': undefined,
        'adobe-client-secret': undefined,
        'adobe-access-token': sim.state.adobe.accessToken
      },
      true
    )
    expect(withToken.exitCode).toBe(0)
    expect(withToken.report?.settings).toMatchObject({ adobeCredential: expect.any(String) })
    expect(leakedSecrets(sim, JSON.stringify(withToken.report))).toEqual([])
    expect(leakedSecrets(sim, withToken.summary + JSON.stringify(withToken.outputs))).toEqual([])
  })

  it('is written to report-file, creating directories, and the output names that path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-report-'))
    try {
      const path = join(dir, 'nested', 'cmk-report.json')
      const r = await run('validate', { 'report-file': path })
      expect(r.exitCode).toBe(0)
      expect(r.outputs['report-file']).toBe(path)
      expect(existsSync(path)).toBe(true)
      const report = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
      expect(report).toMatchObject({ schemaVersion: 1, result: 'pass', mode: 'validate' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('has no report-file output when none was asked for', async () => {
    const r = await run('validate')
    expect(r.exitCode).toBe(0)
    expect(r.outputs).not.toHaveProperty('report-file')
  })
})

describe('escaping service values in the summary', () => {
  it('escapes a gateway error message from the configuration read', async () => {
    sim.fault({
      service: 'platform',
      method: 'GET',
      path: `${CONFIG_PATH}/${CONFIG_NAME}`,
      action: { status: 400, body: { error_code: '400999', message: HOSTILE } }
    })
    const r = await run('validate')
    // The message did reach the summary, escaped.
    expect(r.summary).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;')
    expect(r.summary).toContain('\\| pipe \\|')
    expect(r.summary).toContain('\\*\\*bold\\*\\*')
    expectNoRawMarkup(r.summary)
    expectIntactPasses(r.summary)
    expect(r.outputs.status).toBe('UNKNOWN')
  })

  it('escapes a service error (title and detail) from the registration read', async () => {
    sim.fault({
      service: 'platform',
      method: 'GET',
      path: REGISTRATION_PATH,
      action: {
        status: 403,
        body: {
          type: 'https://ns.adobe.com/aep/errors/CMK-403-error',
          status: 403,
          title: `Forbidden ${HOSTILE}`,
          detail: `Denied ${HOSTILE}`
        }
      }
    })
    const r = await run('validate')
    expect(r.exitCode).not.toBe(0)
    // A 403 from the CMK service is the credential lacking its permission: adobe.sign-in.
    expect(r.outputs['failed-checks']).toBe('adobe.sign-in')
    expect(r.summary).toMatch(/^\*\*`adobe\.sign-in`\*\*: .*Forbidden boom &lt;img/m)
    expectNoRawMarkup(r.summary)
    expectIntactPasses(r.summary)
  })

  it('escapes a configuration status the service made up', async () => {
    sim.fault({
      service: 'platform',
      method: 'GET',
      path: `${CONFIG_PATH}/${CONFIG_NAME}`,
      action: {
        status: 200,
        body: { name: CONFIG_NAME, status: HOSTILE, configData: { providerType: 'AZURE_KEYVAULT' } }
      }
    })
    const r = await run('check')
    expect(r.exitCode).not.toBe(0)
    expect(r.summary).toContain('not COMPLETED')
    expect(r.summary).toContain('&lt;img')
    expectNoRawMarkup(r.summary)
    expectIntactPasses(r.summary)
  })

  it("escapes Adobe's internal configuration name", async () => {
    const stored = `cmk-<img src=x onerror=alert(1)>|pipe|**bold**`
    const first = await run('setup')
    expect(first.exitCode).toBe(0)
    Object.values(sim.state.configs)[0]!.internalName = stored
    const r = await run('check')
    expect(r.exitCode).toBe(0)
    expect(r.summary).toContain("Adobe's internal name cmk-&lt;img src=x onerror=alert\\(1\\)&gt;")
    expectNoRawMarkup(r.summary)
    expectIntactPasses(r.summary)
  })
})
