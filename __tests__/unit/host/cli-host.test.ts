import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliHost } from '../../../src/host/cli-host.js'
import { registerSecret } from '../../../src/safety/secrets.js'

function host(flags: Record<string, string>, env: Record<string, string | undefined> = {}) {
  const lines: string[] = []
  const made = cliHost({ flags, env, verbose: false, writeLine: line => lines.push(line) })
  return { ...made, lines }
}

describe('the command line host', () => {
  it('reads flags, then AEP_CMK_<NAME> (empty counts as unset), then INPUT_<NAME>', () => {
    const { host: h } = host(
      { mode: 'validate', strict: '' },
      {
        AEP_CMK_KEY_NAME: ' from-env ',
        AEP_CMK_MODE: 'check',
        AEP_CMK_CONFIG_NAME: '',
        'INPUT_CONFIG-NAME': 'from-input',
        AEP_CMK_STRICT: 'true'
      }
    )
    expect(h.input('mode')).toBe('validate')
    expect(h.input('strict')).toBe('')
    expect(h.input('key-name')).toBe('from-env')
    expect(h.input('config-name')).toBe('from-input')
    expect(h.input('report-file')).toBe('')
  })

  it('outside GitHub Actions: plain lines, debug only when verbose, no mask lines', () => {
    registerSecret('cli-host-s3cret')
    const { host: h, lines, record } = host({})
    h.annotate('error', 'No configuration.\nFix: run setup', 'config.status')
    h.warning('careful')
    h.debug('GET x -> 200')
    h.setOutput('result', 'fail')
    h.fail('CMK check: failed checks: config.status')
    expect(lines).toEqual([
      'error: config.status: No configuration.\nFix: run setup',
      'warning: careful'
    ])
    expect(record).toMatchObject({
      outputs: { result: 'fail' },
      failure: 'CMK check: failed checks: config.status'
    })
  })

  it('under GitHub Actions: masks and annotations as workflow commands, outputs appended to GITHUB_OUTPUT', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-host-'))
    try {
      const output = join(dir, 'output')
      writeFileSync(output, 'earlier=1\n')
      const { host: h, lines } = host({}, { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output })
      registerSecret('cli-host-actions-s3cret')
      h.annotate('warning', 'a, b: 100%', 'vault.network')
      h.setOutput('status', 'COMPLETED')
      expect(lines).toContain('::add-mask::cli-host-actions-s3cret')
      expect(lines).toContain('::warning title=vault.network::a, b: 100%25')
      expect(readFileSync(output, 'utf8')).toMatch(
        /^earlier=1\nstatus<<(ghadelimiter_[0-9a-f-]+)\nCOMPLETED\n\1\n$/
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says why it cannot write an output, naming GITHUB_OUTPUT', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-host-'))
    try {
      const { host: h } = host({}, { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: dir })
      expect(() => h.setOutput('result', 'pass')).toThrow(
        `could not write the outputs to GITHUB_OUTPUT (${dir}): `
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses an ID token outside a GitHub Actions job, naming the permission', async () => {
    const { host: h } = host({})
    await expect(h.idToken('api://AzureADTokenExchange')).rejects.toThrow(
      'permissions: id-token: write'
    )
  })
})
