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
    // Both ways: public access from all networks, or the preview IP firewall with --hsm-name.
    expect(finding.fix).toContain(
      `open Managed HSM mhsm-cmk to all networks: \`az keyvault update-hsm --subscription ${SUBSCRIPTION_ID} --hsm-name mhsm-cmk --public-network-access Enabled --default-action Allow\``
    )
    expect(finding.fix).toContain(
      `\`az keyvault network-rule add --hsm-name mhsm-cmk --ip-address 20.88.123.53 --subscription ${SUBSCRIPTION_ID}\``
    )
    expect(finding.fix).toContain('preview')
    expect(finding.fix).toContain('support ticket')
    expect(finding.fix).toContain('at most 10 IPv4 ranges')
    expect(finding.fix).not.toContain('az resource update')
    expect(finding.fix).not.toContain('already holds')
  })

  it('vault.adobe-ip on an HSM whose firewall holds 10 ranges says to replace one', () => {
    const hsm = healthyManagedHsm()
    const ipRules = Array.from({ length: 10 }, (_, i) => `198.51.100.${i}/32`)
    const finding = adobeIpFinding(
      { ...hsm, networkAcls: { ...hsm.networkAcls!, defaultAction: 'Deny', ipRules } },
      ctx
    )
    expect(finding.fix).toContain('already holds 10 ranges, the most it takes')
  })

  it('vault.adobe-ip on an HSM without public access names both ways too', () => {
    const finding = adobeIpFinding({ ...healthyManagedHsm(), publicNetworkAccess: 'Disabled' }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).toContain('--public-network-access Enabled --default-action Allow')
    expect(finding.fix).toContain(
      '--public-network-access Enabled --default-action Deny --bypass AzureServices`, then `az keyvault network-rule add --hsm-name mhsm-cmk'
    )
    expect(finding.fix).toContain('support ticket')
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
