import {
  adobeIpFinding,
  networkFinding,
  purgeProtectionFinding,
  rbacFinding,
  softDeleteFinding,
  vaultFoundFinding
} from '../../../src/checks/vault-checks.js'
import { SUBSCRIPTION_ID, healthyContext, healthyManagedHsm } from './fixtures.js'

const ctx = healthyContext({ keyVaultName: 'mhsm-cmk' })

describe('vault checks on a Managed HSM', () => {
  it('vault.found names the Managed HSM and its URI', () => {
    const finding = vaultFoundFinding({ ok: true, value: healthyManagedHsm() }, ctx)
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toMatch(
      /^Managed HSM mhsm-cmk found \(.*managedHSMs\/mhsm-cmk\) at https:\/\/mhsm-cmk\.managedhsm\.azure\.net\/\.$/
    )
    expect(finding.evidence).toMatchObject({ kind: 'managed-hsm' })
  })

  it('vault.soft-delete passes: soft delete is always on', () => {
    const finding = softDeleteFinding({ ...healthyManagedHsm(), enableSoftDelete: undefined }, ctx)
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('always on for Managed HSM mhsm-cmk')
  })

  it('vault.rbac passes and says the HSM uses its local RBAC', () => {
    const finding = rbacFinding(healthyManagedHsm(), ctx)
    expect(finding.outcome).toBe('pass')
    expect(finding.detail).toContain('local RBAC')
  })

  it('vault.purge-protection fails with the update-hsm command', () => {
    const finding = purgeProtectionFinding(
      { ...healthyManagedHsm(), enablePurgeProtection: false },
      ctx
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('Managed HSM mhsm-cmk')
    expect(finding.fix).toContain(
      `\`az keyvault update-hsm --subscription ${SUBSCRIPTION_ID} --hsm-name mhsm-cmk --enable-purge-protection true\``
    )
  })

  it('vault.network fails without the trusted-services bypass, with the update-hsm command', () => {
    const hsm = healthyManagedHsm()
    const finding = networkFinding(
      { ...hsm, networkAcls: { ...hsm.networkAcls!, defaultAction: 'Deny', bypass: 'None' } },
      ctx
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).toContain('az keyvault update-hsm')
    expect(finding.fix).toContain('--bypass AzureServices')
  })

  it("vault.adobe-ip fails behind a Deny firewall, adding the rule to the HSM's networkAcls", () => {
    const hsm = healthyManagedHsm()
    const finding = adobeIpFinding(
      {
        ...hsm,
        networkAcls: { ...hsm.networkAcls!, defaultAction: 'Deny', ipRules: ['198.51.100.0/24'] }
      },
      ctx
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('The firewall of Managed HSM mhsm-cmk defaults to Deny')
    expect(finding.fix).toContain(
      `\`az resource update --ids ${hsm.id} --add properties.networkAcls.ipRules '{"value":"20.88.123.53"}'\``
    )
  })

  it('vault.adobe-ip passes when an IP rule of the HSM allows the address', () => {
    const hsm = healthyManagedHsm()
    const finding = adobeIpFinding(
      {
        ...hsm,
        networkAcls: { ...hsm.networkAcls!, defaultAction: 'Deny', ipRules: ['20.88.123.0/24'] }
      },
      ctx
    )
    expect(finding.outcome).toBe('pass')
  })
})
