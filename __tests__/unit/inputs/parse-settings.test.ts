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
  if (parsed.settings.mode === 'summarize') throw new Error('expected settings for one vault')
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

describe('azure-auth oidc in a job that cannot request an ID token', () => {
  it('is not bad input: signing in fails later, as azure.sign-in, with outputs and report', () => {
    expect(parse({ 'azure-auth': 'oidc', 'azure-client-secret': undefined }).azure).toEqual({
      auth: 'oidc',
      tenantId: expect.any(String),
      clientId: expect.any(String)
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
      /^wait-timeout-seconds: must be a whole number from 0 to 21300/
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

describe('remediate', () => {
  it.each([
    ['', []],
    ['none', []],
    [' None ', []],
    ['all', ['service-principal', 'role', 'adobe-ip']],
    ['Role, adobe-ip', ['role', 'adobe-ip']],
    ['service-principal,', ['service-principal']]
  ])('"%s" lets setup make %j', (raw, repairs) => {
    expect([...parse({ remediate: raw }).remediate]).toEqual(repairs)
  })

  it('refuses "all" beside a list', () => {
    expect(problemsOf({ remediate: 'all,role' })).toEqual([
      'remediate: "all" already names every repair; got "all,role"'
    ])
  })

  it('refuses a repair it does not know, naming the ones it does', () => {
    expect(problemsOf({ remediate: 'role,firewall' })).toEqual([
      'remediate: must be none, all, or a comma-separated list of service-principal, role, adobe-ip; got "role,firewall"'
    ])
  })

  it.each(['check', 'validate'])('is ignored in mode %s, with a notice', mode => {
    const s = parse({ mode, remediate: 'role,adobe-ip' })
    expect(s.remediate.size).toBe(0)
    expect(s.notices).toEqual([
      `remediate: ignored in mode ${mode}, which never writes; only setup repairs (role, adobe-ip)`
    ])
  })

  it('gives no notice in setup or when nothing is asked for', () => {
    expect(parse({ remediate: 'all' }).notices).toEqual([])
    expect(parse({ mode: 'check' }).notices).toEqual([])
  })
})

describe('open-issue', () => {
  it('is off by default', () => {
    expect(parse({}).trackingIssue).toBeUndefined()
  })

  it('carries the github-token when on', () => {
    expect(
      parse({ 'open-issue': 'true', 'github-token': 'ghs_0123456789abcdef' }).trackingIssue
    ).toEqual({ githubToken: 'ghs_0123456789abcdef' })
  })

  it('needs a github-token', () => {
    expect(problemsOf({ 'open-issue': 'true' })).toEqual([
      'github-token: is required when open-issue is true (the default is ${{ github.token }}; the job needs permissions: issues: write)'
    ])
  })

  it('does not need a github-token when off', () => {
    expect(parse({ 'open-issue': 'false' }).trackingIssue).toBeUndefined()
  })
})

describe('config-name', () => {
  it('is taken as given', () => {
    expect(parse({ 'config-name': 'My CMK config' }).configName).toBe('My CMK config')
  })

  it.each(['.', '..'])('refuses "%s", which a URL path would not keep as a name', name => {
    expect(problemsOf({ 'config-name': name })).toEqual([
      `config-name: must not be "." or ".." (or anything else a URL path would not keep as one segment); got "${name}"`
    ])
  })

  it('allows 255 characters, not 256', () => {
    expect(parse({ 'config-name': 'c'.repeat(255) }).configName).toHaveLength(255)
    expect(problemsOf({ 'config-name': 'c'.repeat(256) })[0]).toMatch(
      /^config-name: must be 1-255 characters without \/ \? # % \\ or control characters; got "c+"$/
    )
  })

  it('allows dots inside a name', () => {
    expect(parse({ 'config-name': 'a..b' }).configName).toBe('a..b')
  })
})

describe('values taken as given or normalised', () => {
  it('lower-cases ids and values compared case-insensitively', () => {
    const s = parse({
      'azure-subscription-id': 'ABCDEF01-2222-3333-4444-555555555555',
      'azure-tenant-id': '72F988BF-86F1-41AF-91AB-2D7CD011DB47',
      'azure-client-id': 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE',
      'cmk-app-object-id': 'C4F2A9E1-7B3D-4E6A-8F5C-2D9B1A0E7F64',
      'key-vault-type': 'Managed-HSM',
      'payload-format': 'LEGACY',
      mode: 'Check'
    })
    expect(s).toMatchObject({
      mode: 'check',
      subscriptionId: 'abcdef01-2222-3333-4444-555555555555',
      cmkAppObjectId: 'c4f2a9e1-7b3d-4e6a-8f5c-2d9b1a0e7f64',
      keyVaultType: 'managed-hsm',
      payloadFormat: 'legacy',
      azure: {
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
      }
    })
  })

  it('leaves the optional values unset when not given', () => {
    const s = parse({})
    expect(s).toMatchObject({ keyVaultType: 'auto', requireHsm: false })
    expect(s.resourceGroup).toBeUndefined()
    expect(s.cmkAppObjectId).toBeUndefined()
    expect(s.sarifFile).toBeUndefined()
    expect(s.reportFile).toBeUndefined()
  })

  it('takes the optional values given', () => {
    const s = parse({
      'azure-resource-group': 'rg-(prod).é_1',
      'sarif-file': 'out/cmk.sarif',
      'report-file': 'out/cmk.json',
      'require-hsm': 'TRUE',
      strict: 'True',
      'min-key-size': '2048',
      'min-key-validity-days': '0',
      'wait-timeout-seconds': '0',
      'poll-interval-seconds': '60'
    })
    expect(s).toMatchObject({
      resourceGroup: 'rg-(prod).é_1',
      sarifFile: 'out/cmk.sarif',
      reportFile: 'out/cmk.json',
      requireHsm: true,
      strict: true,
      minKeySize: 2048,
      minKeyValidityDays: 0,
      waitTimeoutSeconds: 0,
      pollIntervalSeconds: 60
    })
  })

  it.each([
    ['min-key-size', '16384', 16384, 'minKeySize'],
    ['min-key-validity-days', '3650', 3650, 'minKeyValidityDays'],
    ['wait-timeout-seconds', '21300', 21300, 'waitTimeoutSeconds'],
    ['poll-interval-seconds', '1', 1, 'pollIntervalSeconds']
  ])('accepts %s at its bound %s', (name, raw, value, field) => {
    expect(parse({ [name]: raw })).toHaveProperty(field, value)
  })

  it.each([
    ['min-key-size', '16385'],
    ['min-key-size', '2047'],
    ['min-key-validity-days', '3651'],
    ['poll-interval-seconds', '61'],
    ['wait-timeout-seconds', '-0']
  ])('refuses %s %s', (name, raw) => {
    expect(problemsOf({ [name]: raw })).toEqual([
      expect.stringMatching(
        new RegExp(`^${name}: must be a whole number from \\d+ to \\d+( \\(.*\\))?; got "${raw}"$`)
      )
    ])
  })

  it.each([
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['true', true]
  ])('reads strict %s as %s', (raw, value) => {
    expect(parse({ strict: raw }).strict).toBe(value)
  })

  it('accepts the shortest and longest vault names', () => {
    expect(parse({ 'key-vault-name': 'kv1' }).keyVaultName).toBe('kv1')
    expect(parse({ 'key-vault-name': `k${'v'.repeat(22)}1` }).keyVaultName).toHaveLength(24)
  })

  it('allows a resource group of 90 characters, not 91', () => {
    expect(parse({ 'azure-resource-group': 'r'.repeat(90) }).resourceGroup).toHaveLength(90)
    expect(problemsOf({ 'azure-resource-group': 'r'.repeat(91) })).toHaveLength(1)
  })

  it('takes custom Adobe scopes, trimmed, and refuses an empty list', () => {
    const s = parse({ 'adobe-scopes': 'openid, AdobeID,' })
    expect(s.adobe).toMatchObject({ scopes: ['openid', 'AdobeID'] })
    expect(problemsOf({ 'adobe-scopes': ' , ' })).toEqual([
      'adobe-scopes: must be a comma-separated list of scope names (letters, digits, _ . : / -)'
    ])
  })
})

describe('the Azure identity carries exactly what its method needs', () => {
  const noSecret = { 'azure-client-secret': undefined }
  it('secret', () => {
    expect(parse({}).azure).toEqual({
      auth: 'secret',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      clientSecret: 'azure-secret-value'
    })
  })
  it('oidc', () => {
    expect(parse({ ...noSecret, 'azure-auth': 'oidc' }, OIDC_ENV).azure).toEqual({
      auth: 'oidc',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
    })
  })
  it('cli, with or without a tenant', () => {
    expect(parse({ ...noSecret, 'azure-auth': 'cli' }).azure).toEqual({
      auth: 'cli',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47'
    })
    expect(parse({ ...noSecret, 'azure-auth': 'cli', 'azure-tenant-id': undefined }).azure).toEqual(
      { auth: 'cli', tenantId: undefined }
    )
  })
  it('managed-identity, with or without a client id', () => {
    expect(parse({ ...noSecret, 'azure-auth': 'managed-identity' }).azure).toEqual({
      auth: 'managed-identity',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
    })
    expect(
      parse({
        ...noSecret,
        'azure-auth': 'managed-identity',
        'azure-client-id': undefined,
        'azure-tenant-id': undefined
      }).azure
    ).toEqual({ auth: 'managed-identity', tenantId: undefined, clientId: undefined })
  })

  it('auto does not pick oidc without a client id, or without a tenant', () => {
    expect(
      parse({ 'azure-auth': 'auto', 'azure-client-id': undefined, ...noSecret }, OIDC_ENV).azure
        .auth
    ).toBe('cli')
    expect(
      parse({ 'azure-auth': 'auto', 'azure-tenant-id': undefined, ...noSecret }, OIDC_ENV).azure
        .auth
    ).toBe('cli')
  })

  it('auto needs both ID-token variables for oidc', () => {
    for (const env of [
      { ACTIONS_ID_TOKEN_REQUEST_URL: OIDC_ENV.ACTIONS_ID_TOKEN_REQUEST_URL },
      { ACTIONS_ID_TOKEN_REQUEST_TOKEN: OIDC_ENV.ACTIONS_ID_TOKEN_REQUEST_TOKEN }
    ])
      expect(parse({ 'azure-auth': 'auto', ...noSecret }, env).azure.auth).toBe('cli')
  })

  it('an explicit oidc with a secret is a problem, not a notice', () => {
    expect(problemsOf({ 'azure-auth': 'oidc' }, OIDC_ENV)).toEqual([
      'azure-client-secret: is only used with azure-auth secret, but azure-auth is oidc; remove one of them'
    ])
  })

  it('names each id the method needs', () => {
    expect(problemsOf({ 'azure-client-id': undefined })).toEqual([
      'azure-client-id: is required when azure-auth is secret'
    ])
    expect(
      problemsOf({ ...noSecret, 'azure-auth': 'oidc', 'azure-tenant-id': undefined }, OIDC_ENV)
    ).toEqual(['azure-tenant-id: is required when azure-auth is oidc'])
  })

  it('with oidc, no secret, and the ID token available, has no notice', () => {
    expect(parse({ ...noSecret, 'azure-auth': 'auto' }, OIDC_ENV).notices).toEqual([])
  })
})

describe('a problem never quotes a secret', () => {
  it('hides a secret pasted into another input, the longest secret first', () => {
    const problems = problemsOf({
      'azure-client-secret': 'abcdefgh',
      'adobe-client-secret': 'abcdefgh12',
      'azure-client-id': 'abcdefgh12'
    })
    expect(problems).toEqual(['azure-client-id: must be a GUID; got "***"'])
  })

  it('hides a secret of 6 or 7 characters too, while refusing it as too short', () => {
    const problems = problemsOf({ 'azure-client-secret': 'sixchr', 'azure-client-id': 'sixchr' })
    expect(problems).toEqual([
      'azure-client-id: must be a GUID; got "***"',
      'azure-client-secret: is too short to be a secret (at least 8 characters)'
    ])
  })

  it('quotes other values as given', () => {
    expect(problemsOf({ 'azure-client-id': 'app' })).toEqual([
      'azure-client-id: must be a GUID; got "app"'
    ])
  })
})

describe('a refused run keeps what the report needs', () => {
  it('no refused mode when the mode was valid, whatever its case', () => {
    expect(parseWith({ mode: 'CHECK', 'key-name': '' }, {})).toMatchObject({
      ok: false,
      mode: 'check',
      refusedMode: undefined
    })
    expect(parseWith({ mode: undefined, 'key-name': '' }, {})).toMatchObject({
      ok: false,
      mode: 'setup',
      refusedMode: undefined
    })
  })
})
