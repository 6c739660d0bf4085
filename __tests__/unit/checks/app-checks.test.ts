import {
  appConsentedFinding,
  appRegisteredFinding,
  appRoleFinding
} from '../../../src/checks/app-checks.js'
import type { Facts } from '../../../src/model/facts.js'
import {
  APP_ID,
  SP_OBJECT_ID,
  TENANT_ID,
  VAULT_ID,
  healthyFacts,
  readError,
  roleAssignment,
  unreadableAssignment
} from './fixtures.js'
import { judgeConsentUrl } from '../../../src/facts/consent-url.js'

function unregistered(): Facts {
  const facts = healthyFacts()
  facts.registration = { ok: true, value: null }
  delete facts.servicePrincipal
  delete facts.roleAssignments
  return facts
}

describe('app.registered', () => {
  it('passes when an application id is present', () => {
    const finding = appRegisteredFinding(healthyFacts().registration, 'check')
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain(APP_ID)
  })

  it.each(['setup', 'validate'] as const)('warns in %s when not registered yet', mode => {
    const finding = appRegisteredFinding({ ok: true, value: null }, mode)
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toBe('The CMK app is not registered yet; setup registers it.')
  })

  it('treats a registration without applicationId as not registered', () => {
    expect(appRegisteredFinding({ ok: true, value: { name: 'x' } }, 'validate').outcome).toBe(
      'warn'
    )
  })

  it('fails in check when not registered', () => {
    const finding = appRegisteredFinding({ ok: true, value: null }, 'check')
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).toContain('mode: setup')
  })

  it('fails when the registration read failed, quoting the error', () => {
    const error = readError('forbidden', {
      call: 'Adobe GET app-registration',
      status: 401,
      message: 'Oauth token is not valid'
    })
    const finding = appRegisteredFinding({ ok: false, error }, 'setup')
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain(
      'Adobe GET app-registration answered 401: Oauth token is not valid'
    )
  })
})

describe('app.consented', () => {
  it('passes when the service principal exists, naming its object id', () => {
    const finding = appConsentedFinding(healthyFacts(), { mode: 'setup' })
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toBe(
      `The CMK app has a service principal in the tenant with object id ${SP_OBJECT_ID}.`
    )
    expect(finding.evidence).toMatchObject({ source: 'graph' })
  })

  it('fails without a service principal, with the consent URL in the fix', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: true, value: null }
    const consentUrl = `https://login.microsoftonline.com/${TENANT_ID}/oauth2/authorize?client_id=${APP_ID}`
    const finding = appConsentedFinding(facts, {
      mode: 'check',
      consentLink: judgeConsentUrl(consentUrl, 'https://login.microsoftonline.com')
    })
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain(TENANT_ID)
    expect(finding.fix).toBe(
      `An administrator of the vault's tenant must open ${consentUrl} and accept, then re-run the job.`
    )
    expect(finding.evidence).toEqual({ applicationId: APP_ID, consentUrl })
  })

  it('fails without a service principal before Adobe published the consent URL, saying to re-run setup for it', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: true, value: null }
    const finding = appConsentedFinding(facts, { mode: 'check' })
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).toBe(
      "Adobe has not published the CMK app's consent URL yet: re-run setup in a few minutes to get it (output consent-url); an administrator of the vault's tenant must then open it and accept, and re-run the job."
    )
    expect(finding.evidence).toEqual({ applicationId: APP_ID })
  })

  it('fails without a service principal, naming a consent URL off Entra’s sign-in host without it', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: true, value: null }
    const consentUrl = `https://login.microsoftonline.evil.example/${TENANT_ID}/oauth2/authorize`
    const finding = appConsentedFinding(facts, {
      mode: 'check',
      consentLink: judgeConsentUrl(consentUrl, 'https://login.microsoftonline.com')
    })
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).not.toContain(consentUrl)
    expect(finding.fix).toBe(
      "Adobe's consent URL points at `login.microsoftonline.evil.example`, not Entra's sign-in host `login.microsoftonline.com`, so it is not shown as a link to follow: only Entra's sign-in page may ask for consent. " +
        `An administrator of the vault's tenant can create the CMK app's service principal instead with \`az ad sp create --id ${APP_ID}\` (or input remediate: service-principal), then re-run the job.`
    )
    expect(finding.evidence).toEqual({
      applicationId: APP_ID,
      consentUrlHost: 'login.microsoftonline.evil.example'
    })
  })

  it('warns that it cannot be decided until the app is registered', () => {
    const finding = appConsentedFinding(unregistered(), { mode: 'validate' })
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('cannot be decided until the CMK app is registered')
  })

  it('is skipped when the registration read failed', () => {
    const facts = unregistered()
    facts.registration = { ok: false, error: readError('error') }
    expect(appConsentedFinding(facts, { mode: 'setup' })).toMatchObject({
      outcome: 'skipped',
      blockedBy: 'app.registered',
      detail: 'skipped: app.registered failed'
    })
  })

  it('warns naming the Graph permission when the look-up is forbidden', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = {
      ok: false,
      error: readError('forbidden', { message: 'Authorization_RequestDenied' })
    }
    const finding = appConsentedFinding(facts, { mode: 'setup' })
    expect(finding.outcome).toBe('warn')
    expect(finding.fix).toContain('Application.Read.All')
    expect(finding.fix).toContain('cmk-app-object-id')
  })

  it('warns with the error on other look-up failures', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: false, error: readError('error') }
    const finding = appConsentedFinding(facts, { mode: 'setup' })
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('service said error')
  })

  it('passes with an object id from cmk-app-object-id, saying it was not looked up', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: true, value: { objectId: SP_OBJECT_ID, source: 'input' } }
    const finding = appConsentedFinding(facts, { mode: 'check' })
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toBe(
      `The CMK app's service principal object id ${SP_OBJECT_ID} is taken from input cmk-app-object-id; it was not looked up in the directory.`
    )
    expect(finding.detail).not.toContain('has a service principal in the tenant')
    expect(finding.evidence).toEqual({ objectId: SP_OBJECT_ID, source: 'input' })
  })
})

describe('app.role', () => {
  it('passes with Key Vault Crypto Service Encryption User at the vault', () => {
    const finding = appRoleFinding(healthyFacts(), { mode: 'check' })
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('Key Vault Crypto Service Encryption User')
  })

  it('passes with Key Vault Administrator at the subscription', () => {
    const facts = healthyFacts()
    facts.roleAssignments = {
      ok: true,
      value: [
        roleAssignment(
          [
            {
              actions: [],
              notActions: [],
              dataActions: ['Microsoft.KeyVault/vaults/*'],
              notDataActions: []
            }
          ],
          { roleName: 'Key Vault Administrator', scope: '/subscriptions/x' }
        )
      ]
    }
    expect(appRoleFinding(facts, { mode: 'check' }).outcome).toBe('pass')
  })

  it('fails with only Key Vault Reader, giving the exact command', () => {
    const facts = healthyFacts()
    facts.roleAssignments = {
      ok: true,
      value: [
        roleAssignment(
          [
            {
              actions: [],
              notActions: [],
              dataActions: ['Microsoft.KeyVault/vaults/*/read'],
              notDataActions: []
            }
          ],
          { roleName: 'Key Vault Reader' }
        )
      ]
    }
    const finding = appRoleFinding(facts, { mode: 'check' })
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('Key Vault Reader')
    expect(finding.detail).toContain('Microsoft.KeyVault/vaults/keys/wrap/action')
    expect(finding.fix).toBe(
      `Assign the role: \`az role assignment create --role "Key Vault Crypto Service Encryption User" --assignee-object-id ${SP_OBJECT_ID} --assignee-principal-type ServicePrincipal --scope ${VAULT_ID}\`.`
    )
  })

  it('fails with no assignments at all', () => {
    const facts = healthyFacts()
    facts.roleAssignments = { ok: true, value: [] }
    const finding = appRoleFinding(facts, { mode: 'setup' })
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('holds no role')
  })

  it('uses the object id from cmk-app-object-id in the fix', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: true, value: { objectId: 'given-object-id', source: 'input' } }
    facts.roleAssignments = { ok: true, value: [] }
    const finding = appRoleFinding(facts, { mode: 'setup' })
    expect(finding.fix).toContain('--assignee-object-id given-object-id')
  })

  it('warns when a role definition was unreadable and the rest do not suffice', () => {
    const facts = healthyFacts()
    facts.roleAssignments = {
      ok: true,
      value: [unreadableAssignment({ roleName: 'Mystery' })]
    }
    const finding = appRoleFinding(facts, { mode: 'setup' })
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('Mystery')
    expect(finding.fix).toContain('Microsoft.Authorization/roleDefinitions/read')
  })

  it('warns, not fails, when an unreadable definition sits beside a role that grants only part', () => {
    const facts = healthyFacts()
    const readOnly = roleAssignment(
      [
        {
          actions: [],
          notActions: [],
          dataActions: ['Microsoft.KeyVault/vaults/keys/read'],
          notDataActions: []
        }
      ],
      { roleName: 'Key reader' }
    )
    facts.roleAssignments = {
      ok: true,
      value: [unreadableAssignment({ roleName: 'Mystery' }), readOnly]
    }
    const finding = appRoleFinding(facts, { mode: 'setup' })
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('Mystery')
    expect(finding.detail).toContain('Microsoft.KeyVault/vaults/keys/wrap/action')
    expect(finding.detail).not.toContain('Microsoft.KeyVault/vaults/keys/read,')
    expect(finding.evidence).toMatchObject({
      missing: [
        'Microsoft.KeyVault/vaults/keys/wrap/action',
        'Microsoft.KeyVault/vaults/keys/unwrap/action'
      ]
    })
  })

  it('passes when an unreadable definition does not matter', () => {
    const facts = healthyFacts()
    facts.roleAssignments = { ok: true, value: [unreadableAssignment(), roleAssignment()] }
    expect(appRoleFinding(facts, { mode: 'setup' }).outcome).toBe('pass')
  })

  it('warns naming roleAssignments/read when forbidden', () => {
    const facts = healthyFacts()
    facts.roleAssignments = { ok: false, error: readError('forbidden') }
    const finding = appRoleFinding(facts, { mode: 'setup' })
    expect(finding.outcome).toBe('warn')
    expect(finding.fix).toContain('Microsoft.Authorization/roleAssignments/read')
  })

  it('warns with the error on other read failures', () => {
    const facts = healthyFacts()
    facts.roleAssignments = { ok: false, error: readError('error') }
    expect(appRoleFinding(facts, { mode: 'setup' }).detail).toContain('answered 500')
  })

  it('warns that it cannot be decided before registration', () => {
    const finding = appRoleFinding(unregistered(), { mode: 'validate' })
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('cannot be decided until the CMK app is registered')
  })

  it('is skipped when consent is missing', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: true, value: null }
    delete facts.roleAssignments
    expect(appRoleFinding(facts, { mode: 'check' })).toMatchObject({
      outcome: 'skipped',
      blockedBy: 'app.consented'
    })
  })

  it('is skipped when the vault was not read', () => {
    const facts = healthyFacts()
    facts.vault = { ok: false, error: readError('not-found') }
    expect(appRoleFinding(facts, { mode: 'check' })).toMatchObject({
      outcome: 'skipped',
      blockedBy: 'vault.found',
      detail: 'skipped: vault.found failed'
    })
  })

  it('is skipped on an access-policy vault, which fails vault.rbac', () => {
    const facts = healthyFacts()
    if (facts.vault.ok) facts.vault.value.enableRbacAuthorization = false
    const finding = appRoleFinding(facts, { mode: 'check' })
    expect(finding).toMatchObject({ outcome: 'skipped', blockedBy: 'vault.rbac' })
  })

  it('warns when the object id is unknown because the directory look-up was refused', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: false, error: readError('forbidden') }
    delete facts.roleAssignments
    const finding = appRoleFinding(facts, { mode: 'setup' })
    expect(finding.outcome).toBe('warn')
    expect(finding.fix).toContain('cmk-app-object-id')
  })
  it('does not blame a permission when the directory look-up failed for another reason', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: false, error: readError('error', { status: 500 }) }
    delete facts.roleAssignments
    const finding = appRoleFinding(facts, { mode: 'setup' })
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('could not be looked up')
    expect(finding.fix).not.toContain('Application.Read.All')
    expect(finding.fix).toContain('Re-run the job')
  })
})

describe('app checks: the branches a run reaches less often', () => {
  it('app.registered: a registration read that failed otherwise than by a refusal suggests a re-run', () => {
    const finding = appRegisteredFinding({ ok: false, error: readError('error') }, 'check')
    expect(finding).toMatchObject({
      outcome: 'fail',
      detail:
        'The CMK app registration could not be read: TEST GET thing answered 500: service said error.',
      fix: 'Re-run the job; if the error persists, check adobe-region and the Adobe Experience Platform status.'
    })
    expect(appRegisteredFinding({ ok: false, error: readError('forbidden') }, 'check').fix).toMatch(
      /^Check adobe-org-id and the Adobe credential/
    )
  })

  it.each([
    ['setup', 'Nothing to do: setup registers the CMK app when no check fails.'],
    ['validate', 'Nothing to do now: mode setup registers the CMK app.']
  ] as const)('app.registered: not registered yet warns in %s', (mode, fix) => {
    expect(appRegisteredFinding({ ok: true, value: null }, mode)).toEqual({
      id: 'app.registered',
      outcome: 'warn',
      detail: 'The CMK app is not registered yet; setup registers it.',
      fix,
      evidence: { registration: null }
    })
  })

  it('app.consented: a registered app whose principal was not looked up warns, naming the permission', () => {
    const facts = healthyFacts()
    delete facts.servicePrincipal
    expect(appConsentedFinding(facts, { mode: 'check' })).toEqual({
      id: 'app.consented',
      outcome: 'warn',
      detail: `The service principal of CMK app ${APP_ID} was not looked up.`,
      fix: "Grant the action's Azure identity the Microsoft Graph application permission Application.Read.All (or Directory.Read.All) with admin consent, or set input cmk-app-object-id to the CMK app's service principal object id.",
      evidence: { applicationId: APP_ID }
    })
  })

  it.each([
    [
      'setup',
      'Fix the failed checks and re-run setup: it registers the CMK app and reports the consent URL.'
    ],
    ['check', 'Run mode setup: it registers the CMK app and reports the consent URL.']
  ] as const)('app.consented: before registration, in %s', (mode, fix) => {
    expect(appConsentedFinding(unregistered(), { mode })).toMatchObject({
      outcome: 'warn',
      detail: 'This cannot be decided until the CMK app is registered.',
      fix,
      evidence: { registered: false }
    })
  })

  it.each([
    [
      'setup',
      'Fix the failed checks and re-run setup, give consent with the consent URL, then re-run.'
    ],
    ['check', 'Run mode setup, give consent with the consent URL, then re-run.']
  ] as const)('app.role: before registration, in %s', (mode, fix) => {
    expect(appRoleFinding(unregistered(), { mode })).toMatchObject({
      outcome: 'warn',
      detail: 'This cannot be decided until the CMK app is registered and consented.',
      fix
    })
  })

  it('app.role: an object id from cmk-app-object-id decides it before registration', () => {
    const facts = unregistered()
    facts.servicePrincipal = { ok: true, value: { objectId: SP_OBJECT_ID, source: 'input' } }
    expect(appRoleFinding(facts, { mode: 'check' })).toMatchObject({
      outcome: 'warn',
      detail: `The role assignments of service principal ${SP_OBJECT_ID} were not looked up.`,
      evidence: { objectId: SP_OBJECT_ID }
    })
  })

  it('app.role: a registration that could not be read skips it, unless the object id is given', () => {
    const facts = healthyFacts()
    facts.registration = { ok: false, error: readError('error') }
    delete facts.servicePrincipal
    delete facts.roleAssignments
    expect(appRoleFinding(facts, { mode: 'check' })).toMatchObject({
      outcome: 'skipped',
      blockedBy: 'app.registered'
    })
  })

  it('app.role: a registered app without a known principal says the object id is unknown', () => {
    const facts = healthyFacts()
    delete facts.servicePrincipal
    delete facts.roleAssignments
    expect(appRoleFinding(facts, { mode: 'check' })).toMatchObject({
      outcome: 'warn',
      detail: "This cannot be decided: the CMK app's service principal object id is unknown.",
      evidence: { objectId: undefined }
    })
  })

  it('app.role: a role that only a condition grants warns, naming the condition', () => {
    const facts = healthyFacts()
    facts.roleAssignments = {
      ok: true,
      value: [roleAssignment(undefined, { condition: "@Resource[name] StringEquals 'cmk-key'" })]
    }
    const finding = appRoleFinding(facts, { mode: 'check' })
    expect(finding).toMatchObject({
      outcome: 'warn',
      detail: `This cannot be decided: The CMK app's service principal ${SP_OBJECT_ID} may read, wrap and unwrap keys only through Key Vault Crypto Service Encryption User at ${VAULT_ID} with condition @Resource[name] StringEquals 'cmk-key', and a condition cannot be evaluated here.`,
      fix: `Make sure the condition holds for Adobe's key access, or assign the role without a condition: Assign the role: \`az role assignment create --role "Key Vault Crypto Service Encryption User" --assignee-object-id ${SP_OBJECT_ID} --assignee-principal-type ServicePrincipal --scope ${VAULT_ID}\`.`
    })
  })

  it('app.role: a role held through a group names the group, and passes', () => {
    const facts = healthyFacts()
    facts.roleAssignments = {
      ok: true,
      value: [roleAssignment(undefined, { principalType: 'Group', principalId: TENANT_ID })]
    }
    expect(appRoleFinding(facts, { mode: 'check' })).toMatchObject({
      outcome: 'pass',
      detail: `The CMK app's service principal ${SP_OBJECT_ID} may read, wrap and unwrap keys through Key Vault Crypto Service Encryption User at ${VAULT_ID} through group ${TENANT_ID}.`
    })
  })
})
