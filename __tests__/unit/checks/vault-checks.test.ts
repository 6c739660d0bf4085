import {
  adobeIpFinding,
  networkFinding,
  purgeProtectionFinding,
  rbacFinding,
  softDeleteFinding,
  vaultFoundFinding
} from '../../../src/checks/vault-checks.js'
import { SUBSCRIPTION_ID, VAULT_ID, healthyContext, healthyVault, readError } from './fixtures.js'

const ctx = healthyContext()

describe('vault.found', () => {
  it('passes when the vault was read', () => {
    const finding = vaultFoundFinding({ ok: true, value: healthyVault() }, ctx)
    expect(finding).toMatchObject({ id: 'vault.found', outcome: 'pass' })
    expect(finding.detail).toContain(VAULT_ID)
  })

  it('fails on 404, quoting the call, status and message', () => {
    const error = readError('not-found', {
      call: 'ARM GET vault',
      message: 'Vault kv-cmk was not found.'
    })
    const finding = vaultFoundFinding({ ok: false, error }, { ...ctx, resourceGroup: 'rg-x' })
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toBe(
      'Vault kv-cmk could not be read: ARM GET vault answered 404: Vault kv-cmk was not found.'
    )
    expect(finding.fix).toContain(`resource group rg-x of subscription ${SUBSCRIPTION_ID}`)
  })

  it('fails on 403 naming the permission', () => {
    const finding = vaultFoundFinding({ ok: false, error: readError('forbidden') }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('answered 403')
    expect(finding.fix).toContain('Microsoft.KeyVault/vaults/read')
  })

  it('fails on a network error without a status', () => {
    const error = readError('error', { status: undefined, message: 'ECONNRESET' })
    const finding = vaultFoundFinding({ ok: false, error }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('TEST GET thing failed: ECONNRESET')
  })
})

describe('vault.soft-delete', () => {
  it('passes when enabled or absent (default true)', () => {
    expect(softDeleteFinding(healthyVault(), ctx).outcome).toBe('pass')
    expect(softDeleteFinding({ ...healthyVault(), enableSoftDelete: undefined }, ctx).outcome).toBe(
      'pass'
    )
  })
  it('fails when disabled', () => {
    const finding = softDeleteFinding({ ...healthyVault(), enableSoftDelete: false }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).toContain('--enable-soft-delete true')
  })
})

describe('vault.purge-protection', () => {
  it('passes only when true', () => {
    expect(purgeProtectionFinding(healthyVault(), ctx).outcome).toBe('pass')
  })
  it.each([false, undefined])('fails when %s', value => {
    const finding = purgeProtectionFinding({ ...healthyVault(), enablePurgeProtection: value }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).toContain(
      `--subscription ${SUBSCRIPTION_ID} --name kv-cmk --enable-purge-protection true`
    )
  })
})

describe('vault.rbac', () => {
  it('passes with RBAC', () => {
    expect(rbacFinding(healthyVault(), ctx).outcome).toBe('pass')
  })
  it.each([false, undefined])('fails when %s (access policies)', value => {
    const finding = rbacFinding({ ...healthyVault(), enableRbacAuthorization: value }, ctx)
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('access policies')
    expect(finding.fix).toContain('--enable-rbac-authorization true')
  })
})

function withNetwork(
  publicNetworkAccess: string | undefined,
  defaultAction?: string,
  bypass?: string,
  ipRules: string[] = []
) {
  return {
    ...healthyVault(),
    publicNetworkAccess,
    networkAcls:
      defaultAction === undefined && bypass === undefined && ipRules.length === 0
        ? undefined
        : { defaultAction, bypass, ipRules, virtualNetworkRules: [] }
  }
}

describe('vault.network', () => {
  it.each([
    ['open vault', withNetwork('Enabled', 'Allow', 'None'), 'pass'],
    ['no networkAcls', withNetwork(undefined), 'pass'],
    ['Deny with AzureServices bypass', withNetwork('Enabled', 'Deny', 'AzureServices'), 'pass'],
    ['Deny with bypass in other case', withNetwork('Enabled', 'deny', 'azureservices'), 'pass'],
    [
      'Disabled with AzureServices bypass',
      withNetwork('Disabled', 'Allow', 'AzureServices'),
      'pass'
    ],
    ['Deny with bypass None', withNetwork('Enabled', 'Deny', 'None'), 'fail'],
    ['Disabled (lower case) with bypass None', withNetwork('disabled', 'Allow', 'None'), 'fail'],
    ['Disabled without networkAcls', withNetwork('Disabled'), 'fail']
  ])('%s -> %s', (_name, vault, outcome) => {
    const finding = networkFinding(vault, ctx)
    expect(finding.outcome).toBe(outcome)
    if (outcome === 'fail') expect(finding.fix).toContain('--bypass AzureServices')
  })
})

describe('vault.adobe-ip', () => {
  it('passes when the firewall does not restrict access', () => {
    const finding = adobeIpFinding(withNetwork('Enabled', 'Allow', 'None'), ctx)
    expect(finding.outcome).toBe('pass')
  })

  it.each(['20.88.123.53', '20.88.123.53/32', '20.88.123.0/24'])(
    'passes with Deny and ip rule %s',
    rule => {
      const finding = adobeIpFinding(
        withNetwork('Enabled', 'Deny', 'AzureServices', ['1.2.3.4', rule]),
        ctx
      )
      expect(finding.outcome).toBe('pass')
      expect(finding.detail).toContain(rule)
    }
  )

  it('fails with Deny when no rule allows the address, even with the trusted-services bypass', () => {
    const finding = adobeIpFinding(
      withNetwork('Enabled', 'Deny', 'AzureServices', ['20.88.124.0/24', '20.88.123.54']),
      ctx
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.fix).toContain(
      '`az keyvault network-rule add --name kv-cmk --ip-address 20.88.123.53'
    )
  })

  it('fails when public access is Disabled even if a rule names the address (rules are not honoured)', () => {
    const finding = adobeIpFinding(
      withNetwork('Disabled', 'Deny', 'AzureServices', ['20.88.123.53']),
      ctx
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('overrides its IP rule 20.88.123.53')
    expect(finding.fix).toContain('--public-network-access Enabled --default-action Deny')
  })
})
