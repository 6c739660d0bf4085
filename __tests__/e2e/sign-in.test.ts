import { startSimulator, type Simulator } from '../../test/simulator/index.js'
import { defaultInputs, resetSimulator, runAction, type ActionRun } from './harness.js'

/**
 * Signing in is its own step: each cause a first run hits is one azure.sign-in or adobe.sign-in
 * failure that names the cause and the setting, and the checks that read through that service
 * are skipped instead of failing one by one. The simulator answers as Entra and IMS do.
 */
let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator()
})
afterAll(() => sim.close())
beforeEach(() => resetSimulator(sim))

function annotation(r: ActionRun, id: string): string {
  return r.stdout.split('\n').find(line => line.startsWith(`::error title=${id}::`)) ?? ''
}

function expectOnlyFailure(r: ActionRun, id: string, skippedLine: RegExp): void {
  expect(r.exitCode).toBe(1)
  expect(r.outputs['failed-checks']).toBe(id)
  expect(r.stdout).toMatch(skippedLine)
  expect(r.stdout).not.toMatch(/^::(error|warning) title=(vault|key)\./m)
}

const validate = (overrides: Record<string, string | undefined> = {}) => ({
  ...defaultInputs(sim, 'validate'),
  ...overrides
})

describe('azure.sign-in', () => {
  it('AADSTS700016: a client id Entra does not know', async () => {
    const r = await runAction(
      sim,
      validate({ 'azure-client-id': '00000000-1111-2222-3333-444444444444' })
    )
    expectOnlyFailure(r, 'azure.sign-in', /^18 checks skipped because azure\.sign-in failed$/m)
    expect(annotation(r, 'azure.sign-in')).toContain(
      'Entra has no application with client id 00000000-1111-2222-3333-444444444444'
    )
    expect(sim.requests.filter(q => q.service === 'arm')).toHaveLength(0)
  })

  it('AADSTS7000215 and 7000222: an invalid or an expired secret', async () => {
    const wrong = await runAction(sim, validate({ 'azure-client-secret': 'not-the-secret-value' }))
    expectOnlyFailure(wrong, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    expect(annotation(wrong, 'azure.sign-in')).toContain('(AADSTS7000215)')
    expect(annotation(wrong, 'azure.sign-in')).toContain('az ad app credential reset')

    sim.state.azure.secretExpired = true
    const expired = await runAction(sim, validate())
    expectOnlyFailure(expired, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    expect(annotation(expired, 'azure.sign-in')).toContain('has expired (AADSTS7000222)')
  })

  it('AADSTS7000229: the app has no service principal in the tenant', async () => {
    sim.state.azure.hasServicePrincipal = false
    const r = await runAction(sim, validate())
    expectOnlyFailure(r, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    expect(annotation(r, 'azure.sign-in')).toContain(
      `az ad sp create --id ${sim.state.azure.clientId}`
    )
  })

  it('AADSTS700213: a federated credential for another subject prints the subject presented', async () => {
    sim.state.github.subject = 'repo:octo-org/aep-infra:environment:Production'
    const r = await runAction(
      sim,
      validate({ 'azure-auth': 'oidc', 'azure-client-secret': undefined })
    )
    expectOnlyFailure(r, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    const line = annotation(r, 'azure.sign-in')
    expect(line).toContain(
      'the subject this run presented, repo:octo-org/aep-infra:environment:Production (AADSTS700213'
    )
    expect(line).toContain(
      `"subject":"repo:octo-org/aep-infra:environment:Production","audiences":["api://AzureADTokenExchange"]`
    )
  })

  it('oidc in a job without id-token: write: an azure.sign-in failure naming the permission, with outputs and report', async () => {
    const r = await runAction(
      sim,
      validate({ 'azure-auth': 'oidc', 'azure-client-secret': undefined }),
      {
        withReport: true,
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }
      }
    )
    expectOnlyFailure(r, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    expect(r.outputs.result).toBe('fail')
    expect(r.report?.result).toBe('fail')
    const line = annotation(r, 'azure.sign-in')
    expect(line).toContain('The job could not get a GitHub ID token')
    expect(line).toContain('`permissions: id-token: write`')
    expect(r.stdout).not.toMatch(/^::error::.*needs a GitHub ID token/m)
    expect(sim.requests.filter(q => q.service === 'entra' && q.method === 'POST')).toHaveLength(0)
  })

  it('Entra 429: reported as throttling with the wait Entra asked for, not as a code to look up', async () => {
    sim.fault({
      service: 'entra',
      method: 'POST',
      path: /\/oauth2\/v2\.0\/token$/,
      action: {
        status: 429,
        headers: { 'retry-after': '900' },
        body: {
          error: 'temporarily_unavailable',
          error_description:
            'AADSTS90033: A transient error has occurred. Please try again. Trace ID: sim',
          error_codes: [90033]
        }
      }
    })
    const r = await runAction(sim, validate())
    expectOnlyFailure(r, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    const line = annotation(r, 'azure.sign-in')
    expect(line).toContain(
      'Entra throttled the sign-in (HTTP 429) and asked to wait 900 s (Retry-After)'
    )
    expect(line).not.toContain('Look the code up')
    expect(line).toContain('Re-run the job after')
  })

  it('AADSTS700213 for a repository that presents the immutable-id subject: the fix takes the subject the token carried and says why', async () => {
    sim.state.github.subject = 'repo:octo-org@5544123/aep-infra@821093847:environment:production'
    const r = await runAction(
      sim,
      validate({ 'azure-auth': 'oidc', 'azure-client-secret': undefined })
    )
    expectOnlyFailure(r, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    const line = annotation(r, 'azure.sign-in')
    expect(line).toContain(
      `"subject":"repo:octo-org@5544123/aep-infra@821093847:environment:production"`
    )
    expect(line).toContain('immutable')
  })

  it('a tenant that does not exist', async () => {
    const r = await runAction(
      sim,
      validate({ 'azure-tenant-id': '00000000-1111-2222-3333-555555555555' })
    )
    expectOnlyFailure(r, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    expect(annotation(r, 'azure.sign-in')).toContain('the tenant does not exist')
  })

  it('azure-auth cli without an Azure CLI on the PATH', async () => {
    const r = await runAction(
      sim,
      validate({
        'azure-auth': 'cli',
        'azure-client-id': undefined,
        'azure-client-secret': undefined
      }),
      { env: { PATH: '/nonexistent' } }
    )
    expectOnlyFailure(r, 'azure.sign-in', /skipped because azure\.sign-in failed/)
    expect(annotation(r, 'azure.sign-in')).toContain('the Azure CLI is not installed')
  })

  it('passes, naming who signed in, on a healthy run', async () => {
    const r = await runAction(sim, validate(), { withReport: true })
    expect(r.exitCode).toBe(0)
    const findings = r.report?.findings as Array<{ id: string; outcome: string; detail: string }>
    expect(findings.find(f => f.id === 'azure.sign-in')).toMatchObject({
      outcome: 'pass',
      detail: `Signed in to Azure with azure-auth secret as application ${sim.state.azure.clientId}, object id ${sim.state.azure.objectId} in tenant ${sim.state.tenantId}.`
    })
  })
})

describe('adobe.sign-in', () => {
  it('IMS invalid_client for a wrong secret; the Azure checks still run', async () => {
    const r = await runAction(sim, validate({ 'adobe-client-secret': 'wrong-adobe-secret-1234' }))
    expectOnlyFailure(r, 'adobe.sign-in', /^5 checks skipped because adobe\.sign-in failed$/m)
    expect(annotation(r, 'adobe.sign-in')).toContain(
      'adobe-client-secret is not a valid client secret'
    )
    expect(sim.requests.filter(q => q.service === 'platform')).toHaveLength(0)
    expect(sim.requests.some(q => q.service === 'arm')).toBe(true)
  })

  it('IMS invalid_scope', async () => {
    const r = await runAction(sim, validate({ 'adobe-scopes': 'openid,bogus_scope' }))
    expectOnlyFailure(r, 'adobe.sign-in', /skipped because adobe\.sign-in failed/)
    expect(annotation(r, 'adobe.sign-in')).toContain('Invalid scope(s): bogus_scope')
  })

  it('a Platform 403: the credential lacks the Manage Customer Managed Key permission', async () => {
    sim.state.adobe.manageCmkPermission = false
    const r = await runAction(sim, validate())
    expectOnlyFailure(r, 'adobe.sign-in', /skipped because adobe\.sign-in failed/)
    const line = annotation(r, 'adobe.sign-in')
    expect(line).toContain('lacks the "Manage Customer Managed Key" permission')
    expect(line).toContain('Adobe GET CMK app registration answered 403')
  })

  it('gateway 403025: an org the credential does not belong to', async () => {
    const r = await runAction(
      sim,
      validate({ 'adobe-org-id': 'FFFF0000FFFF0000FFFF0000@AdobeOrg' })
    )
    expectOnlyFailure(r, 'adobe.sign-in', /skipped because adobe\.sign-in failed/)
    expect(annotation(r, 'adobe.sign-in')).toContain(
      'Platform refused organisation FFFF0000FFFF0000FFFF0000@AdobeOrg'
    )
  })

  it('gateway 403025 names both causes: another org, or a product profile without the CMK permission', async () => {
    const r = await runAction(
      sim,
      validate({ 'adobe-org-id': 'FFFF0000FFFF0000FFFF0000@AdobeOrg' })
    )
    const line = annotation(r, 'adobe.sign-in')
    expect(line).toContain('403025')
    expect(line).toMatch(/not the organisation the credential belongs to/)
    expect(line).toMatch(/product profile .*Manage Customer Managed Key/)
  })
})
