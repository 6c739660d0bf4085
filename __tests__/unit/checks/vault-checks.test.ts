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

describe('what the vault checks tell the user', () => {
  const vault = (more: Partial<ReturnType<typeof healthyVault>> = {}) => ({
    ...healthyVault(),
    ...more
  })
  const hsm = (more: Partial<ReturnType<typeof healthyVault>> = {}) =>
    vault({
      kind: 'managed-hsm',
      id: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-cmk/providers/Microsoft.KeyVault/managedHSMs/kv-cmk`,
      vaultUri: 'https://kv-cmk.managedhsm.azure.net/',
      enableRbacAuthorization: undefined,
      ...more
    })
  const update = `\`az keyvault update --subscription ${SUBSCRIPTION_ID} --name kv-cmk`
  const updateHsm = `\`az keyvault update-hsm --subscription ${SUBSCRIPTION_ID} --hsm-name kv-cmk`

  it('vault.found names what was found, or where it was looked for', () => {
    expect(vaultFoundFinding({ ok: true, value: hsm() }, ctx)).toEqual({
      id: 'vault.found',
      outcome: 'pass',
      detail: `Managed HSM kv-cmk found (${hsm().id}) at https://kv-cmk.managedhsm.azure.net/.`,
      evidence: {
        kind: 'managed-hsm',
        id: hsm().id,
        vaultUri: 'https://kv-cmk.managedhsm.azure.net/',
        tenantId: healthyVault().tenantId
      }
    })
    expect(vaultFoundFinding({ ok: true, value: vault() }, ctx).detail).toBe(
      `Vault kv-cmk found (${VAULT_ID}) at https://kv-cmk.vault.azure.net/.`
    )
    const notFound = { ok: false as const, error: readError('not-found') }
    expect(vaultFoundFinding(notFound, ctx)).toEqual({
      id: 'vault.found',
      outcome: 'fail',
      detail:
        'Vault kv-cmk could not be read: TEST GET thing answered 404: service said not-found.',
      fix: `Check key-vault-name (kv-cmk), azure-subscription-id and azure-resource-group: no vault of that name was found in subscription ${SUBSCRIPTION_ID}.`,
      evidence: {
        call: 'TEST GET thing',
        status: 404,
        kind: 'not-found',
        message: 'service said not-found'
      }
    })
    expect(vaultFoundFinding(notFound, healthyContext({ resourceGroup: 'rg-cmk' })).fix).toBe(
      `Check key-vault-name (kv-cmk), azure-subscription-id and azure-resource-group: no vault of that name was found in resource group rg-cmk of subscription ${SUBSCRIPTION_ID}.`
    )
    expect(vaultFoundFinding({ ok: false, error: readError('error') }, ctx).fix).toBe(
      'Re-run the job; if the error persists, check the Azure Resource Manager endpoint and service health.'
    )
  })

  it('vault.soft-delete: always on for a Managed HSM, with its retention', () => {
    expect(softDeleteFinding(hsm({ softDeleteRetentionInDays: 7 }), ctx)).toEqual({
      id: 'vault.soft-delete',
      outcome: 'pass',
      detail:
        'Soft delete is always on for Managed HSM kv-cmk (it cannot be turned off), with 7 days of retention.',
      evidence: { enableSoftDelete: true, softDeleteRetentionInDays: 7 }
    })
    expect(softDeleteFinding(hsm({ softDeleteRetentionInDays: undefined }), ctx).detail).toContain(
      'with 90 days of retention'
    )
    expect(softDeleteFinding(vault({ enableSoftDelete: false }), ctx)).toEqual({
      id: 'vault.soft-delete',
      outcome: 'fail',
      detail: 'Soft delete is disabled on vault kv-cmk.',
      fix: `Enable soft delete: ${update} --enable-soft-delete true\`.`,
      evidence: { enableSoftDelete: false }
    })
    expect(softDeleteFinding(vault({ softDeleteRetentionInDays: undefined }), ctx)).toEqual({
      id: 'vault.soft-delete',
      outcome: 'pass',
      detail: 'Soft delete is enabled on vault kv-cmk with 90 days of retention.',
      evidence: { enableSoftDelete: true, softDeleteRetentionInDays: undefined }
    })
  })

  it('vault.purge-protection: the command for a vault and for a Managed HSM', () => {
    expect(purgeProtectionFinding(vault({ enablePurgeProtection: undefined }), ctx)).toEqual({
      id: 'vault.purge-protection',
      outcome: 'fail',
      detail:
        'Purge protection is not enabled on vault kv-cmk (enablePurgeProtection is undefined).',
      fix: `Enable purge protection (it cannot be turned off again): ${update} --enable-purge-protection true\`.`,
      evidence: { enablePurgeProtection: undefined }
    })
    expect(purgeProtectionFinding(hsm({ enablePurgeProtection: false }), ctx).fix).toBe(
      `Enable purge protection (it cannot be turned off again): ${updateHsm} --enable-purge-protection true\`.`
    )
    expect(purgeProtectionFinding(hsm(), ctx)).toEqual({
      id: 'vault.purge-protection',
      outcome: 'pass',
      detail: 'Purge protection is enabled on Managed HSM kv-cmk.',
      evidence: { enablePurgeProtection: true }
    })
  })

  it('vault.rbac: local RBAC on a Managed HSM, access policies on a vault', () => {
    expect(rbacFinding(hsm(), ctx)).toEqual({
      id: 'vault.rbac',
      outcome: 'pass',
      detail:
        'Managed HSM kv-cmk always authorises data-plane access with its local RBAC (it has no access policies); app.role reads its local role assignments.',
      evidence: { kind: 'managed-hsm', authorization: 'local RBAC' }
    })
    expect(rbacFinding(vault({ enableRbacAuthorization: false }), ctx)).toEqual({
      id: 'vault.rbac',
      outcome: 'fail',
      detail:
        'Vault kv-cmk uses access policies instead of Azure RBAC (enableRbacAuthorization is false).',
      fix: `Give every identity that uses the vault an equivalent Key Vault role first (access policies stop applying), then switch: ${update} --enable-rbac-authorization true\`.`,
      evidence: { enableRbacAuthorization: false }
    })
    expect(rbacFinding(vault(), ctx)).toEqual({
      id: 'vault.rbac',
      outcome: 'pass',
      detail: 'Vault kv-cmk uses Azure RBAC for data-plane access.',
      evidence: { enableRbacAuthorization: true }
    })
  })

  it('vault.network: open, restricted with the bypass, restricted without it', () => {
    expect(
      networkFinding(vault({ publicNetworkAccess: undefined, networkAcls: undefined }), ctx)
    ).toEqual({
      id: 'vault.network',
      outcome: 'pass',
      detail:
        'Vault kv-cmk accepts traffic from all networks (public network access not set, firewall default action not set).',
      evidence: {
        publicNetworkAccess: undefined,
        defaultAction: undefined,
        bypass: undefined,
        ipRules: undefined
      }
    })
    const disabled = hsm({
      publicNetworkAccess: 'disabled',
      networkAcls: {
        bypass: 'azureservices',
        defaultAction: 'Allow',
        ipRules: [],
        virtualNetworkRules: []
      }
    })
    expect(networkFinding(disabled, ctx)).toMatchObject({
      outcome: 'pass',
      detail:
        'On Managed HSM kv-cmk public network access is Disabled and trusted Azure services may bypass it (bypass AzureServices).'
    })
    const denied = hsm({
      networkAcls: { defaultAction: 'deny', ipRules: [], virtualNetworkRules: [] }
    })
    expect(networkFinding(denied, ctx)).toMatchObject({
      outcome: 'fail',
      detail:
        'On Managed HSM kv-cmk the firewall defaults to Deny and trusted Azure services may not bypass it (bypass not set).',
      fix: `Allow trusted Microsoft services to bypass the firewall: ${updateHsm} --bypass AzureServices\`.`
    })
  })

  it('vault.adobe-ip: the rule that lets Adobe in, or the commands that would', () => {
    const acls = (ipRules: string[]) => ({
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules,
      virtualNetworkRules: []
    })
    expect(adobeIpFinding(vault({ networkAcls: acls(['20.88.123.0/24']) }), ctx)).toMatchObject({
      outcome: 'pass',
      detail:
        "The firewall of vault kv-cmk allows Adobe's monitoring address 20.88.123.53 through IP rule 20.88.123.0/24.",
      evidence: { allowingRule: '20.88.123.0/24', ipRules: ['20.88.123.0/24'] }
    })
    expect(adobeIpFinding(hsm({ networkAcls: acls(['198.51.100.0/24']) }), ctx)).toMatchObject({
      outcome: 'fail',
      fix: expect.stringContaining(
        `or allow Adobe's address through its IP network firewall: \`az keyvault network-rule add --hsm-name kv-cmk --ip-address 20.88.123.53 --subscription ${SUBSCRIPTION_ID}\``
      )
    })
    const off = vault({ publicNetworkAccess: 'Disabled', networkAcls: acls(['20.88.123.53']) })
    expect(adobeIpFinding(off, ctx)).toMatchObject({
      outcome: 'fail',
      detail:
        'Public network access is Disabled on vault kv-cmk, which overrides its IP rule 20.88.123.53, so Adobe (20.88.123.53) cannot reach the key: "even with correct permissions, a blocked IP will prevent key access" (Adobe). Adobe raises a "Key access failure" alert: a recoverable error, no data is purged, but Platform cannot use the key until the address is allowed.',
      fix: `Enable public access with a deny-by-default firewall and allow the address: ${update} --public-network-access Enabled --default-action Deny --bypass AzureServices\`, then \`az keyvault network-rule add --name kv-cmk --ip-address 20.88.123.53 --subscription ${SUBSCRIPTION_ID}\`.`
    })
    expect(
      adobeIpFinding(vault({ publicNetworkAccess: 'Disabled', networkAcls: undefined }), ctx).detail
    ).toMatch(/^Public network access is Disabled on vault kv-cmk, so Adobe/)
  })

  it('calls a blocked address a recoverable "Key access failure", never a revocation (Adobe\'s alert reference)', () => {
    const deny = vault({
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: 'Deny',
        ipRules: ['198.51.100.0/24'],
        virtualNetworkRules: []
      }
    })
    const off = vault({ publicNetworkAccess: 'Disabled', networkAcls: undefined })
    for (const finding of [adobeIpFinding(deny, ctx), adobeIpFinding(off, ctx)]) {
      expect(finding.outcome).toBe('fail')
      expect(finding.detail).toContain(
        '"Key access failure" alert: a recoverable error, no data is purged'
      )
      expect(finding.detail).not.toMatch(/revoked|revocation|purges/)
    }
  })
})
