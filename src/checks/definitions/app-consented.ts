import { appConsentedFinding } from '../app-checks.js'
import type { CheckDefinition } from '../check-definition.js'

const CREATE_SERVICE_PRINCIPAL =
  'the Microsoft Graph application permission Application.ReadWrite.All (with admin consent) or the Entra role Cloud Application Administrator'

export const appConsented: CheckDefinition<'app.consented'> = {
  id: 'app.consented',
  needs: ['azure.sign-in', 'adobe.sign-in'],
  evaluation: { over: 'facts', evaluate: appConsentedFinding },
  rule: {
    short: 'The Adobe CMK app has a service principal in the tenant',
    full: 'The CMK app reaches the key through its service principal in the vault tenant, which consent creates.',
    help: 'Open the consent URL as a tenant administrator (or let setup create it with remediate: service-principal).',
    securitySeverity: 9.1
  },
  nextStep: 'have an administrator grant consent to the CMK app',
  docs: {
    checks:
      'Whether the CMK app has a service principal in the tenant (Microsoft Graph `servicePrincipals(appId=…)`, skipped when `cmk-app-object-id` is set).',
    why: 'Until an administrator consents, the CMK app has no service principal in your tenant and cannot be given a role.',
    failsWhen: 'There is no service principal: nobody has consented yet.',
    warnsWhen: 'The look-up was refused or failed, or the app is not registered yet.'
  },
  adobeAlert: 'key-access-disabled',
  fix: {
    az: "No service principal: an administrator of the vault's tenant opens the consent URL (the `consent-url` output), accepts, and re-runs. Refused: grant the action's identity the Graph application permission `Application.Read.All` (or `Directory.Read.All`) with admin consent, or set `cmk-app-object-id`."
  },
  repair: {
    item: 'service-principal',
    permission: { vault: CREATE_SERVICE_PRINCIPAL, 'managed-hsm': CREATE_SERVICE_PRINCIPAL }
  }
}
