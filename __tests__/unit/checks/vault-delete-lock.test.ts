import { evaluateChecks, failedCheckIds } from '../../../src/checks/evaluate.js'
import { CHECK_CATALOG } from '../../../src/checks/check-catalog.js'
import {
  findingOf,
  healthyContext,
  healthyFacts,
  healthyManagedHsm,
  readError,
  resourceGroupLock,
  SUBSCRIPTION_ID
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

  it('warns, with the az command for this vault, when no lock applies', () => {
    const { finding, failed } = deleteLock(withLocks([]))
    expect(finding.outcome).toBe('warn')
    expect(finding.detail).toContain(
      'has no CanNotDelete or ReadOnly lock on itself, its resource group or its subscription'
    )
    expect(finding.fix).toContain(
      `\`az lock create --subscription ${SUBSCRIPTION_ID} --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group rg-cmk --resource-type Microsoft.KeyVault/vaults --resource kv-cmk\``
    )
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
    expect(finding.fix).toContain('Microsoft.Authorization/locks/read')
  })

  it('fails under strict', () => {
    expect(deleteLock(withLocks([]), true).failed).toEqual(['vault.delete-lock'])
  })

  it('locks a Managed HSM as a managedHSMs resource', () => {
    const facts = withLocks([])
    facts.vault = { ok: true, value: healthyManagedHsm() }
    const { finding } = deleteLock(facts)
    expect(finding.detail).toMatch(/^Managed HSM mhsm-cmk has no CanNotDelete/)
    expect(finding.fix).toContain(
      '--resource-type Microsoft.KeyVault/managedHSMs --resource mhsm-cmk'
    )
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
