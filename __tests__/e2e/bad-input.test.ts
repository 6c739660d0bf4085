import type { Simulator } from '../../test/simulator/index.js'
import { defaultInputs, runAction, type ActionRun } from './harness.js'
import { simulatorPerFile } from '../../test/simulator-per-file.js'

/**
 * Every input rule of the contract, end to end: the bundled action fails at once with an
 * `::error` that names the input and the rule, writes result=fail and status=UNKNOWN, and
 * sends no request to any service.
 */

let sim: Simulator
simulatorPerFile(started => (sim = started), { resetEachTest: false })

/** [case, input overrides (undefined removes one), the rule's message, extra env] */
type Case = [string, Record<string, string | undefined>, RegExp, Record<string, string>?]

const OIDC = { 'azure-auth': 'oidc', 'azure-client-secret': undefined }

const CASES: Case[] = [
  // secrets too short to be real (masking one would blank that text in every log line)
  [
    'a one-character client secret',
    { 'azure-client-secret': 'x' },
    /azure-client-secret: is too short to be a secret \(at least 8 characters\)/
  ],
  // names
  ['vault name missing', { 'key-vault-name': undefined }, /key-vault-name: is required/],
  ['vault name too short', { 'key-vault-name': 'kv' }, /key-vault-name: must be 3-24 characters/],
  ['vault name too long', { 'key-vault-name': 'k'.repeat(25) }, /key-vault-name: must be 3-24/],
  ['vault name starting with a digit', { 'key-vault-name': '1vault' }, /key-vault-name: must be/],
  ['vault name ending with a hyphen', { 'key-vault-name': 'vault-' }, /key-vault-name: must be/],
  ['vault name with an underscore', { 'key-vault-name': 'kv_prod' }, /key-vault-name: must be/],
  ['vault name with --', { 'key-vault-name': 'kv--prod' }, /key-vault-name: must not contain "--"/],
  ['key name missing', { 'key-name': undefined }, /key-name: is required/],
  ['key name with an underscore', { 'key-name': 'my_key' }, /key-name: must be 1-127 characters/],
  ['key name too long', { 'key-name': 'k'.repeat(128) }, /key-name: must be 1-127 characters/],
  [
    'resource group ending with a period',
    { 'azure-resource-group': 'rg.' },
    /azure-resource-group: must not end with a period/
  ],
  [
    'resource group with a slash',
    { 'azure-resource-group': 'rg/x' },
    /azure-resource-group: must be 1-90 characters/
  ],
  ['config name with a slash', { 'config-name': 'a/b' }, /config-name: must be 1-255 characters/],
  ['config name with a #', { 'config-name': 'cmk#1' }, /config-name: must be 1-255 characters/],
  ['scopes with a space', { 'adobe-scopes': 'openid,Adobe ID' }, /adobe-scopes: must be a comma/],
  // GUIDs
  [
    'subscription missing',
    { 'azure-subscription-id': undefined },
    /azure-subscription-id: is required/
  ],
  [
    'subscription not a GUID',
    { 'azure-subscription-id': 'prod' },
    /azure-subscription-id: must be a GUID/
  ],
  ['tenant not a GUID', { 'azure-tenant-id': 'contoso.com' }, /azure-tenant-id: must be a GUID/],
  ['client id not a GUID', { 'azure-client-id': 'my-app' }, /azure-client-id: must be a GUID/],
  [
    'CMK app object id not a GUID',
    { 'cmk-app-object-id': 'sp' },
    /cmk-app-object-id: must be a GUID/
  ],
  // org id
  ['org id missing', { 'adobe-org-id': undefined }, /adobe-org-id: is required/],
  [
    'org id without @AdobeOrg',
    { 'adobe-org-id': 'ABC123' },
    /adobe-org-id: must be an IMS organization id ending in @AdobeOrg/
  ],
  [
    'org id with a wrong suffix',
    { 'adobe-org-id': 'ABC123@adobe.com' },
    /adobe-org-id: must be an IMS/
  ],
  // numbers and ranges
  [
    'min key size not a number',
    { 'min-key-size': 'big' },
    /min-key-size: must be a whole number from 2048 to 16384/
  ],
  [
    'min key size too small',
    { 'min-key-size': '1024' },
    /min-key-size: must be a whole number from 2048/
  ],
  ['min key size too big', { 'min-key-size': '32768' }, /min-key-size: must be a whole number/],
  [
    'validity days negative',
    { 'min-key-validity-days': '-1' },
    /min-key-validity-days: must be a whole number from 0 to 3650/
  ],
  [
    'validity days too many',
    { 'min-key-validity-days': '3651' },
    /min-key-validity-days: must be a whole number/
  ],
  [
    'wait timeout too long',
    { 'wait-timeout-seconds': '21301' },
    /wait-timeout-seconds: must be a whole number from 0 to 21300 \(the run may take it plus 300 s, inside GitHub's 6-hour job limit\)/
  ],
  [
    'wait timeout with a unit',
    { 'wait-timeout-seconds': '30m' },
    /wait-timeout-seconds: must be a whole number/
  ],
  [
    'poll interval zero',
    { 'poll-interval-seconds': '0' },
    /poll-interval-seconds: must be a whole number from 1 to 60/
  ],
  [
    'poll interval too long',
    { 'poll-interval-seconds': '61' },
    /poll-interval-seconds: must be a whole number/
  ],
  [
    'poll interval fractional',
    { 'poll-interval-seconds': '1.5' },
    /poll-interval-seconds: must be a whole number/
  ],
  // enumerations and booleans
  [
    'mode not in the list',
    { mode: 'deploy' },
    /mode: must be one of setup, validate, check, summarize; got "deploy"/
  ],
  [
    'azure-auth not in the list',
    { 'azure-auth': 'password' },
    /azure-auth: must be one of auto, oidc, cli, secret, managed-identity/
  ],
  [
    'payload format not in the list',
    { 'payload-format': 'v2' },
    /payload-format: must be one of current, legacy/
  ],
  [
    'region not a code',
    { 'adobe-region': 'platform.adobe.io' },
    /adobe-region: must be a Platform region code/
  ],
  ['strict not a boolean', { strict: 'yes' }, /strict: must be true or false/],
  // the Adobe credential
  [
    'both Adobe credentials',
    { 'adobe-access-token': 'a-ready-token-value' },
    /adobe-access-token: give either adobe-access-token or adobe-client-id with adobe-client-secret, not both/
  ],
  [
    'no Adobe credential',
    { 'adobe-client-id': undefined, 'adobe-client-secret': undefined },
    /adobe-client-id: is required \(with adobe-client-secret\), unless adobe-access-token is given/
  ],
  [
    'Adobe client id without its secret',
    { 'adobe-client-secret': undefined },
    /adobe-client-secret: is required when adobe-client-id is given/
  ],
  [
    'Adobe client secret without its id',
    { 'adobe-client-id': undefined },
    /adobe-client-id: is required when adobe-client-secret is given/
  ],
  // what each azure-auth needs
  [
    'secret auth without a secret',
    { 'azure-client-secret': undefined },
    /azure-client-secret: is required when azure-auth is secret/
  ],
  [
    'secret auth without a tenant',
    { 'azure-tenant-id': undefined },
    /azure-tenant-id: is required when azure-auth is secret/
  ],
  [
    'secret auth without a client id',
    { 'azure-client-id': undefined },
    /azure-client-id: is required when azure-auth is secret/
  ],
  [
    'oidc without a client id',
    { ...OIDC, 'azure-client-id': undefined },
    /azure-client-id: is required when azure-auth is oidc/
  ],
  [
    'oidc without a tenant',
    { ...OIDC, 'azure-tenant-id': undefined },
    /azure-tenant-id: is required when azure-auth is oidc/
  ],
  [
    'a client secret with cli auth',
    { 'azure-auth': 'cli' },
    /azure-client-secret: is only used with azure-auth secret, but azure-auth is cli/
  ],
  [
    'a client secret with managed-identity auth',
    { 'azure-auth': 'managed-identity' },
    /azure-client-secret: is only used with azure-auth secret, but azure-auth is managed-identity/
  ],
  // endpoint overrides from the environment
  [
    'an endpoint override that is not https',
    {},
    /AEP_CMK_IMS_ENDPOINT: must be an https URL, got "http:\/\/ims\.localhost"/,
    { AEP_CMK_IMS_ENDPOINT: 'http://ims.localhost' }
  ]
]

async function runWith(
  overrides: Record<string, string | undefined>,
  env?: Record<string, string>
): Promise<ActionRun> {
  return runAction(sim, { ...defaultInputs(sim), ...overrides }, env ? { env } : {})
}

/** The `::error::` lines, with the runner's %0A escapes turned back into line breaks. */
function errorLines(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter(line => line.startsWith('::error'))
    .map(line => line.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'))
}

function expectRejectedBeforeAnyRequest(run: ActionRun, rule: RegExp): void {
  expect(run.exitCode).not.toBe(0)
  const errors = errorLines(run)
  expect(errors.some(line => rule.test(line))).toBe(true)
  expect(run.outputs.result).toBe('fail')
  expect(run.outputs.status).toBe('UNKNOWN')
  expect(run.summary).toMatch(/❌ fail/)
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m)
  expect(sim.requests.map(r => `${r.method} ${r.host}${r.path}`)).toEqual([])
}

describe('bad input fails before any request, naming the input and the rule', () => {
  it('the default inputs are valid (the table below changes one thing at a time)', async () => {
    sim.clearRequests()
    const run = await runWith({ mode: 'validate' })
    expect(run.exitCode).toBe(0)
    expect(sim.requests.length).toBeGreaterThan(0)
    sim.clearRequests()
  })

  // Concurrent in small batches (jest's maxConcurrency); all share one simulator, which must
  // see no request at all, so a request from any case fails the case that checks after it.
  it.concurrent.each(CASES)(
    '%s',
    async (...row) => {
      const [, overrides, rule, env] = row
      const run = await runWith(overrides, env)
      expectRejectedBeforeAnyRequest(run, rule)
    },
    60_000
  )

  it('reports every problem at once, one line each', async () => {
    const run = await runWith({ mode: 'x', 'key-name': '', 'adobe-org-id': 'y', strict: 'maybe' })
    expectRejectedBeforeAnyRequest(run, /4 input problems:/)
    const message = errorLines(run).join('\n')
    for (const name of ['mode', 'key-name', 'adobe-org-id', 'strict'])
      expect(message).toMatch(new RegExp(`^- ${name}: `, 'm'))
  })

  it('writes a report that names the refused mode as given and no configuration name', async () => {
    const run = await runAction(
      sim,
      { ...defaultInputs(sim), mode: 'dry-run' },
      { withReport: true }
    )
    expectRejectedBeforeAnyRequest(
      run,
      /mode: must be one of setup, validate, check, summarize; got "dry-run"/
    )
    expect(run.report).toMatchObject({ mode: 'dry-run', configName: null, status: 'UNKNOWN' })
    expect(run.summary).not.toContain('**Configuration:**')
  })

  it('rejects bad input in validate and check modes too', async () => {
    for (const mode of ['validate', 'check']) {
      const run = await runWith({ mode, 'azure-subscription-id': 'not-a-guid' })
      expectRejectedBeforeAnyRequest(run, /azure-subscription-id: must be a GUID/)
    }
  })
})
