import type { AdobeSignIn, Facts, ReadError } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import { describeReadError, readErrorEvidence } from './read-error.js'

const DEVELOPER_CONSOLE = 'https://developer.adobe.com/console'
const PERMISSION = 'Manage Customer Managed Key'

interface Diagnosis {
  cause: string
  fix: string
}

/**
 * adobe.sign-in: IMS issued a token, and Platform's first answer (the registration read) did not
 * refuse it or the organisation. A 401 or 403 from Platform is a sign-in problem, not a missing
 * registration: it is diagnosed here and app.registered is then skipped.
 */
export function adobeSignInFinding(
  signIn: AdobeSignIn,
  registration: Facts['registration']
): Finding {
  if (!signIn.token.ok) {
    const { cause, fix } = diagnoseIms(signIn, signIn.token.error)
    return failed(cause, fix, signIn.token.error)
  }
  if (!registration.ok && refusedByPlatform(registration.error)) {
    const { cause, fix } = diagnosePlatform(signIn, registration.error)
    return failed(cause, fix, registration.error)
  }
  const how =
    signIn.credential === 'client-credentials'
      ? `IMS issued a token for credential ${signIn.clientId ?? ''}`
      : 'A ready access token (adobe-access-token) is used'
  const accepted = registration.ok ? `; Platform accepted it for organisation ${signIn.orgId}` : ''
  return {
    id: 'adobe.sign-in',
    outcome: 'pass',
    detail: `${how}${accepted}.`,
    evidence: { credential: signIn.credential, clientId: signIn.clientId, orgId: signIn.orgId }
  }
}

/** A 401 or 403 from Platform: the token, the organisation or the permission was refused. */
export function refusedByPlatform(error: ReadError): boolean {
  return error.kind === 'forbidden'
}

function failed(cause: string, fix: string, error: ReadError): Finding {
  return {
    id: 'adobe.sign-in',
    outcome: 'fail',
    detail: `${cause}. ${describeReadError(error)}.`,
    fix,
    evidence: readErrorEvidence(error)
  }
}

/**
 * IMS answers OAuth errors {error, error_description}. Its descriptions name the field it
 * refused ("invalid client_id parameter", "invalid client_secret parameter"); where they do not,
 * the fix names both.
 */
function diagnoseIms(signIn: AdobeSignIn, error: ReadError): Diagnosis {
  const message = error.message
  const credential = signIn.clientId ?? '(adobe-client-id)'
  const console = `the Adobe Developer Console (${DEVELOPER_CONSOLE}): your project > OAuth Server-to-Server credential`
  if (/invalid_scope/.test(message)) {
    return {
      cause: `IMS refused the scopes ${signIn.scopes?.join(',') ?? ''} for credential ${credential} (invalid_scope)`,
      fix: `Set adobe-scopes to exactly the scopes listed on the credential in ${console}, comma-separated.`
    }
  }
  if (/invalid_client/.test(message) && /client_secret/.test(message)) {
    return {
      cause: `adobe-client-secret is not a valid client secret of credential ${credential} (invalid_client)`,
      fix: `Copy the client secret from ${console} (Retrieve client secret) into the secret behind adobe-client-secret.`
    }
  }
  if (/invalid_client/.test(message)) {
    return {
      cause: `IMS does not accept adobe-client-id ${credential} with this secret (invalid_client)`,
      fix: `Copy the Client ID and the client secret from ${console} into adobe-client-id and the secret behind adobe-client-secret.`
    }
  }
  return {
    cause: 'Could not get an Adobe IMS token',
    fix: "Re-run the job; if it repeats, check the runner's network and proxy settings for ims-na1.adobelogin.com, and the Adobe credential."
  }
}

/**
 * Platform's gateway refuses with {error_code, message}: 401013 a token that is not valid,
 * 403025 an organisation or a product profile that does not entitle it. Any other 403 comes from the CMK
 * service itself; Adobe documents that these endpoints need the "Manage Customer Managed Key"
 * permission, so that is what a 403 there means.
 */
function diagnosePlatform(signIn: AdobeSignIn, error: ReadError): Diagnosis {
  const message = error.message
  if (/401013/.test(message) || error.status === 401) {
    return signIn.credential === 'access-token'
      ? {
          cause: 'Platform refused adobe-access-token: it is not valid or has expired',
          fix: 'IMS tokens expire after 24 hours: give adobe-client-id and adobe-client-secret instead, so the action asks for a fresh token on every run.'
        }
      : {
          cause: 'Platform refused the token IMS issued',
          fix: `Check that the credential's project in ${DEVELOPER_CONSOLE} includes the Experience Platform API, then re-run.`
        }
  }
  // Adobe's Platform troubleshooting guide: 403025 "Profile is not valid" means the credential is
  // not entitled to Platform for the org in x-gw-ims-org-id: the wrong org, or a project/product
  // profile without the permission. The answer does not say which.
  if (/403025/.test(message)) {
    return {
      cause: `Platform refused organisation ${signIn.orgId} to this credential (403025 "Profile is not valid"): either ${signIn.orgId} is not the organisation the credential belongs to, or the credential's product profile lacks the "${PERMISSION}" permission`,
      fix: `Check both: adobe-org-id must be the Organization ID shown on the credential in ${DEVELOPER_CONSOLE} (it ends in @AdobeOrg); and in Adobe Experience Platform, Permissions > Roles, a role with the "${PERMISSION}" permission must include this API credential (API credentials tab), and the credential's project must have the Experience Platform API with a product profile.`
    }
  }
  return {
    cause: `Platform refused the CMK endpoints to this credential: it lacks the "${PERMISSION}" permission`,
    fix: `In Adobe Experience Platform, Permissions > Roles: add the "${PERMISSION}" permission to a role and add this API credential to that role (API credentials tab); a system administrator can do this.`
  }
}
