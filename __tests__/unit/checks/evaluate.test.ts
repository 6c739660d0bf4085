import { evaluateChecks, failedCheckIds, upsertFinding } from '../../../src/checks/evaluate.js'
import { configStatusFinding } from '../../../src/checks/config-checks.js'
import { CHECK_IDS, type Finding } from '../../../src/model/finding.js'
import { findingOf, healthyContext, healthyFacts, readError } from './fixtures.js'
import { judgeConsentUrl } from '../../../src/facts/consent-url.js'

const CHECKS_BEFORE_ACTIONS = CHECK_IDS.filter(id => id !== 'config.status')

describe('evaluateChecks', () => {
  it('returns one finding per check in contract order, without config.status', () => {
    const findings = evaluateChecks(healthyFacts(), healthyContext())
    expect(findings.map(f => f.id)).toEqual(CHECKS_BEFORE_ACTIONS)
  })

  it('passes every check for healthy facts', () => {
    const findings = evaluateChecks(healthyFacts(), healthyContext({ mode: 'check' }))
    expect(findings.filter(f => f.outcome !== 'pass')).toEqual([])
    for (const finding of findings) {
      expect(finding.detail.length).toBeGreaterThan(0)
      expect(finding.fix).toBeUndefined()
    }
  })

  it('gives every warn and fail a fix, and none to a skipped check', () => {
    const facts = healthyFacts()
    facts.vault = { ok: false, error: readError('not-found') }
    delete facts.key
    facts.registration = { ok: true, value: null }
    delete facts.servicePrincipal
    delete facts.roleAssignments
    const findings = evaluateChecks(facts, healthyContext({ mode: 'check' })).filter(
      f => !f.id.endsWith('.sign-in')
    )
    for (const finding of findings) {
      expect(finding.outcome).not.toBe('pass')
      if (finding.outcome === 'skipped') expect(finding.fix).toBeUndefined()
      else expect(finding.fix).toEqual(expect.any(String))
    }
    expect(findings.filter(f => f.outcome === 'skipped').length).toBeGreaterThan(0)
  })

  it('fails only vault.found when the vault is missing; its dependents are skipped', () => {
    const facts = healthyFacts()
    facts.vault = { ok: false, error: readError('not-found') }
    delete facts.key
    delete facts.roleAssignments
    const findings = evaluateChecks(facts, healthyContext())
    expect(failedCheckIds(findings, false)).toEqual(['vault.found'])
    for (const id of [
      'vault.soft-delete',
      'vault.adobe-ip',
      'key.found',
      'key.expiry',
      'app.role',
      'config.key'
    ] as const) {
      expect(findingOf(findings, id)).toMatchObject({
        outcome: 'skipped',
        blockedBy: 'vault.found',
        detail: 'skipped: vault.found failed'
      })
    }
    expect(findingOf(findings, 'app.registered').outcome).toBe('pass')
    expect(findingOf(findings, 'app.consented').outcome).toBe('pass')
  })

  it('fails only key.found when the key is missing', () => {
    const facts = healthyFacts()
    facts.key = { ok: false, error: readError('not-found') }
    const findings = evaluateChecks(facts, healthyContext())
    expect(failedCheckIds(findings, false)).toEqual(['key.found'])
    expect(findingOf(findings, 'key.type').detail).toBe('skipped: key.found failed')
    expect(findingOf(findings, 'vault.rbac').outcome).toBe('pass')
  })

  it('in validate with no registration: app.registered, app.consented and app.role warn', () => {
    const facts = healthyFacts()
    facts.registration = { ok: true, value: null }
    delete facts.servicePrincipal
    delete facts.roleAssignments
    facts.config = { ok: true, value: null }
    const findings = evaluateChecks(facts, healthyContext({ mode: 'validate' }))
    expect(failedCheckIds(findings, false)).toEqual([])
    expect(failedCheckIds(findings, true)).toEqual(['app.registered', 'app.consented', 'app.role'])
  })

  it('in check with no registration: app.registered fails', () => {
    const facts = healthyFacts()
    facts.registration = { ok: true, value: null }
    delete facts.servicePrincipal
    delete facts.roleAssignments
    const findings = evaluateChecks(facts, healthyContext({ mode: 'check' }))
    expect(failedCheckIds(findings, false)).toEqual(['app.registered'])
  })

  it('passes the consent URL into the app.consented fix', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: true, value: null }
    delete facts.roleAssignments
    const findings = evaluateChecks(
      facts,
      healthyContext({
        consentLink: judgeConsentUrl(
          'https://login.microsoftonline.com/t/x',
          'https://login.microsoftonline.com'
        )
      })
    )
    expect(findingOf(findings, 'app.consented').fix).toContain(
      'https://login.microsoftonline.com/t/x'
    )
    expect(findingOf(findings, 'app.role').detail).toBe('skipped: app.consented failed')
  })

  it('shows the consent URL only when it was judged to be on the authority host', () => {
    const facts = healthyFacts()
    facts.servicePrincipal = { ok: true, value: null }
    delete facts.roleAssignments
    const url = 'https://login.localhost:9443/t/x'
    const elsewhere = evaluateChecks(
      facts,
      healthyContext({ consentLink: judgeConsentUrl(url, 'https://login.microsoftonline.com') })
    )
    expect(findingOf(elsewhere, 'app.consented').fix).not.toContain(url)
    const simulator = evaluateChecks(
      facts,
      healthyContext({ consentLink: judgeConsentUrl(url, 'https://login.localhost:9443') })
    )
    expect(findingOf(simulator, 'app.consented').fix).toContain(url)
  })

  it('reports several independent failures together', () => {
    const facts = healthyFacts()
    if (facts.vault.ok) facts.vault.value.enablePurgeProtection = false
    if (facts.key?.ok) facts.key.value.keySize = 2048
    const findings = evaluateChecks(facts, healthyContext())
    expect(failedCheckIds(findings, false)).toEqual(['vault.purge-protection', 'key.size'])
  })
})

describe('failedCheckIds', () => {
  const findings: Finding[] = [
    { id: 'vault.found', outcome: 'pass', detail: 'ok' },
    { id: 'vault.adobe-ip', outcome: 'warn', detail: 'w', fix: 'f' },
    { id: 'key.found', outcome: 'fail', detail: 'x', fix: 'f' }
  ]
  it('counts failures, and warnings too with strict', () => {
    expect(failedCheckIds(findings, false)).toEqual(['key.found'])
    expect(failedCheckIds(findings, true)).toEqual(['vault.adobe-ip', 'key.found'])
  })
})

describe('upsertFinding', () => {
  it('inserts config.status in contract order and replaces an existing id', () => {
    const findings = evaluateChecks(healthyFacts(), healthyContext())
    const withStatus = upsertFinding(
      findings,
      configStatusFinding('FAILED', 'setup', { configName: 'cmk-config' })
    )
    expect(withStatus.map(f => f.id)).toEqual([...CHECK_IDS])
    const replaced = upsertFinding(withStatus, {
      id: 'vault.found',
      outcome: 'fail',
      detail: 'gone',
      fix: 'f'
    })
    expect(replaced).toHaveLength(CHECK_IDS.length)
    expect(findingOf(replaced, 'vault.found').detail).toBe('gone')
    expect(failedCheckIds(replaced, false)).toEqual(['vault.found', 'config.status'])
  })
})

describe('skipped checks', () => {
  it('never count as failures, not even under strict', () => {
    const facts = healthyFacts()
    facts.vault = { ok: false, error: readError('not-found') }
    delete facts.key
    delete facts.roleAssignments
    const findings = evaluateChecks(facts, healthyContext())
    expect(findings.filter(f => f.outcome === 'skipped').length).toBe(17)
    expect(failedCheckIds(findings, true)).toEqual(['vault.found'])
  })
})

describe('evaluateChecks: a vault read without a key look-up', () => {
  it('warns that the key was not looked up and skips the key attribute checks', () => {
    const facts = healthyFacts()
    delete facts.key
    const findings = evaluateChecks(facts, healthyContext())
    expect(findingOf(findings, 'key.found')).toEqual({
      id: 'key.found',
      outcome: 'warn',
      detail: 'Key cmk-key was not looked up.',
      fix: 'Re-run the job; this is a bug in the action if it repeats.',
      evidence: { key: null }
    })
    const keyChecks = findings.filter(f => f.id.startsWith('key.') && f.id !== 'key.found')
    expect(keyChecks.map(f => f.id)).toEqual([
      'key.enabled',
      'key.type',
      'key.size',
      'key.operations',
      'key.active',
      'key.expiry',
      'key.rotation'
    ])
    for (const finding of keyChecks)
      expect(finding).toMatchObject({ outcome: 'skipped', blockedBy: 'key.found' })
  })
})
