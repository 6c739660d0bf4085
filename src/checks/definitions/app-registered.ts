import { appRegisteredFinding } from '../app-checks.js'
import type { CheckDefinition } from '../check-definition.js'

export const appRegistered: CheckDefinition<'app.registered'> = {
  id: 'app.registered',
  needs: ['adobe.sign-in'],
  evaluation: {
    over: 'facts',
    evaluate: (facts, ctx) => appRegisteredFinding(facts.registration, ctx.mode)
  },
  rule: {
    short: 'The Adobe CMK app is registered for the org',
    full: "Adobe's multi-tenant CMK app must be registered before the org can use a customer-managed key.",
    help: 'Run the action with mode: setup; it registers the CMK app.',
    securitySeverity: 7.0
  },
  nextStep: 'register the CMK app with setup',
  docs: {
    checks: 'The CMK app registration (`GET …/byok/app-registration`).',
    why: "Adobe's multi-tenant CMK app is what uses your key; it must be registered for your organisation first.",
    failsWhen:
      'The registration cannot be read or made. In `check`, also when the app is not registered.',
    warnsWhen:
      'The app is not registered yet, in `setup` or `validate`, because `setup` registers it.'
  },
  fix: {
    az: "Refused (401/403): check `adobe-org-id` and the Adobe credential, which needs a token for that organisation and the permission to manage customer-managed keys. Not registered in `check`: run once with `mode: setup`. Other errors: re-run, then check `adobe-region` and Adobe Experience Platform's status."
  }
}
