import { adobeSignInFinding } from '../../../src/checks/adobe-sign-in-checks.js'
import { aadstsCode, azureSignInFinding } from '../../../src/checks/azure-sign-in-checks.js'
import { evaluateChecks } from '../../../src/checks/evaluate.js'
import { failedCheckIds } from '../../../src/checks/finding-list.js'
import type { AzureSignIn, ReadError } from '../../../src/model/facts.js'
import {
  ACTION_CLIENT_ID,
  ADOBE_ORG_ID,
  TENANT_ID,
  adobeSignedIn,
  azureSignedIn,
  healthyContext,
  healthyFacts,
  readError
} from './fixtures.js'

const CALL = 'Entra token request (https://management.azure.com/.default)'

/** An Entra answer as the shared credential reports it (MSAL's first line). */
function entraError(code: number, description: string): ReadError {
  return {
    call: CALL,
    kind: 'error',
    message: `invalid_client: Error(s): ${code} - Timestamp: 2026-01-01 00:00:00Z - Description: AADSTS${code}: ${description}`
  }
}

function failedSignIn(error: ReadError, overrides: Partial<AzureSignIn> = {}) {
  return azureSignInFinding(azureSignedIn({ session: { ok: false, error }, ...overrides }))
}

describe('azure.sign-in', () => {
  it('passes naming the application and tenant it signed in as', () => {
    const finding = azureSignInFinding(azureSignedIn())
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toBe(
      `Signed in to Azure with azure-auth oidc as application ${ACTION_CLIENT_ID} in tenant ${TENANT_ID}.`
    )
  })

  it('reads the AADSTS code', () => {
    expect(aadstsCode('Description: AADSTS7000215: Invalid client secret')).toBe(7000215)
    expect(aadstsCode('no code here')).toBeUndefined()
  })

  it('AADSTS700016: the application is not in the directory; the fix names both ids', () => {
    const f = failedSignIn(
      entraError(700016, `Application with identifier '${ACTION_CLIENT_ID}' was not found`)
    )
    expect(f.outcome).toBe('fail')
    expect(f.detail).toContain(
      `Entra has no application with client id ${ACTION_CLIENT_ID} in tenant ${TENANT_ID} (AADSTS700016)`
    )
    expect(f.detail).toContain(`${CALL} failed: invalid_client`)
    expect(f.fix).toContain('azure-client-id')
    expect(f.fix).toContain('azure-tenant-id')
    expect(f.evidence).toMatchObject({ aadsts: 700016 })
  })

  it('an Entra 429 is throttling with the wait Entra asked for, not a code to look up', () => {
    const f = failedSignIn({
      call: CALL,
      kind: 'error',
      message:
        'temporarily_unavailable: Error(s): 90033 - Timestamp: Not Available - Description: Entra throttled the token request (HTTP 429) and asked to wait 120 s (Retry-After). AADSTS90033: A transient error has occurred.'
    })
    expect(f.detail).toMatch(
      /^Entra throttled the sign-in \(HTTP 429\) and asked to wait 120 s \(Retry-After\)\. /
    )
    expect(f.fix).toMatch(/^Re-run the job after 120 s\./)
    expect(f.fix).not.toContain('Look the code up')
    expect(f.evidence).toMatchObject({ aadsts: 90033 })
  })

  it('names the immutable-id subject when the token carried one, and both forms when it must guess', () => {
    const immutable = 'repo:octo-org@5544123/aep-infra@821093847:environment:production'
    const seen = failedSignIn(entraError(700213, 'No matching federated identity record found'), {
      presented: { subject: immutable }
    })
    expect(seen.fix).toContain(`"subject":"${immutable}"`)
    expect(seen.fix).toContain("GitHub's immutable-id subject")
    const classic = failedSignIn(
      entraError(700213, 'No matching federated identity record found'),
      {
        presented: { subject: 'repo:octo-org/aep-infra:environment:production' }
      }
    )
    expect(classic.fix).not.toContain('immutable')
    const guessed = failedSignIn(
      entraError(700213, 'No matching federated identity record found'),
      {
        presented: undefined
      }
    )
    expect(guessed.fix).toContain('could not read from its ID token')
    expect(guessed.fix).toContain('repo:OWNER@OWNER_ID/REPO@REPO_ID')
  })

  it.each([70021, 700213, 7002138])(
    'AADSTS%i: the federated subject does not match; prints the subject this run presented',
    code => {
      const f = failedSignIn(entraError(code, 'No matching federated identity record found'))
      const subject = 'repo:octo-org/aep-infra:environment:production'
      expect(f.detail).toContain(`the subject this run presented, ${subject}`)
      expect(f.fix).toContain(
        `az ad app federated-credential create --id ${ACTION_CLIENT_ID} --parameters '{"name":"github-aep-cmk","issuer":"https://token.actions.githubusercontent.com","subject":"${subject}","audiences":["api://AzureADTokenExchange"]}'`
      )
    }
  )

  it("takes the subject from Entra's message when no ID token was seen", () => {
    const f = failedSignIn(
      entraError(
        70021,
        "No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:o/r:ref:refs/heads/main'. Assertion Audience: 'api://AzureADTokenExchange'."
      ),
      { presented: undefined }
    )
    expect(f.detail).toContain('repo:o/r:ref:refs/heads/main')
    expect(f.fix).toContain('"subject":"repo:o/r:ref:refs/heads/main"')
  })

  it('AADSTS700211 and 700212: issuer and audience mismatches name what was presented', () => {
    const issuer = failedSignIn(entraError(700211, "presented assertion issuer 'https://x'"), {
      presented: { subject: 'repo:o/r:environment:prod', issuer: 'https://x' }
    })
    expect(issuer.detail).toContain('the issuer this run presented, https://x (AADSTS700211)')
    const audience = failedSignIn(entraError(700212, 'audience'), {
      presented: { subject: 'repo:o/r:environment:prod', audience: 'https://github.com/o' }
    })
    expect(audience.detail).toContain('https://github.com/o (AADSTS700212)')
    expect(audience.fix).toContain('api://AzureADTokenExchange')
  })

  it('AADSTS7000215: an invalid secret; the fix resets it or moves to oidc', () => {
    const f = failedSignIn(entraError(7000215, 'Invalid client secret provided.'), {
      method: 'secret'
    })
    expect(f.detail).toContain('azure-client-secret is not a valid client secret')
    expect(f.detail).toContain("secret's ID instead of its Value")
    expect(f.fix).toContain(`az ad app credential reset --id ${ACTION_CLIENT_ID} --append`)
    expect(f.fix).toContain('azure-auth: oidc')
  })

  it('AADSTS7000222: an expired secret', () => {
    const f = failedSignIn(entraError(7000222, 'The provided client secret keys are expired.'))
    expect(f.detail).toContain('has expired (AADSTS7000222)')
    expect(f.fix).toContain('az ad app credential reset')
  })

  it('AADSTS90002 and an unresolvable authority: the tenant id is wrong', () => {
    const f = failedSignIn(entraError(90002, "Tenant 'x' not found."))
    expect(f.detail).toContain(`Entra has no tenant ${TENANT_ID} (AADSTS90002)`)
    expect(f.fix).toContain('az account show --query tenantId -o tsv')
    const msal = failedSignIn({
      call: CALL,
      kind: 'error',
      message: 'endpoints_resolution_error: See https://aka.ms/msal.js.errors for details'
    })
    expect(msal.detail).toContain('the tenant does not exist, or the runner cannot reach Entra')
  })

  it('AADSTS7000229: the app has no service principal; the fix creates it', () => {
    const f = failedSignIn(
      entraError(7000229, 'The client application is missing service principal')
    )
    expect(f.detail).toContain('has no service principal (enterprise application)')
    expect(f.fix).toContain(`az ad sp create --id ${ACTION_CLIENT_ID}`)
  })

  it('an unknown AADSTS code points at the lookup page', () => {
    const f = failedSignIn(entraError(50058, 'Silent sign-in'))
    expect(f.fix).toContain('https://login.microsoftonline.com/error?code=50058')
  })

  it('the Azure CLI missing or signed out', () => {
    const missing = failedSignIn(
      {
        call: CALL,
        kind: 'error',
        message:
          "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'."
      },
      { method: 'cli' }
    )
    expect(missing.detail).toContain('the Azure CLI is not installed')
    expect(missing.fix).toContain('azure-auth: oidc')
    const signedOut = failedSignIn(
      {
        call: CALL,
        kind: 'error',
        message:
          "Please run 'az login' from a command prompt to authenticate before using this credential."
      },
      { method: 'cli' }
    )
    expect(signedOut.detail).toContain('the Azure CLI is not signed in')
    expect(signedOut.fix).toContain('azure/login@v2')
  })

  it('an az that did not finish within the bound: says so and what to check, not a JSON error', () => {
    const f = failedSignIn(
      {
        call: CALL,
        kind: 'error',
        message: 'az account get-access-token did not finish within 1.5 s and was stopped'
      },
      { method: 'cli' }
    )
    expect(f.outcome).toBe('fail')
    expect(f.detail).toBe(
      'azure-auth is cli, but `az account get-access-token` did not finish within 1.5 s, so the action stopped it. ' +
        `${CALL} failed: az account get-access-token did not finish within 1.5 s and was stopped.`
    )
    expect(f.fix).toContain('login.microsoftonline.com')
    expect(f.fix).toContain('AEP_CMK_HTTP_TIMEOUT_SECONDS')
    expect(f.fix).toContain('azure-auth: oidc')
  })

  it('no ID-token permission', () => {
    const f = failedSignIn({
      call: CALL,
      kind: 'error',
      message: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable'
    })
    expect(f.detail).toContain('could not get a GitHub ID token')
    expect(f.fix).toContain('`permissions: id-token: write`')
  })

  it('managed identity unavailable', () => {
    const f = failedSignIn(
      {
        call: CALL,
        kind: 'error',
        message:
          'ManagedIdentityCredential: Attempted to use the IMDS endpoint, but it is not available.'
      },
      { method: 'managed-identity' }
    )
    expect(f.detail).toContain('this runner has no managed identity')
    expect(f.fix).toContain('azure-auth: oidc')
  })

  it('skips every Azure check, and only those, when it fails', () => {
    const facts = healthyFacts()
    facts.azureSignIn = azureSignedIn({
      session: { ok: false, error: entraError(700016, 'not found') }
    })
    facts.vault = { ok: false, error: readError('error') }
    delete facts.key
    delete facts.roleAssignments
    const findings = evaluateChecks(facts, healthyContext())
    expect(failedCheckIds(findings, true)).toEqual(['azure.sign-in'])
    const skipped = findings.filter(f => f.outcome === 'skipped')
    expect(skipped.map(f => f.id)).toEqual([
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
      'app.consented',
      'app.role',
      'config.key'
    ])
    for (const f of skipped) expect(f).toMatchObject({ blockedBy: 'azure.sign-in' })
    expect(findings.find(f => f.id === 'app.registered')?.outcome).toBe('pass')
  })
})

describe('adobe.sign-in', () => {
  const ims = (message: string, status = 401): ReadError => ({
    call: 'Adobe IMS token request',
    status,
    kind: 'forbidden',
    message
  })
  const registration = { ok: true as const, value: null }

  it('passes naming the credential and the organisation', () => {
    const f = adobeSignInFinding(adobeSignedIn(), registration)
    expect(f.outcome).toBe('pass')
    expect(f.detail).toContain(`Platform accepted it for organisation ${ADOBE_ORG_ID}`)
  })

  it('invalid_client for the secret names adobe-client-secret', () => {
    const f = adobeSignInFinding(
      adobeSignedIn({
        token: { ok: false, error: ims('invalid_client: invalid client_secret parameter') }
      }),
      registration
    )
    expect(f.outcome).toBe('fail')
    expect(f.detail).toContain('adobe-client-secret is not a valid client secret')
    expect(f.detail).toContain('Adobe IMS token request answered 401')
    expect(f.fix).toContain('Retrieve client secret')
  })

  it('invalid_client for the client id names adobe-client-id', () => {
    const f = adobeSignInFinding(
      adobeSignedIn({
        token: { ok: false, error: ims('invalid_client: invalid client_id parameter') }
      }),
      registration
    )
    expect(f.detail).toContain('does not accept adobe-client-id')
    expect(f.fix).toContain('adobe-client-id')
  })

  it('invalid_scope names adobe-scopes', () => {
    const f = adobeSignInFinding(
      adobeSignedIn({
        token: { ok: false, error: ims('invalid_scope: Invalid scope(s): bogus', 400) }
      }),
      registration
    )
    expect(f.detail).toContain('IMS refused the scopes openid,AdobeID')
    expect(f.fix).toContain('Set adobe-scopes to exactly the scopes listed on the credential')
  })

  const platform = (status: number, message: string) => ({
    ok: false as const,
    error: {
      call: 'Adobe GET CMK app registration',
      status,
      kind: 'forbidden' as const,
      message
    }
  })

  it('a Platform 403 from the service means the Manage Customer Managed Key permission is missing', () => {
    const f = adobeSignInFinding(
      adobeSignedIn(),
      platform(403, 'Forbidden: The caller does not have the permission required')
    )
    expect(f.outcome).toBe('fail')
    expect(f.detail).toContain('lacks the "Manage Customer Managed Key" permission')
    expect(f.fix).toContain('Permissions > Roles')
    expect(f.fix).toContain('API credentials')
  })

  it('gateway 403025 names both causes: another organisation, or a profile without the CMK permission', () => {
    const f = adobeSignInFinding(
      adobeSignedIn(),
      platform(403, 'Profile is not valid (error_code 403025)')
    )
    expect(f.detail).toContain(`Platform refused organisation ${ADOBE_ORG_ID}`)
    expect(f.detail).toContain(
      `either ${ADOBE_ORG_ID} is not the organisation the credential belongs to, or the credential's product profile lacks the "Manage Customer Managed Key" permission`
    )
    expect(f.fix).toContain('adobe-org-id')
    expect(f.fix).toContain('Permissions > Roles')
  })

  it('gateway 401013 on a ready token says it expired', () => {
    const f = adobeSignInFinding(
      adobeSignedIn({ credential: 'access-token' }),
      platform(401, 'Oauth token is not valid (error_code 401013)')
    )
    expect(f.detail).toContain('Platform refused adobe-access-token')
    expect(f.fix).toContain('adobe-client-id and adobe-client-secret')
  })

  it('skips the Adobe checks and config.key when it fails', () => {
    const facts = healthyFacts()
    facts.adobeSignIn = adobeSignedIn({
      token: { ok: false, error: ims('invalid_client: invalid client_secret parameter') }
    })
    const findings = evaluateChecks(facts, healthyContext())
    expect(failedCheckIds(findings, false)).toEqual(['adobe.sign-in'])
    expect(
      findings
        .filter(f => f.outcome === 'skipped')
        .map(f => [f.id, f.outcome === 'skipped' && f.blockedBy])
    ).toEqual([
      ['app.registered', 'adobe.sign-in'],
      ['app.consented', 'adobe.sign-in'],
      ['app.role', 'adobe.sign-in'],
      ['config.key', 'adobe.sign-in']
    ])
  })
})

describe('azure.sign-in: the rarer refusals', () => {
  it('AADSTS700024: a token out of its validity window points at the runner clock', () => {
    const f = failedSignIn(
      entraError(700024, 'Client assertion is not within its valid time range.')
    )
    expect(f.detail).toBe(
      `Entra found the GitHub ID token expired or not yet valid (AADSTS700024). ${CALL} failed: invalid_client: Error(s): 700024 - Timestamp: 2026-01-01 00:00:00Z - Description: AADSTS700024: Client assertion is not within its valid time range.`
    )
    expect(f.fix).toBe(
      "Re-run the job; if it repeats on a self-hosted runner, correct the runner's clock."
    )
    expect(f.evidence).toMatchObject({ aadsts: 700024, method: 'oidc' })
  })

  it('AADSTS53003: Conditional Access names the app to exclude', () => {
    const f = failedSignIn(
      entraError(53003, 'Access has been blocked by Conditional Access policies.')
    )
    expect(f.detail).toMatch(/^A Conditional Access policy blocked the sign-in \(AADSTS53003\)\. /)
    expect(f.fix).toBe(
      `Ask an Entra administrator to exclude app ${ACTION_CLIENT_ID} from the Conditional Access policy that blocks workload identities, or to allow the runner's network.`
    )
  })

  it('any other failure names the method and what to check', () => {
    const f = failedSignIn(
      { call: CALL, kind: 'error', message: 'getaddrinfo ENOTFOUND login.microsoftonline.com' },
      { method: 'secret' }
    )
    expect(f.detail).toBe(
      `Signing in to Azure with azure-auth secret failed. ${CALL} failed: getaddrinfo ENOTFOUND login.microsoftonline.com.`
    )
    expect(f.fix).toBe(
      "Re-run the job; if it repeats, check the runner's network and proxy settings for the Entra endpoint, and azure-tenant-id, azure-client-id and azure-auth."
    )
  })

  it('without ids, the causes name the inputs instead', () => {
    const f = failedSignIn(entraError(700016, 'Application not found.'), {
      clientId: undefined,
      tenantId: undefined
    })
    expect(f.detail).toMatch(
      /^Entra has no application with client id \(azure-client-id\) in tenant \(azure-tenant-id\) \(AADSTS700016\)/
    )
  })
})

describe('adobe.sign-in: any other token failure', () => {
  it('points at the network and the credential', () => {
    const finding = adobeSignInFinding(
      adobeSignedIn({
        token: {
          ok: false,
          error: { call: 'Adobe IMS token request', kind: 'error', message: 'socket hang up' }
        }
      }),
      { ok: true, value: null }
    )
    expect(finding).toMatchObject({
      outcome: 'fail',
      fix: "Re-run the job; if it repeats, check the runner's network and proxy settings for ims-na1.adobelogin.com, and the Adobe credential."
    })
    expect(finding.detail).toMatch(/^Could not get an Adobe IMS token/)
  })
})
