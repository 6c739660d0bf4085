import { CHECK_CATALOG, catalogTable, checkDefinitions } from '../../../src/checks/check-catalog.js'
import { blockerOf } from '../../../src/checks/evaluate.js'
import { REPAIR_CHECK, repairPermission } from '../../../src/checks/repairs.js'
import { REPAIRS } from '../../../src/model/choices.js'
import { CHECK_IDS, type CheckId, type Finding } from '../../../src/model/finding.js'

/** Every check `id` needs, directly or through the checks it needs. */
function transitiveNeeds(id: CheckId): Set<CheckId> {
  const seen = new Set<CheckId>()
  const visit = (next: CheckId) => {
    for (const need of CHECK_CATALOG[next].needs) {
      if (seen.has(need)) continue
      seen.add(need)
      visit(need)
    }
  }
  visit(id)
  return seen
}

describe('the check catalog', () => {
  it('defines every check id once, under its own id, in contract order', () => {
    expect(checkDefinitions().map(check => check.id)).toEqual([...CHECK_IDS])
    for (const id of CHECK_IDS) expect(CHECK_CATALOG[id].id).toBe(id)
  })

  it('lists every need before the check that needs it, so needs are decided first', () => {
    for (const check of checkDefinitions()) {
      const late = check.needs.filter(
        need => CHECK_IDS.indexOf(need) >= CHECK_IDS.indexOf(check.id)
      )
      expect([check.id, late]).toEqual([check.id, []])
    }
  })

  it('lets a vault check run only after vault.found, a key check only after key.found', () => {
    for (const check of checkDefinitions()) {
      const needs = transitiveNeeds(check.id)
      if (check.evaluation.over === 'vault')
        expect([check.id, needs.has('vault.found')]).toEqual([check.id, true])
      if (check.evaluation.over === 'key')
        expect([check.id, needs.has('key.found')]).toEqual([check.id, true])
    }
  })

  it('skips every Azure and Adobe read after a failed sign-in', () => {
    const azure = CHECK_IDS.filter(id => transitiveNeeds(id).has('azure.sign-in'))
    const adobe = CHECK_IDS.filter(id => transitiveNeeds(id).has('adobe.sign-in'))
    expect(azure).toEqual(
      CHECK_IDS.filter(
        id => /^(vault|key)\./.test(id) || id === 'app.consented' || id === 'app.role'
      )
    )
    expect(adobe).toEqual([
      'app.registered',
      'app.consented',
      'app.role',
      'config.status',
      'config.key'
    ])
  })

  it('leaves only config.status to the end of the run', () => {
    const runEnd = checkDefinitions().filter(check => check.evaluation.over === 'run-end')
    expect(runEnd.map(check => check.id)).toEqual(['config.status'])
  })

  it('gives every check a SARIF rule, a next step and a documented fix', () => {
    for (const check of checkDefinitions()) {
      expect(check.rule.short.length).toBeGreaterThan(10)
      expect(check.rule.full.length).toBeGreaterThan(10)
      expect(check.rule.help.length).toBeGreaterThan(10)
      expect(check.rule.securitySeverity).toBeGreaterThan(0)
      expect(check.rule.securitySeverity).toBeLessThanOrEqual(10)
      expect(check.nextStep.length).toBeGreaterThan(5)
      expect(check.fix.az.length).toBeGreaterThan(10)
      expect(check.docs.why.length).toBeGreaterThan(10)
    }
    expect(Object.keys(catalogTable(check => check.nextStep))).toEqual([...CHECK_IDS])
  })
})

describe('repairs, from the catalog', () => {
  it('answer one check each, as the contract says', () => {
    expect(REPAIR_CHECK).toEqual({
      'service-principal': 'app.consented',
      role: 'app.role',
      'adobe-ip': 'vault.adobe-ip'
    })
    const declared = checkDefinitions().flatMap(check => (check.repair ? [check.repair.item] : []))
    expect([...declared].sort()).toEqual([...REPAIRS].sort())
  })

  it('name the permission each kind of vault needs', () => {
    expect(repairPermission('role', 'vault')).toMatch(/roleAssignments\/write on the vault/)
    expect(repairPermission('role', 'managed-hsm')).toMatch(/managedHsm\/roleAssignments\/write/)
    expect(repairPermission('adobe-ip', 'managed-hsm')).toMatch(/managedHSMs\/write/)
    expect(repairPermission('service-principal', 'vault')).toMatch(/Application\.ReadWrite\.All/)
  })
})

describe('blockerOf', () => {
  const signIn = (outcome: 'pass' | 'fail'): Finding => ({
    id: 'adobe.sign-in',
    outcome,
    detail: 'x',
    ...(outcome === 'fail' && { fix: 'f' })
  })
  it('names the need that did not pass, so main can skip config.status', () => {
    expect(blockerOf('config.status', [signIn('fail')])).toBe('adobe.sign-in')
    expect(blockerOf('config.status', [signIn('pass')])).toBeUndefined()
    expect(blockerOf('config.status', [])).toBeUndefined()
  })

  it('names the root when the need was skipped itself', () => {
    const findings: Finding[] = [
      { id: 'azure.sign-in', outcome: 'fail', detail: 'x', fix: 'f' },
      { id: 'vault.found', outcome: 'skipped', detail: 'x', blockedBy: 'azure.sign-in' }
    ]
    expect(blockerOf('key.found', findings)).toBe('azure.sign-in')
  })
})
