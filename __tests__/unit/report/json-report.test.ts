import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildJsonReport, writeJsonReport } from '../../../src/report/json-report.js'
import type { RunResult } from '../../../src/report/run-result.js'

const full: RunResult = {
  mode: 'setup',
  result: 'pass',
  status: 'COMPLETED',
  configName: 'cmk-kv-key',
  keyIdentifier: 'https://kv.vault.azure.net/keys/key/abc',
  applicationId: 'app-id',
  consentLink: { kind: 'entra', url: 'https://login.microsoftonline.com/t/consent' },
  findings: [
    { id: 'vault.found', outcome: 'pass', detail: 'Found.', evidence: { vaultId: '/subs/x' } },
    { id: 'key.expiry', outcome: 'warn', detail: 'Expires soon.', fix: 'Rotate.' }
  ],
  failedChecks: [],
  actions: ['Submitted configuration cmk-kv-key'],
  settings: { keyVaultName: 'kv' },
  facts: { vault: { name: 'kv' } },
  timings: { facts: 12 },
  startedAt: '2024-01-01T00:00:00Z',
  finishedAt: '2024-01-01T00:00:01Z'
}

const minimal: RunResult = {
  mode: 'validate',
  result: 'fail',
  status: 'UNKNOWN',
  configName: 'cmk-kv-key',
  findings: [],
  failedChecks: [],
  error: 'Input key-vault-name is required.',
  actions: [],
  settings: {},
  timings: {},
  startedAt: '2024-01-01T00:00:00Z',
  finishedAt: '2024-01-01T00:00:00Z'
}

const KEYS = [
  'schemaVersion',
  'result',
  'mode',
  'status',
  'statusAsSent',
  'configName',
  'adobeConfigName',
  'keyIdentifier',
  'applicationId',
  'consentUrl',
  'failedChecks',
  'findings',
  'actions',
  'repairs',
  'settings',
  'facts',
  'timings',
  'startedAt',
  'finishedAt',
  'runUrl',
  'error'
]

describe('buildJsonReport', () => {
  it('has the documented shape', () => {
    const report = buildJsonReport(full)
    expect(Object.keys(report)).toEqual(KEYS)
    expect(report).toMatchObject({
      schemaVersion: 1,
      result: 'pass',
      keyIdentifier: 'https://kv.vault.azure.net/keys/key/abc',
      facts: { vault: { name: 'kv' } },
      error: null
    })
    expect(report.findings).toEqual([
      {
        id: 'vault.found',
        outcome: 'pass',
        detail: 'Found.',
        fix: null,
        evidence: { vaultId: '/subs/x' },
        blockedBy: null
      },
      {
        id: 'key.expiry',
        outcome: 'warn',
        detail: 'Expires soon.',
        fix: 'Rotate.',
        evidence: null,
        blockedBy: null
      }
    ])
  })

  it('keeps every key, as null, when values are absent', () => {
    const parsed = JSON.parse(JSON.stringify(buildJsonReport(minimal)))
    expect(Object.keys(parsed)).toEqual(KEYS)
    expect(parsed).toMatchObject({
      keyIdentifier: null,
      applicationId: null,
      consentUrl: null,
      facts: null,
      error: 'Input key-vault-name is required.'
    })
  })

  it('says null for a configuration name bad input never decided, and the refused mode as given', () => {
    const report = buildJsonReport({
      ...minimal,
      configName: '',
      mode: 'setup',
      refusedMode: 'dry-run'
    })
    expect(report.configName).toBeNull()
    expect(report.mode).toBe('dry-run')
  })
})

describe("a skipped finding's blocker", () => {
  it('is named, so that a fleet SARIF files the blocking failure as the run itself did', () => {
    const report = buildJsonReport({
      ...full,
      findings: [
        { id: 'vault.found', outcome: 'fail', detail: 'No vault.', fix: 'Create it.' },
        { id: 'key.found', outcome: 'skipped', detail: 'Not read.', blockedBy: 'vault.found' }
      ]
    })
    expect(report.findings.map(f => f.blockedBy)).toEqual([null, 'vault.found'])
  })
})

describe("the report's run link", () => {
  it('names the run that wrote it, so that a fleet summary can link each target to its run', () => {
    const url = 'https://github.com/octo-org/aep-infra/actions/runs/8123456789'
    expect(buildJsonReport(full, url).runUrl).toBe(url)
    expect(buildJsonReport(full).runUrl).toBeNull()
  })
})

describe('writeJsonReport', () => {
  it('creates missing parent directories and writes parseable JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-'))
    try {
      const path = join(dir, 'nested', 'deeper', 'report.json')
      await writeJsonReport(path, full)
      const parsed = JSON.parse(await readFile(path, 'utf8'))
      expect(parsed).toEqual(JSON.parse(JSON.stringify(buildJsonReport(full))))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
