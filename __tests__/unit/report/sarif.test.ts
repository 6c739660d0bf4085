import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHECK_IDS, type Finding } from '../../../src/model/finding.js'
import { registerSecret } from '../../../src/safety/secrets.js'
import { skipped } from '../../../src/checks/skipped.js'
import { buildSarif, sarifCategory, writeSarif } from '../../../src/report/sarif.js'
import type { WorkflowLocation } from '../../../src/report/workflow-location.js'
import { githubSarifProblems, sarifSchemaErrors } from '../../sarif-requirements.js'

const KEY = { orgId: 'ABC123@AdobeOrg', vaultName: 'kv-prod', keyName: 'cmk' }
const STEP: WorkflowLocation = {
  uri: '.github/workflows/aep-cmk-compliance.yml',
  startLine: 14,
  startColumn: 9,
  endLine: 14,
  endColumn: 46
}

const FINDINGS: Finding[] = [
  { id: 'vault.found', outcome: 'pass', detail: 'Found.' },
  { id: 'key.enabled', outcome: 'fail', detail: 'The key is disabled', fix: 'Enable it.' },
  { id: 'key.expiry', outcome: 'warn', detail: 'Expires in 12 days.', fix: 'Rotate.' }
]

type Result = {
  ruleId: string
  level: string
  message: { text: string }
  partialFingerprints: Record<string, string>
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: unknown } }>
}

function resultsOf(log: ReturnType<typeof buildSarif>): Result[] {
  return (log.runs[0]?.results ?? []) as unknown as Result[]
}

describe('SARIF for code scanning', () => {
  it("meets GitHub's documented requirements and the SARIF 2.1.0 schema", () => {
    const log = buildSarif(FINDINGS, KEY, STEP, false)
    expect(githubSarifProblems(log)).toEqual([])
    expect(sarifSchemaErrors(log)).toEqual([])
  })

  it('the requirement checks catch what upload-sarif would refuse', () => {
    const log = JSON.parse(JSON.stringify(buildSarif(FINDINGS, KEY, STEP, false)))
    delete log.runs[0].results[0].locations[0].physicalLocation.region.startLine
    delete log.runs[0].tool.driver.rules[3].help
    log.runs[0].results[1].partialFingerprints = {}
    expect(githubSarifProblems(log)).toEqual([
      'runs[0].tool.driver.rules[3].help.text is required',
      'runs[0].results[0].locations[0].physicalLocation.region.startLine is required',
      'runs[0].results[1].partialFingerprints.primaryLocationLineHash is the one code scanning uses'
    ])
    log.version = '2.0.0'
    expect(sarifSchemaErrors(log).length).toBeGreaterThan(0)
  })

  it('has every check as a rule with a severity, and the tool and category of the contract', () => {
    const run = buildSarif([], KEY, STEP, false).runs[0]!
    expect(run.tool.driver.name).toBe('aep-cmk-azure-action')
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/)
    const ruleIds = run.tool.driver.rules?.map(r => r.id) ?? []
    expect(ruleIds.filter(id => !id.endsWith('/warning'))).toEqual([...CHECK_IDS])
    for (const rule of run.tool.driver.rules ?? []) {
      expect(Number(rule.properties?.['security-severity'])).toBeGreaterThan(0)
      expect(rule.help?.text).toBeTruthy()
    }
    expect(run.automationDetails?.id).toBe('aep-cmk/kv-prod/cmk/')
    expect(sarifCategory({ ...KEY, vaultName: 'KV-Prod' })).toBe('aep-cmk/kv-prod/cmk/')
  })

  it('has one result per failed or warned check, at the step, and none for a pass', () => {
    const results = resultsOf(buildSarif(FINDINGS, KEY, STEP, false))
    expect(results.map(r => [r.ruleId, r.level])).toEqual([
      ['key.enabled', 'error'],
      ['key.expiry/warning', 'warning']
    ])
    expect(results[0]!.message.text).toBe('kv-prod/cmk: The key is disabled. Fix: Enable it.')
    expect(results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: STEP.uri },
      region: { startLine: 14, startColumn: 9, endLine: 14, endColumn: 46 }
    })
    const passing: Finding[] = [{ id: 'key.enabled', outcome: 'pass', detail: 'Enabled.' }]
    expect(resultsOf(buildSarif(passing, KEY, STEP, false))).toEqual([])
  })

  it("ranks a warning at most medium, and a failure at its check's own score", () => {
    const severityOf = (findings: Finding[], strict = false) => {
      const run = buildSarif(findings, KEY, STEP, strict).runs[0]!
      return (run.results ?? []).map(result => {
        const rule = run.tool.driver.rules?.[result.ruleIndex ?? -1]
        expect(rule?.id).toBe(result.ruleId)
        return [result.ruleId, result.level, rule?.properties?.['security-severity']]
      })
    }
    const undecided: Finding = { id: 'app.role', outcome: 'warn', detail: 'Cannot tell.', fix: 'f' }
    const missing: Finding = { id: 'app.role', outcome: 'fail', detail: 'No role.', fix: 'f' }
    expect(severityOf([undecided])).toEqual([['app.role/warning', 'warning', '5.0']])
    expect(severityOf([undecided], true)).toEqual([['app.role/warning', 'error', '5.0']])
    expect(severityOf([missing])).toEqual([['app.role', 'error', '9.5']])
    // A check scored medium already keeps its one rule for its warnings.
    const rotation: Finding = {
      id: 'key.rotation',
      outcome: 'warn',
      detail: 'No policy.',
      fix: 'f'
    }
    expect(severityOf([rotation])).toEqual([['key.rotation', 'warning', '5.0']])
    const log = buildSarif([undecided, FINDINGS[1]!], KEY, STEP, false)
    expect(githubSarifProblems(log)).toEqual([])
    expect(sarifSchemaErrors(log)).toEqual([])
    for (const rule of log.runs[0]!.tool.driver.rules ?? [])
      if (rule.id.endsWith('/warning'))
        expect(Number(rule.properties?.['security-severity'])).toBeLessThan(7)
  })

  it('with strict, warnings are errors', () => {
    const results = resultsOf(buildSarif(FINDINGS, KEY, STEP, true))
    expect(results.map(r => r.level)).toEqual(['error', 'error'])
  })

  it('fingerprints depend on org, vault, key and check only', () => {
    const fingerprint = (findings: Finding[], key = KEY, step = STEP) =>
      resultsOf(buildSarif(findings, key, step, false))[0]!.partialFingerprints
    const failing = [FINDINGS[1]!]
    const first = fingerprint(failing)
    expect(first.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/)
    // Another detail, another line, the vault name in other case: the same alert.
    expect(fingerprint([{ ...FINDINGS[1]!, detail: 'Disabled since Monday' }])).toEqual(first)
    expect(fingerprint(failing, KEY, { ...STEP, startLine: 40, endLine: 40 })).toEqual(first)
    expect(fingerprint(failing, { ...KEY, vaultName: 'KV-PROD' })).toEqual(first)
    // Another key, org or check: another alert.
    expect(fingerprint(failing, { ...KEY, keyName: 'cmk2' })).not.toEqual(first)
    expect(fingerprint(failing, { ...KEY, orgId: 'XYZ@AdobeOrg' })).not.toEqual(first)
    expect(fingerprint([{ ...FINDINGS[1]!, id: 'key.active' }])).not.toEqual(first)
  })

  it('writes the file without any known secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sarif-'))
    try {
      const secret = 'sarif-unit-secret-8f2b41c7'
      registerSecret(secret)
      const leaky: Finding[] = [
        { id: 'key.found', outcome: 'fail', detail: `refused token ${secret}`, fix: 'Retry.' }
      ]
      const file = join(dir, 'nested', 'out.sarif')
      await writeSarif(file, buildSarif(leaky, KEY, STEP, false))
      const text = await readFile(file, 'utf8')
      expect(text).not.toContain(secret)
      expect(githubSarifProblems(JSON.parse(text))).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('SARIF when checks were skipped', () => {
  const signInFailed: Finding[] = [
    {
      id: 'azure.sign-in',
      outcome: 'fail',
      detail: 'Entra throttled the token request.',
      fix: 'Re-run.'
    },
    skipped('vault.found', 'azure.sign-in'),
    skipped('key.found', 'azure.sign-in'),
    { id: 'adobe.sign-in', outcome: 'pass', detail: 'Signed in.' }
  ]

  it('leaves the key category out, so the skipped checks keep their alerts, and files the blocking failure under blocked/', () => {
    const log = buildSarif(signInFailed, KEY, STEP, false)
    expect(log.runs.map(run => run.automationDetails?.id)).toEqual([
      `${sarifCategory(KEY)}blocked/`
    ])
    expect(log.runs[0]!.results!.map(r => r.ruleId)).toEqual(['azure.sign-in'])
  })

  it('uploads the blocked category empty once every check is decided, closing what a blocked run opened', () => {
    const log = buildSarif(
      [{ id: 'vault.found', outcome: 'pass', detail: 'Found.' }],
      KEY,
      STEP,
      false
    )
    expect(log.runs.map(run => [run.automationDetails?.id, run.results?.length])).toEqual([
      [sarifCategory(KEY), 0],
      [`${sarifCategory(KEY)}blocked/`, 0]
    ])
  })
})
