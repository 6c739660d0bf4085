import type { AzureSignIn, PresentedIdToken, ReadError } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import { describeReadError, readErrorEvidence } from './read-error.js'

const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange'
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

/** Why signing in failed, in a person's words, and the exact setting that fixes it. */
interface Diagnosis {
  cause: string
  fix: string
}

/** The AADSTS code of an Entra answer, e.g. 700016 for "AADSTS700016: Application ... not found". */
export function aadstsCode(message: string): number | undefined {
  const match = /\bAADSTS(\d+)\b/.exec(message)
  return match ? Number(match[1]) : undefined
}

export function azureSignInFinding(signIn: AzureSignIn): Finding {
  const { session } = signIn
  if (session.ok) {
    const who = [
      session.value.appId && `application ${session.value.appId}`,
      session.value.objectId && `object id ${session.value.objectId}`
    ].filter(Boolean)
    const tenant = session.value.tenantId ?? signIn.tenantId
    return {
      id: 'azure.sign-in',
      outcome: 'pass',
      detail:
        `Signed in to Azure with azure-auth ${signIn.method}` +
        (who.length > 0 ? ` as ${who.join(', ')}` : '') +
        (tenant ? ` in tenant ${tenant}.` : '.'),
      evidence: { method: signIn.method, ...session.value }
    }
  }
  const code = aadstsCode(session.error.message)
  const { cause, fix } = diagnose(signIn, session.error, code)
  return {
    id: 'azure.sign-in',
    outcome: 'fail',
    detail: `${cause}. ${describeReadError(session.error)}.`,
    fix,
    evidence: {
      ...readErrorEvidence(session.error),
      method: signIn.method,
      aadsts: code,
      presented: signIn.presented
    }
  }
}

/**
 * Entra's error codes, as Microsoft documents them (reference-error-codes, workload identity
 * federation troubleshooting) and as they appear in Entra's answers.
 */
function diagnose(signIn: AzureSignIn, error: ReadError, code: number | undefined): Diagnosis {
  const app = signIn.clientId ?? '(azure-client-id)'
  const tenant = signIn.tenantId ?? '(azure-tenant-id)'
  const presented = presentedClaims(signIn.presented, error.message)
  // The Azure clients' answer guard (answer-guard-policy.ts) words a throttled token request so;
  // Entra's own code there (e.g. AADSTS90033, "a transient error") is nothing to look up.
  const throttled =
    /Entra throttled the token request \(HTTP 429\)(?: and asked to wait (\d+) s)?/.exec(
      error.message
    )
  if (throttled) {
    const wait = throttled[1]
    return {
      cause: `Entra throttled the sign-in (HTTP 429)${wait ? ` and asked to wait ${wait} s (Retry-After)` : ''}`,
      fix: `Re-run the job after ${wait ? `${wait} s` : 'a few minutes'}. If many jobs sign in with app ${app} at once (a matrix, several schedules), spread them out, e.g. with \`strategy.max-parallel\` or different schedule times.`
    }
  }
  switch (code) {
    case 700016:
      return {
        cause: `Entra has no application with client id ${app} in tenant ${tenant} (AADSTS700016)`,
        fix: `Set azure-client-id to the app registration's Application (client) ID and azure-tenant-id to the Directory (tenant) ID it is registered in; this lists the apps of the signed-in tenant: \`az ad app list --query "[].{name:displayName, appId:appId}" -o table\``
      }
    case 90002:
      return {
        cause: `Entra has no tenant ${tenant} (AADSTS90002)`,
        fix: 'Set azure-tenant-id to the Directory (tenant) ID of the tenant that holds the vault and the app registration: `az account show --query tenantId -o tsv`'
      }
    case 70021:
    case 700213:
    case 7002138:
      return {
        cause: `No federated credential of app ${app} matches the subject this run presented, ${presented.subject ?? '(unknown)'} (AADSTS${code}; matching is case-sensitive)`,
        fix: federatedCredentialFix(app, presented, 'subject')
      }
    case 700211:
      return {
        cause: `No federated credential of app ${app} has the issuer this run presented, ${presented.issuer ?? '(unknown)'} (AADSTS700211)`,
        fix: federatedCredentialFix(app, presented, 'issuer')
      }
    case 700212:
      return {
        cause: `No federated credential of app ${app} has the audience this run presented, ${presented.audience ?? '(unknown)'} (AADSTS700212)`,
        fix: federatedCredentialFix(app, presented, 'audience')
      }
    case 700024:
      return {
        cause: 'Entra found the GitHub ID token expired or not yet valid (AADSTS700024)',
        fix: "Re-run the job; if it repeats on a self-hosted runner, correct the runner's clock."
      }
    case 7000215:
      return {
        cause: `azure-client-secret is not a valid client secret of app ${app} (AADSTS7000215); a common mistake is the secret's ID instead of its Value`,
        fix: `Store a valid secret Value as the secret behind azure-client-secret, e.g. a new one: \`az ad app credential reset --id ${app} --append --display-name aep-cmk-action --query password -o tsv\`; or set azure-auth: oidc, which needs no secret.`
      }
    case 7000222:
      return {
        cause: `The client secret of app ${app} in azure-client-secret has expired (AADSTS7000222)`,
        fix: `Create a new secret and store its Value as the secret behind azure-client-secret: \`az ad app credential reset --id ${app} --append --display-name aep-cmk-action --query password -o tsv\`; or set azure-auth: oidc, which needs no secret and does not expire.`
      }
    case 7000229:
      return {
        cause: `App ${app} has no service principal (enterprise application) in tenant ${tenant} (AADSTS7000229)`,
        fix: `Create it, then give it the Reader role on the vault: \`az ad sp create --id ${app}\``
      }
    case 53003:
      return {
        cause: 'A Conditional Access policy blocked the sign-in (AADSTS53003)',
        fix: `Ask an Entra administrator to exclude app ${app} from the Conditional Access policy that blocks workload identities, or to allow the runner's network.`
      }
  }
  if (code !== undefined) {
    return {
      cause: `Entra refused the sign-in of app ${app} with AADSTS${code}`,
      fix: `Look the code up at https://login.microsoftonline.com/error?code=${code} and check azure-tenant-id, azure-client-id and azure-auth.`
    }
  }
  return diagnoseWithoutCode(signIn, error)
}

/** Failures before Entra answered: the Azure CLI, the ID token, managed identity, the network. */
function diagnoseWithoutCode(signIn: AzureSignIn, error: ReadError): Diagnosis {
  const message = error.message
  // MSAL could not read the tenant's OpenID metadata: Entra answers AADSTS90002 there for a
  // tenant that does not exist, which MSAL reports without the code.
  if (/endpoints_resolution_error/.test(message)) {
    return {
      cause: `Entra's sign-in endpoint for tenant ${signIn.tenantId ?? '(azure-tenant-id)'} could not be read: the tenant does not exist, or the runner cannot reach Entra (MSAL endpoints_resolution_error)`,
      fix: "Check azure-tenant-id, the Directory (tenant) ID of the tenant that holds the vault and the app registration (`az account show --query tenantId -o tsv`), and the runner's network and proxy settings for login.microsoftonline.com."
    }
  }
  // The wording of azureCliTimeout (src/clients/azure/azure-cli-credential.ts).
  const azTimeout = /az account get-access-token did not finish within ([\d.]+) s/.exec(message)
  if (azTimeout) {
    return {
      cause: `azure-auth is cli, but \`az account get-access-token\` did not finish within ${azTimeout[1]} s, so the action stopped it`,
      fix: 'Check that the runner reaches Entra (login.microsoftonline.com, through the proxy in HTTPS_PROXY if it needs one): run `az account get-access-token --output none` in an earlier step of the job to see whether it hangs there too. On a slow network, raise the bound with the environment variable AEP_CMK_HTTP_TIMEOUT_SECONDS (it is the per-try HTTP timeout, 30 s by default); or set azure-auth: oidc with azure-client-id and azure-tenant-id, which needs no Azure CLI.'
    }
  }
  if (/Azure CLI could not be found/i.test(message)) {
    return {
      cause: 'azure-auth is cli, but the Azure CLI is not installed on this runner',
      fix: 'Set azure-auth: oidc with azure-client-id and azure-tenant-id (no Azure CLI needed), or install the Azure CLI and sign in with azure/login@v2 in an earlier step.'
    }
  }
  if (/az login/i.test(message)) {
    return {
      cause: 'azure-auth is cli, but the Azure CLI is not signed in',
      fix: 'Sign in with azure/login@v2 (client-id, tenant-id, subscription-id) in an earlier step of the same job, or set azure-auth: oidc with azure-client-id and azure-tenant-id.'
    }
  }
  if (/ACTIONS_ID_TOKEN_REQUEST|getIDToken|ID Token/i.test(message)) {
    return {
      cause: 'The job could not get a GitHub ID token for the federated credential',
      fix: 'Give the job `permissions: id-token: write` (and `contents: read`); pull requests from forks never get an ID token, so run this from a branch of the repository.'
    }
  }
  if (/ManagedIdentityCredential|managed identity|IMDS/i.test(message)) {
    return {
      cause: 'azure-auth is managed-identity, but this runner has no managed identity',
      fix: 'Use azure-auth: oidc on GitHub-hosted runners; managed-identity works on self-hosted runners in Azure that have one (set azure-client-id for a user-assigned identity).'
    }
  }
  return {
    cause: `Signing in to Azure with azure-auth ${signIn.method} failed`,
    fix: "Re-run the job; if it repeats, check the runner's network and proxy settings for the Entra endpoint, and azure-tenant-id, azure-client-id and azure-auth."
  }
}

/**
 * What the run presented to Entra: the ID token's claims when the action fetched one, else what
 * Entra quotes ("presented assertion subject '...'", or AADSTS70021's "Assertion Subject: '...'").
 */
function presentedClaims(token: PresentedIdToken | undefined, message: string): PresentedIdToken {
  const quoted = (pattern: RegExp) => pattern.exec(message)?.[1]
  return {
    subject:
      token?.subject ??
      quoted(/assertion subject '([^']+)'/i) ??
      quoted(/Assertion Subject: '([^']+)'/),
    issuer:
      token?.issuer ??
      quoted(/assertion issuer '([^']+)'/i) ??
      quoted(/Assertion Issuer: '([^']+)'/),
    audience:
      token?.audience ??
      quoted(/assertion audience '([^']+)'/i) ??
      quoted(/Assertion Audience: '([^']+)'/)
  }
}

/**
 * GitHub's immutable subject claims (changelog 2026-04-23; Entra's "Migrate GitHub Actions
 * federated credentials to immutable subjects"): owner and repository carry their numeric ids after
 * an `@`, e.g. repo:contoso@5544123/payments-api@821093847:ref:refs/heads/main. The default for
 * repositories created, renamed or transferred since mid-2026, and for those opted in; not on
 * GitHub Enterprise Server.
 */
const IMMUTABLE_SUBJECT = /^repo:[^/:@]+@\d+\/[^/:@]+@\d+:/
const IMMUTABLE_NOTE =
  ". This repository presents GitHub's immutable-id subject (owner and repository ids after @, the default for repositories created, renamed or transferred since mid-2026): a credential made for the name-only subject repo:OWNER/REPO:... does not match it"
const IMMUTABLE_GUESS =
  "a repository created, renamed or transferred since mid-2026 (or opted in to immutable subject claims) presents repo:OWNER@OWNER_ID/REPO@REPO_ID:... instead (the ids are the runner's GITHUB_REPOSITORY_OWNER_ID and GITHUB_REPOSITORY_ID)"

function federatedCredentialFix(
  app: string,
  presented: PresentedIdToken,
  mismatch: 'subject' | 'issuer' | 'audience'
): string {
  const subject = presented.subject ?? 'repo:OWNER/REPO:environment:NAME'
  const issuer = presented.issuer ?? GITHUB_ISSUER
  const parameters = JSON.stringify({
    name: 'github-aep-cmk',
    issuer,
    subject,
    audiences: [TOKEN_EXCHANGE_AUDIENCE]
  })
  const why = {
    subject: presented.subject
      ? `this run's subject ${subject} exactly (the sub claim of its GitHub ID token)${IMMUTABLE_SUBJECT.test(subject) ? IMMUTABLE_NOTE : ''}`
      : `the subject of the job, which this run could not read from its ID token, so it is guessed: repo:OWNER/REPO:environment:NAME for a job with an environment, repo:OWNER/REPO:ref:refs/heads/BRANCH without one; ${IMMUTABLE_GUESS}`,
    issuer: `the issuer ${issuer}`,
    audience: `the audience ${TOKEN_EXCHANGE_AUDIENCE}, which the action asks GitHub for`
  }[mismatch]
  return `Add a federated credential to app ${app} with ${why}: \`az ad app federated-credential create --id ${app} --parameters '${parameters}'\``
}
