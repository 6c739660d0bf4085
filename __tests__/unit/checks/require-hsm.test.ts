import { keyTypeFinding } from '../../../src/checks/key-checks.js'
import { healthyContext, healthyKey } from './fixtures.js'

const ctx = healthyContext()

describe('key.type with require-hsm', () => {
  it('fails a software-protected RSA key in a vault, naming the Azure Policy and an RSA-HSM fix', () => {
    const finding = keyTypeFinding(
      { ...healthyKey(), keyType: 'RSA' },
      { ...ctx, requireHsm: true, vaultKind: 'vault' }
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('software-protected')
    expect(finding.detail).toContain('587c79fe-dd04-4a5e-9d0b-f89598c7261b')
    expect(finding.fix).toContain(
      '`az keyvault key create --vault-name kv-cmk --name cmk-key --kty RSA-HSM --size 3072 --ops wrapKey unwrapKey`'
    )
  })

  it('passes an RSA-HSM key in a vault', () => {
    const finding = keyTypeFinding(
      { ...healthyKey(), keyType: 'RSA-HSM' },
      { ...ctx, requireHsm: true, vaultKind: 'vault' }
    )
    expect(finding).toMatchObject({
      outcome: 'pass',
      detail: 'Key cmk-key has type RSA-HSM (HSM-backed).'
    })
  })

  it('passes any RSA key in a Managed HSM: every key there is HSM-backed', () => {
    for (const keyType of ['RSA', 'RSA-HSM']) {
      const finding = keyTypeFinding(
        { ...healthyKey(), keyType },
        { ...ctx, requireHsm: true, vaultKind: 'managed-hsm' }
      )
      expect(finding.outcome).toBe('pass')
      expect(finding.detail).toContain('in a Managed HSM (HSM-backed)')
    }
  })

  it('passes a software-protected RSA key without require-hsm, saying so', () => {
    const finding = keyTypeFinding(
      { ...healthyKey(), keyType: 'RSA' },
      { ...ctx, vaultKind: 'vault' }
    )
    expect(finding).toMatchObject({
      outcome: 'pass',
      detail: 'Key cmk-key has type RSA (software-protected).'
    })
  })

  it('still fails a non-RSA key first, with an HSM key type in the fix when HSM is required', () => {
    const finding = keyTypeFinding(
      { ...healthyKey(), keyType: 'EC-HSM' },
      { ...ctx, requireHsm: true, vaultKind: 'managed-hsm' }
    )
    expect(finding.outcome).toBe('fail')
    expect(finding.detail).toContain('Adobe needs RSA or RSA-HSM')
    expect(finding.fix).toContain('--hsm-name kv-cmk --name cmk-key --kty RSA-HSM')
  })
})
