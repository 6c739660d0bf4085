import { evaluateChecks, failedCheckIds } from '../../../src/checks/evaluate.js'
import { CHECK_CATALOG } from '../../../src/checks/check-catalog.js'
import {
  findingOf,
  healthyContext,
  healthyFacts,
  healthyManagedHsm,
  healthyVault,
  readError,
  resourceGroupLock,
  SUBSCRIPTION_ID,
  VAULT_ID
} from './fixtures.js'
import type { Facts, ManagementLockFact } from '../../../src/model/facts.js'

function withLocks(locks: ManagementLockFact[]): Facts {
  return { ...healthyFacts(), managementLocks: { ok: true, value: locks } }
}

function deleteLock(facts: Facts, strict = false) {
  const findings = evaluateChecks(facts, healthyContext())
  return {
    finding: findingOf(findings, 'vault.delete-lock'),
    failed: failedCheckIds(findings, strict)
  }
}

describe('vault.delete-lock', () => {
  it('passes with a CanNotDelete lock on the resource group', () => {
    const { finding } = deleteLock(healthyFacts())
    expect(finding).toMatchObject({
      outcome: 'pass',
      detail:
        'Vault kv-cmk cannot be deleted: CanNotDelete lock rg-no-delete on its resource group.'
    })
  })

  it('passes with a ReadOnly lock on the subscription, saying it blocks the repairs too', () => {
    const { finding } = deleteLock(
      withLocks([resourceGroupLock({ name: 'frozen', level: 'ReadOnly', scope: 'subscription' })])
    )
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('ReadOnly lock frozen on its subscription.')
    expect(finding.detail).toContain("the action's own repairs")
  })

  it('passes with a lock on the vault itself', () => {
    const { finding } = deleteLock(
      withLocks([resourceGroupLock({ name: 'vault-no-delete', scope: 'vault' })])
    )
    expect(finding.detail).toBe(
      'Vault kv-cmk cannot be deleted: CanNotDelete lock vault-no-delete on the vault itself.'
    )
  })

  it('names the first lock but still warns of a ReadOnly lock further down the list', () => {
    const { finding } = deleteLock(
      withLocks([
        resourceGroupLock(),
        resourceGroupLock({ name: 'frozen', level: 'ReadOnly', scope: 'subscription' })
      ])
    )
    expect(finding.detail).toBe(
      "Vault kv-cmk cannot be deleted: CanNotDelete lock rg-no-delete on its resource group. A ReadOnly lock also blocks every change, the action's own repairs (remediate) included."
    )
  })

  it('keeps every lock, stopping or not, as evidence', () => {
    const { finding } = deleteLock(
      withLocks([
        resourceGroupLock({ name: 'odd', level: 'NotSpecified', scope: 'vault' }),
        resourceGroupLock()
      ])
    )
    expect(finding.outcome).toBe('pass')
    expect(finding.evidence).toEqual({
      managementLocks: [
        { name: 'odd', level: 'NotSpecified', scope: 'vault' },
        { name: 'rg-no-delete', level: 'CanNotDelete', scope: 'resource-group' }
      ]
    })
  })

  it('warns, with the az command for this vault, when no lock applies', () => {
    const { finding, failed } = deleteLock(withLocks([]))
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain(
      'has no CanNotDelete or ReadOnly lock on itself, its resource group or its subscription'
    )
    expect(finding.fix).toContain(
      `\`az lock create --subscription ${SUBSCRIPTION_ID} --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group rg-cmk --resource-type Microsoft.KeyVault/vaults --resource kv-cmk\``
    )
    expect(finding.fix).toMatch(/^Lock the vault against deletion/)
    expect(finding.evidence).toEqual({ managementLocks: [] })
    expect(failed).toEqual([])
  })

  it('does not count a lock of an unknown level', () => {
    const { finding } = deleteLock(withLocks([resourceGroupLock({ level: 'NotSpecified' })]))
    expect(finding.outcome).toBe('warn')
  })

  it('warns naming the permission when the locks cannot be read', () => {
    const facts = healthyFacts()
    facts.managementLocks = {
      ok: false,
      error: readError('forbidden', {
        call: 'ARM list management locks',
        message: 'AuthorizationFailed'
      })
    }
    const { finding } = deleteLock(facts)
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('its management locks could not be read')
    expect(finding.fix).toBe(
      `Grant the action's Azure identity Microsoft.Authorization/locks/read on the vault (the Reader role has it), or check by hand: \`az lock list --resource ${VAULT_ID}\`.`
    )
    expect(finding.evidence).toEqual({
      call: 'ARM list management locks',
      status: 403,
      kind: 'forbidden',
      message: 'AuthorizationFailed'
    })
  })

  it('says to re-run, not to grant a permission, when the locks read fails otherwise', () => {
    const facts = healthyFacts()
    facts.managementLocks = {
      ok: false,
      error: readError('error', { call: 'ARM list management locks', message: 'Bad gateway' })
    }
    const { finding } = deleteLock(facts)
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain('(ARM list management locks answered 500: Bad gateway)')
    expect(finding.fix).toBe(
      `Re-run the job; to check by hand: \`az lock list --resource ${VAULT_ID}\`.`
    )
  })

  // gather-facts reads the locks whenever the vault is found; a Facts built without them (the
  // type allows it) still gets a warning rather than a crash.
  it('warns that the locks were not read when the facts have none', () => {
    const facts = healthyFacts()
    delete facts.managementLocks
    const { finding } = deleteLock(facts)
    expect(finding).toMatchObject({
      outcome: 'warn',
      detail:
        'Vault kv-cmk: its management locks could not be read (they were not read), so whether anything stops its deletion is not known.',
      fix: `Re-run the job; to check by hand: \`az lock list --resource ${VAULT_ID}\`.`,
      evidence: undefined
    })
  })

  it('fails under strict', () => {
    expect(deleteLock(withLocks([]), true).failed).toEqual(['vault.delete-lock'])
  })

  it('locks a Managed HSM as a managedHSMs resource', () => {
    const facts = withLocks([])
    facts.vault = { ok: true, value: healthyManagedHsm() }
    const { finding } = deleteLock(facts)
    expect(finding.detail).toMatch(/^Managed HSM mhsm-cmk has no CanNotDelete/)
    expect(finding.fix).toMatch(/^Lock the HSM against deletion/)
    expect(finding.fix).toContain(
      '--resource-type Microsoft.KeyVault/managedHSMs --resource mhsm-cmk'
    )
  })

  // ARM ids always name the resource group; a hand-made id without one gets a placeholder in
  // the command rather than a crash.
  it('puts a placeholder in the command when the vault id names no resource group', () => {
    const facts = withLocks([])
    facts.vault = {
      ok: true,
      value: {
        ...healthyVault(),
        id: '/subscriptions/s/providers/Microsoft.KeyVault/vaults/kv-cmk'
      }
    }
    const { finding } = deleteLock(facts)
    expect(finding.fix).toContain('--resource-group <resource-group> --resource-type')
  })

  it('comes with its fix as az, Terraform and Bicep, and ranks at most medium', () => {
    const { fix, rule, docs } = CHECK_CATALOG['vault.delete-lock']
    expect(fix.az).toContain('az lock create')
    expect(fix.az).toContain('--lock-type CanNotDelete')
    expect(fix.terraform).toContain('azurerm_management_lock')
    expect(fix.terraform).toContain('lock_level = "CanNotDelete"')
    expect(fix.bicep).toContain('Microsoft.Authorization/locks')
    expect(fix.bicep).toContain("level: 'CanNotDelete'")
    expect(rule.securitySeverity).toBeLessThan(7)
    expect(docs.why).toContain(
      "ReadOnly` lock stops it too, but it blocks every change, the action's own repairs"
    )
  })
})
