import { azureSignInFinding } from '../azure-sign-in-checks.js'
import type { CheckDefinition } from '../check-definition.js'

export const azureSignIn: CheckDefinition<'azure.sign-in'> = {
  id: 'azure.sign-in',
  needs: [],
  evaluation: { over: 'facts', evaluate: facts => azureSignInFinding(facts.azureSignIn) },
  rule: {
    short: 'The action can sign in to Azure',
    full: 'Without an Azure token no vault, key or role can be read, so none of the CMK checks can be judged.',
    help: 'Fix the Azure identity the detail names: client or tenant id, the federated credential subject, the client secret, the Azure CLI login or permissions: id-token: write.',
    securitySeverity: 5.0
  },
  nextStep: 'fix how the action signs in to Azure',
  docs: {
    checks: 'Signing in to Azure with `azure-auth`, before any Azure read.',
    why: "Nothing else can be checked without it. Adobe does not need the action's identity, but you need the checks to see a revocation coming.",
    failsWhen:
      "No Azure token: wrong client or tenant id, a federated credential that does not match this run's subject, an invalid or expired secret, no Azure CLI session, no ID-token permission, no managed identity."
  },
  fix: {
    az: "The detail names the cause from Entra's AADSTS code (and the subject this run presented); the fix names the exact setting, e.g. the `az ad app federated-credential create` command for this run's subject. Every Azure check is skipped until it passes."
  }
}
