import { readFileSync } from 'node:fs'
import { readActionMetadata, type ActionInput } from '../../src/cli/action-metadata.js'
import { parseCliArgs } from '../../src/cli/cli-args.js'
import { renderHelp } from '../../src/cli/help.js'
import { envVarName, inputVarName } from '../../src/host/cli-host.js'
import { formatOutputs } from '../../src/cli/output-format.js'

const metadata = readActionMetadata(readFileSync('action.yml', 'utf8'))
const inputs = metadata.inputs

/** Inputs and outputs of /work/shared/action-contract.md: action.yml may add, never drop. */
const CONTRACT_INPUTS = [
  'mode',
  'key-vault-name',
  'key-name',
  'azure-subscription-id',
  'azure-resource-group',
  'azure-auth',
  'azure-tenant-id',
  'azure-client-id',
  'azure-client-secret',
  'adobe-org-id',
  'adobe-client-id',
  'adobe-client-secret',
  'adobe-access-token',
  'adobe-scopes',
  'adobe-region',
  'config-name',
  'payload-format',
  'cmk-app-object-id',
  'min-key-size',
  'min-key-validity-days',
  'strict',
  'wait-timeout-seconds',
  'poll-interval-seconds',
  'report-file'
]
const CONTRACT_OUTPUTS = [
  'result',
  'status',
  'config-name',
  'key-identifier',
  'application-id',
  'consent-url',
  'failed-checks',
  'report-file'
]

function input(name: string): ActionInput {
  const found = inputs.find(i => i.name === name)
  if (!found) throw new Error(`no input ${name}`)
  return found
}

describe('readActionMetadata on the real action.yml', () => {
  it('finds every input and output of the contract', () => {
    expect(inputs.map(i => i.name)).toEqual(expect.arrayContaining(CONTRACT_INPUTS))
    expect(metadata.outputs.map(o => o.name)).toEqual(expect.arrayContaining(CONTRACT_OUTPUTS))
  })

  it('reads required flags and defaults', () => {
    const required = inputs.filter(i => i.required).map(i => i.name)
    expect(required.sort()).toEqual(
      ['adobe-org-id', 'azure-subscription-id', 'key-name', 'key-vault-name'].sort()
    )
    expect(
      Object.fromEntries(inputs.filter(i => i.default !== '').map(i => [i.name, i.default]))
    ).toEqual({
      mode: 'setup',
      'key-vault-type': 'auto',
      'azure-auth': 'auto',
      'adobe-scopes':
        'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext',
      'adobe-region': 'va7',
      'payload-format': 'current',
      'min-key-size': '3072',
      'min-key-validity-days': '30',
      'require-hsm': 'false',
      remediate: 'none',
      'open-issue': 'false',
      'github-token': '${{ github.token }}',
      strict: 'false',
      'wait-timeout-seconds': '1800',
      'poll-interval-seconds': '10'
    })
  })

  it('unquotes descriptions', () => {
    expect(input('azure-resource-group').description).toMatch(/^The vault's resource group;/)
    expect(input('key-vault-name').description).toContain('no "--")')
    for (const i of inputs) expect(i.description.length).toBeGreaterThan(10)
  })
})

describe('readActionMetadata on other shapes', () => {
  const yaml = (body: string) => `name: x\ninputs:\n${body}\nruns:\n  using: node24\n`

  it('reads quoted, plain and block scalars, and YAML booleans and numbers as the runner does', () => {
    const { inputs: read, outputs } = readActionMetadata(
      yaml(
        [
          '  # a comment',
          '  a:',
          "    description: 'it''s'",
          '    required: true',
          '  b:',
          '    description: |',
          '      say "hi"',
          '    default: 10 # trailing comment',
          '  c:',
          '    description: plain',
          '    default: false'
        ].join('\n')
      )
    )
    expect(read).toEqual([
      { name: 'a', description: "it's", required: true, default: '' },
      { name: 'b', description: 'say "hi"\n', required: false, default: '10' },
      { name: 'c', description: 'plain', required: false, default: 'false' }
    ])
    expect(outputs).toEqual([])
  })

  it.each([
    ['a list of inputs', '  - a'],
    ['an input that is not a map', '  a: text']
  ])('refuses %s rather than guessing', (_what, body) => {
    expect(() => readActionMetadata(yaml(body))).toThrow(/action\.yml inputs/)
  })
})

describe('envVarName and inputVarName', () => {
  it('maps an input to AEP_CMK_<NAME> and to the INPUT_<NAME> @actions/core reads', () => {
    expect(envVarName('key-vault-name')).toBe('AEP_CMK_KEY_VAULT_NAME')
    expect(inputVarName('key-vault-name')).toBe('INPUT_KEY-VAULT-NAME')
  })
})

describe('parseCliArgs', () => {
  const run = (...argv: string[]) => parseCliArgs(argv, inputs)

  it('reads --name value and --name=value, keeping = and spaces inside values', () => {
    expect(
      run('--key-vault-name', 'kv-one', '--config-name=a=b c', '--mode=check', '--key-name', '')
    ).toEqual({
      kind: 'run',
      values: { 'key-vault-name': 'kv-one', 'config-name': 'a=b c', mode: 'check', 'key-name': '' },
      output: 'json',
      summary: false,
      verbose: false
    })
  })

  it('lets the last of a repeated flag win', () => {
    expect(run('--mode', 'check', '--mode', 'validate')).toMatchObject({
      values: { mode: 'validate' }
    })
  })

  it.each([
    [['--strict'], 'true'],
    [['--strict', '--mode', 'check'], 'true'],
    [['--strict', 'false'], 'false'],
    [['--strict=false'], 'false'],
    [['--strict', 'true'], 'true']
  ])('reads boolean input %j as strict=%s', (argv, expected) => {
    expect(run(...argv)).toMatchObject({ kind: 'run', values: { strict: expected } })
  })

  it('reads the CLI flags --output, --summary and --verbose', () => {
    expect(run('--output', 'env', '--summary', '--verbose')).toMatchObject({
      kind: 'run',
      output: 'env',
      summary: true,
      verbose: true
    })
    expect(run('--output=json', '--summary=false')).toMatchObject({
      output: 'json',
      summary: false
    })
  })

  it.each([
    [['--key-vault-nmae', 'kv'], /unknown flag --key-vault-nmae; did you mean --key-vault-name\?/],
    [['--key_vault_name', 'kv'], /unknown flag --key_vault_name; did you mean --key-vault-name\?/],
    [['--colour', 'red'], /^unknown flag --colour$/],
    [['-x'], /^unknown flag -x$/],
    [['check'], /unexpected argument "check": every input is a flag; for the mode, --mode check/],
    [['kv-aep'], /^unexpected argument "kv-aep": every input is a flag, --<input> <value>/],
    [['--key-name'], /--key-name needs a value/],
    [['--key-name', '--mode', 'check'], /--key-name needs a value/],
    [['--output', 'xml'], /--output must be one of json, env/],
    [['--output'], /--output must be one of json, env/],
    [['--summary=yes'], /--summary takes no value/]
  ])('rejects %j', (argv, message) => {
    const command = run(...argv)
    expect(command.kind).toBe('usage-error')
    if (command.kind === 'usage-error') expect(command.message).toMatch(message)
  })

  it('answers --help and --version wherever they appear, even after a bad flag', () => {
    expect(run('--nope', '--help')).toEqual({ kind: 'help' })
    expect(run('-h')).toEqual({ kind: 'help' })
    expect(run('--mode', 'check', '--version')).toEqual({ kind: 'version' })
    expect(run('-V')).toEqual({ kind: 'version' })
  })
})

describe('formatOutputs', () => {
  const outputs = { result: 'fail', 'failed-checks': 'a,b', 'consent-url': 'https://x/?a=1&b=2' }

  it('prints JSON keyed by the output names', () => {
    expect(JSON.parse(formatOutputs(outputs, 'json'))).toEqual(outputs)
  })

  it('prints dotenv lines with underscore names, one line per output', () => {
    expect(formatOutputs({ ...outputs, note: 'two\nlines' }, 'env')).toBe(
      'result=fail\nfailed_checks=a,b\nconsent_url=https://x/?a=1&b=2\nnote=two lines\n'
    )
  })
})

describe('renderHelp', () => {
  const help = renderHelp(metadata, '9.9.9')

  it('lists every input as a flag with its environment variable', () => {
    for (const i of inputs) expect(help).toContain(`--${i.name} `)
    for (const i of inputs) expect(help).toContain(`(${envVarName(i.name)})`)
  })

  it('shows defaults, required inputs, the CLI flags, the version and the exit codes', () => {
    expect(help).toContain('aep-cmk 9.9.9')
    expect(help).toMatch(/--mode <value>[^\n]*\n(.*\n)*?\s+Default: setup\n/)
    expect(help).toMatch(/--key-vault-name <value>[^\n]*\n(.*\n)*?\s+Required\.\n/)
    expect(help).toContain('--strict [true|false]')
    expect(help).toContain('Default: 1800')
    for (const flag of ['--output <json|env>', '--summary', '--verbose', '--help', '--version']) {
      expect(help).toContain(flag)
    }
    expect(help).toMatch(
      /Exit codes: 0 pass; 1 fail .*2 usage error \(an unknown flag or an invalid input value/s
    )
  })

  it('names every required flag on the usage line and says plainly that the default mode writes', () => {
    const usage = help.slice(help.indexOf('Usage:'), help.indexOf('Inputs ('))
    for (const i of inputs.filter(input => input.required)) expect(usage).toContain(`--${i.name} `)
    expect(usage).toContain('--adobe-client-secret')
    expect(usage).toContain('--adobe-access-token')
    expect(usage).toMatch(/Without --mode it runs setup, which WRITES/)
    expect(usage).toContain('--mode validate first')
  })

  it('shows no workflow expression as a default outside GitHub Actions', () => {
    expect(help).not.toContain('${{')
    const token = help.slice(help.indexOf('--github-token '))
    expect(token.split('\n').slice(0, 4).join(' ')).toContain('No default outside GitHub Actions.')
  })

  it('advises environment variables for secrets', () => {
    const secretHelp = help.slice(help.indexOf('--azure-client-secret '))
    expect(secretHelp.split('\n').slice(0, 3).join(' ')).toContain(
      'Prefer the environment variable'
    )
  })
})
