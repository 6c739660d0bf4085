import { adobeSignInFinding } from '../adobe-sign-in-checks.js'
import type { CheckDefinition } from '../check-definition.js'

export const adobeSignIn: CheckDefinition<'adobe.sign-in'> = {
  id: 'adobe.sign-in',
  needs: [],
  evaluation: {
    over: 'facts',
    evaluate: facts => adobeSignInFinding(facts.adobeSignIn, facts.registration)
  },
  rule: {
    short: 'The action can sign in to Adobe Experience Platform',
    full: 'Without an Adobe token accepted for the org the CMK app registration and configuration cannot be read.',
    help: 'Check the OAuth Server-to-Server credential (client id, secret, scopes), adobe-org-id, and that the product profile grants Manage Customer Managed Key.',
    securitySeverity: 5.0
  },
  nextStep: 'fix the Adobe credential',
  docs: {
    checks: "The Adobe IMS token and Platform's first answer.",
    why: 'Every Adobe call (registration, configuration, status) is made with this credential; Adobe lets only a credential with the Manage Customer Managed Key permission enable CMK.',
    failsWhen:
      'IMS refuses the credential or its scopes, or Platform refuses the token, the org or the CMK endpoints (a role without the Manage Customer Managed Key permission).'
  },
  fix: {
    az: 'Copy the client id, secret and scopes from the Developer Console credential; set `adobe-org-id` to its organisation; add the credential to an Experience Platform role with the Manage Customer Managed Key permission. Adobe checks are skipped until it passes.'
  }
}
