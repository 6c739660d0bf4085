import { parseSettings } from '../../../src/inputs/parse-settings.js'
import { reader, VALID_INPUTS } from './valid-inputs.js'

const OIDC_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/idtoken?x=1',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
}

function parseWith(overrides: Record<string, string | undefined>, env: Record<string, string>) {
  const inputs = { ...VALID_INPUTS }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete inputs[name]
    else inputs[name] = value
  }
  return parseSettings(reader(inputs), env)
}

function parse(overrides: Record<string, string | undefined>, env: Record<string, string> = {}) {
  const parsed = parseWith(overrides, env)
  if (!parsed.ok) throw new Error(`unexpected input problems: ${parsed.message}`)
  return parsed.settings
}

function problemsOf(
  overrides: Record<string, string | undefined>,
  env: Record<string, string> = {}
) {
  const parsed = parseWith(overrides, env)
  if (parsed.ok) throw new Error('expected an input error')
  return parsed.problems
}

describe('parseSettings defaults', () => {
  it('applies the contract defaults', () => {
    const s = parse({ mode: undefined })
    expect(s.mode).toBe('setup')
    expect(s.configName).toBe('cmk-kv-aep-prod-aep-cmk')
    expect(s.payloadFormat).toBe('current')
    expect(s.adobeRegion).toBe('va7')
    expect(s.minKeySize).toBe(3072)
    expect(s.minKeyValidityDays).toBe(30)
    expect(s.strict).toBe(false)
    expect(s.waitTimeoutSeconds).toBe(1800)
    expect(s.pollIntervalSeconds).toBe(10)
    expect(s.endpoints.platform).toBe('https://platform.adobe.io')
    expect(s.endpoints.arm).toBe('https://management.azure.com')
    expect(s.adobe).toEqual({
      kind: 'client-credentials',
      clientId: 'adobe-client',
      clientSecret: 'adobe-secret-value',
      scopes: [
        'openid',
        'session',
        'AdobeID',
        'read_organizations',
        'additional_info.projectedProductContext'
      ]
    })
  })

  it('maps a region code to its Platform host', () => {
    expect(parse({ 'adobe-region': 'nld2' }).endpoints.platform).toBe(
      'https://platform-nld2.adobe.io'
    )
    expect(parse({ 'adobe-region': 'GBR9' }).endpoints.platform).toBe(
      'https://platform-gbr9.adobe.io'
    )
  })

  it('takes endpoint overrides from the environment', () => {
    const s = parse(
      {},
      {
        AEP_CMK_ARM_ENDPOINT: 'https://arm.local:8443/',
        AEP_CMK_PLATFORM_ENDPOINT: 'https://p.local'
      }
    )
    expect(s.endpoints.arm).toBe('https://arm.local:8443')
    expect(s.endpoints.platform).toBe('https://p.local')
  })

  it('accepts a ready Adobe token instead of the client credential', () => {
    const s = parse({
      'adobe-client-id': undefined,
      'adobe-client-secret': undefined,
      'adobe-access-token': 'ready-ims-token'
    })
    expect(s.adobe).toEqual({ kind: 'access-token', accessToken: 'ready-ims-token' })
  })
})

describe('secret inputs', () => {
  it.each([
    ['azure-client-secret', {}],
    ['adobe-client-secret', {}],
    ['adobe-access-token', { 'adobe-client-id': undefined, 'adobe-client-secret': undefined }]
  ])(
    'refuses a %s shorter than 8 characters, which would mask that text in every log line',
    (name, others) => {
      expect(problemsOf({ ...others, [name]: 'x' })).toContain(
        `${name}: is too short to be a secret (at least 8 characters)`
      )
    }
  )
})

describe('a refused mode', () => {
  it('is kept as given for the report', () => {
    expect(parseWith({ mode: 'dry-run' }, {})).toMatchObject({
      ok: false,
      mode: 'setup',
      refusedMode: 'dry-run'
    })
  })
})

describe('azure-auth auto', () => {
  const noSecret = { 'azure-auth': 'auto', 'azure-client-secret': undefined }
  it('picks oidc when client and tenant are set and the job can request an ID token', () => {
    expect(parse(noSecret, OIDC_ENV).azure.auth).toBe('oidc')
  })
  it('picks secret when a client secret is set and no ID token can be requested', () => {
    expect(parse({ 'azure-auth': 'auto' }).azure.auth).toBe('secret')
  })
  it('picks cli otherwise', () => {
    expect(
      parse({ ...noSecret, 'azure-client-id': undefined, 'azure-tenant-id': undefined }).azure.auth
    ).toBe('cli')
    expect(parse(noSecret).azure.auth).toBe('cli')
  })
  it('prefers oidc over a secret, as the contract orders them, and says the secret is ignored', () => {
    const s = parse({ 'azure-auth': 'auto' }, OIDC_ENV)
    expect(s.azure.auth).toBe('oidc')
    expect(s.notices.join()).toMatch(/azure-client-secret: ignored/)
  })
})

describe('bad input names the input and the rule', () => {
  const cases: Array<
    [string, Record<string, string | undefined>, RegExp, Record<string, string>?]
  > = [
    ['mode not in the list', { mode: 'deploy' }, /^mode: must be one of setup, validate, check/],
    [
      'vault name too short',
      { 'key-vault-name': 'kv' },
      /^key-vault-name: must be 3-24 characters/
    ],
    ['vault name starting with a digit', { 'key-vault-name': '1vault' }, /^key-vault-name:/],
    ['vault name ending with a hyphen', { 'key-vault-name': 'vault-' }, /^key-vault-name:/],
    [
      'vault name with --',
      { 'key-vault-name': 'my--vault' },
      /^key-vault-name: must not contain "--"/
    ],
    ['vault name too long', { 'key-vault-name': 'a'.repeat(25) }, /^key-vault-name:/],
    ['vault name missing', { 'key-vault-name': undefined }, /^key-vault-name: is required/],
    ['key name with underscore', { 'key-name': 'my_key' }, /^key-name: must be 1-127 characters/],
    ['key name too long', { 'key-name': 'k'.repeat(128) }, /^key-name:/],
    [
      'subscription not a GUID',
      { 'azure-subscription-id': 'prod-sub' },
      /^azure-subscription-id: must be a GUID/
    ],
    [
      'resource group ending in a period',
      { 'azure-resource-group': 'rg.' },
      /^azure-resource-group: must not end with a period/
    ],
    [
      'resource group with a slash',
      { 'azure-resource-group': 'rg/x' },
      /^azure-resource-group: must be 1-90 characters/
    ],
    [
      'azure-auth not in the list',
      { 'azure-auth': 'password' },
      /^azure-auth: must be one of auto, oidc, cli, secret, managed-identity/
    ],
    ['tenant not a GUID', { 'azure-tenant-id': 'contoso' }, /^azure-tenant-id: must be a GUID/],
    ['client id not a GUID', { 'azure-client-id': 'app' }, /^azure-client-id: must be a GUID/],
    [
      'secret auth without a secret',
      { 'azure-client-secret': undefined },
      /^azure-client-secret: is required when azure-auth is secret/
    ],
    [
      'secret auth without a tenant',
      { 'azure-tenant-id': undefined },
      /^azure-tenant-id: is required when azure-auth is secret/
    ],
    [
      'oidc without an ID token',
      { 'azure-auth': 'oidc', 'azure-client-secret': undefined },
      /^azure-auth: oidc needs a GitHub ID token/
    ],
    [
      'oidc without a client id',
      { 'azure-auth': 'oidc', 'azure-client-secret': undefined, 'azure-client-id': undefined },
      /^azure-client-id: is required when azure-auth is oidc/,
      OIDC_ENV
    ],
    [
      'a secret with cli auth',
      { 'azure-auth': 'cli' },
      /^azure-client-secret: is only used with azure-auth secret/
    ],
    [
      'org id without @AdobeOrg',
      { 'adobe-org-id': 'ABC123' },
      /^adobe-org-id: must be an IMS organization id ending in @AdobeOrg/
    ],
    ['org id missing', { 'adobe-org-id': undefined }, /^adobe-org-id: is required/],
    ['both Adobe credentials', { 'adobe-access-token': 'tok' }, /^adobe-access-token: give either/],
    [
      'no Adobe credential',
      { 'adobe-client-id': undefined, 'adobe-client-secret': undefined },
      /^adobe-client-id: is required \(with adobe-client-secret\)/
    ],
    [
      'Adobe client id without secret',
      { 'adobe-client-secret': undefined },
      /^adobe-client-secret: is required when adobe-client-id is given/
    ],
    [
      'Adobe secret without client id',
      { 'adobe-client-id': undefined },
      /^adobe-client-id: is required when adobe-client-secret is given/
    ],
    [
      'scopes with a space',
      { 'adobe-scopes': 'openid,Adobe ID' },
      /^adobe-scopes: must be a comma-separated list/
    ],
    [
      'region not a code',
      { 'adobe-region': 'platform.adobe.io' },
      /^adobe-region: must be a Platform region code/
    ],
    [
      'config name with a slash',
      { 'config-name': 'a/b' },
      /^config-name: must be 1-255 characters/
    ],
    [
      'payload format not in the list',
      { 'payload-format': 'v2' },
      /^payload-format: must be one of current, legacy/
    ],
    [
      'cmk app object id not a GUID',
      { 'cmk-app-object-id': 'sp' },
      /^cmk-app-object-id: must be a GUID/
    ],
    [
      'min key size not a number',
      { 'min-key-size': 'big' },
      /^min-key-size: must be a whole number from 2048 to 16384/
    ],
    ['min key size too small', { 'min-key-size': '1024' }, /^min-key-size:/],
    [
      'validity days negative',
      { 'min-key-validity-days': '-1' },
      /^min-key-validity-days: must be a whole number from 0 to 3650/
    ],
    ['strict not a boolean', { strict: 'yes' }, /^strict: must be true or false/],
    [
      'wait timeout too long',
      { 'wait-timeout-seconds': '99999' },
      /^wait-timeout-seconds: must be a whole number from 0 to 21600/
    ],
    [
      'poll interval zero',
      { 'poll-interval-seconds': '0' },
      /^poll-interval-seconds: must be a whole number from 1 to 60/
    ],
    ['poll interval fractional', { 'poll-interval-seconds': '1.5' }, /^poll-interval-seconds:/]
  ]
  // A rest parameter keeps the callback's arity at zero, so jest does not treat the
  // optional fourth column as a `done` callback and wait for it.
  it.each(cases)('%s', (...row) => {
    const [, overrides, rule, env] = row
    const problems = problemsOf(overrides, env ?? {})
    expect(problems.some(p => rule.test(p))).toBe(true)
  })

  it('rejects a non-https endpoint override naming the variable', () => {
    expect(problemsOf({}, { AEP_CMK_IMS_ENDPOINT: 'http://ims.local' })).toEqual([
      'AEP_CMK_IMS_ENDPOINT: must be an https URL, got "http://ims.local"'
    ])
  })

  it('keeps the mode and report-file as given when other inputs are invalid', () => {
    const parsed = parseWith({ mode: 'check', 'report-file': 'out/r.json', 'key-name': '' }, {})
    expect(parsed).toMatchObject({ ok: false, mode: 'check', reportFile: 'out/r.json' })
  })

  it('says every problem in one message, one per line', () => {
    const parsed = parseWith({ 'key-name': '', 'adobe-org-id': 'y' }, {})
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).toBe(`2 input problems:\n- ${parsed.problems.join('\n- ')}`)
    const one = parseWith({ 'key-name': '' }, {})
    expect(one.ok ? '' : one.message).toMatch(/^key-name: is required/)
  })

  it('reports every problem at once', () => {
    expect(problemsOf({ mode: 'x', 'key-name': '', 'adobe-org-id': 'y' })).toHaveLength(3)
  })

  it('never echoes a secret in a problem', () => {
    const problems = problemsOf({ 'azure-auth': 'cli', 'adobe-access-token': 'adobe-token-value' })
    expect(problems.join('\n')).not.toMatch(
      /azure-secret-value|adobe-token-value|adobe-secret-value/
    )
  })
})
