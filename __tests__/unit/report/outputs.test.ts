import type { RunResult } from '../../../src/report/run-result.js'
import { writeOutputs } from '../../../src/report/outputs.js'
import { judgeConsentUrl } from '../../../src/facts/consent-url.js'

const PUBLIC_AUTHORITY = 'https://login.microsoftonline.com'

const base: RunResult = {
  mode: 'check',
  result: 'fail',
  status: 'FAILED',
  configName: 'cmk-kv-key',
  vaultType: 'managed-hsm',
  keyIdentifier: 'https://kv.vault.azure.net/keys/key/abc',
  applicationId: 'app-id',
  consentLink: { kind: 'entra', url: 'https://login.microsoftonline.com/t/consent' },
  findings: [],
  failedChecks: ['key.size', 'config.status'],
  actions: [],
  settings: {},
  timings: {},
  startedAt: '2024-01-01T00:00:00Z',
  finishedAt: '2024-01-01T00:00:01Z'
}

function collect(r: RunResult, reportFile?: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  writeOutputs(r, (name, value) => (outputs[name] = value), reportFile)
  return outputs
}

describe('writeOutputs', () => {
  it('sets every contract output', () => {
    expect(collect(base, 'out/report.json')).toEqual({
      result: 'fail',
      status: 'FAILED',
      'config-name': 'cmk-kv-key',
      'vault-type': 'managed-hsm',
      'key-identifier': 'https://kv.vault.azure.net/keys/key/abc',
      'application-id': 'app-id',
      'consent-url': 'https://login.microsoftonline.com/t/consent',
      'failed-checks': 'key.size,config.status',
      'report-file': 'out/report.json'
    })
  })

  it('leaves consent-url empty when the URL is not on the run’s Entra sign-in host', () => {
    for (const consentUrl of [
      'https://evil.example/t/consent',
      'http://login.microsoftonline.com/t/consent',
      'https://login.microsoftonline.com@evil.example/t/consent'
    ])
      expect(
        collect({ ...base, consentLink: judgeConsentUrl(consentUrl, PUBLIC_AUTHORITY) })[
          'consent-url'
        ]
      ).toBe('')
    const url = 'https://login.localhost:8443/t/consent'
    const simulator = judgeConsentUrl(url, 'https://login.localhost:8443')
    expect(collect({ ...base, consentLink: simulator })['consent-url']).toBe(url)
    expect(
      collect({ ...base, consentLink: judgeConsentUrl(url, PUBLIC_AUTHORITY) })['consent-url']
    ).toBe('')
  })

  it('sets empty values for what is unknown and no report-file when none was written', () => {
    const outputs = collect({
      ...base,
      result: 'pass',
      status: 'UNKNOWN',
      vaultType: undefined,
      keyIdentifier: undefined,
      applicationId: undefined,
      consentLink: undefined,
      failedChecks: []
    })
    expect(outputs['failed-checks']).toBe('')
    expect(outputs['key-identifier']).toBe('')
    expect(outputs['vault-type']).toBe('')
    expect(outputs['application-id']).toBe('')
    expect(outputs['consent-url']).toBe('')
    expect(outputs.status).toBe('UNKNOWN')
    expect(outputs).not.toHaveProperty('report-file')
  })
})
