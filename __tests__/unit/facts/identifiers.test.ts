import { isGuid, keyIdentifierProblem } from '../../../src/model/identifiers.js'

const VAULT = 'https://kv-aep.vault.azure.net/'
const VERSION = '7d3e9a1f4c2b4e8d9f0a1b2c3d4e5f60'

describe('isGuid', () => {
  it('accepts GUIDs only', () => {
    expect(isGuid('8a1e6d1c-3f7b-4c5e-9a2d-0b4f6e8c1d35')).toBe(true)
    expect(isGuid('8A1E6D1C-3F7B-4C5E-9A2D-0B4F6E8C1D35')).toBe(true)
    expect(isGuid('8a1e6d1c-3f7b-4c5e-9a2d-0b4f6e8c1d35\n')).toBe(false)
    expect(isGuid('8a1e6d1c')).toBe(false)
    expect(isGuid(null)).toBe(false)
  })
})

describe('keyIdentifierProblem', () => {
  it('accepts a versioned identifier of this key in this vault (key name case-insensitive)', () => {
    expect(
      keyIdentifierProblem(`${VAULT}keys/aep-key/${VERSION}`, VAULT, 'aep-key')
    ).toBeUndefined()
    expect(
      keyIdentifierProblem(`${VAULT}keys/AEP-Key/${VERSION}`, VAULT, 'aep-key')
    ).toBeUndefined()
  })

  it.each([
    [`${VAULT}keys/aep-key/${VERSION}\n::stop-commands::x`, /white space or control/],
    [`https://other.vault.azure.net/keys/aep-key/${VERSION}`, /host is not the vault's/],
    [`http://kv-aep.vault.azure.net/keys/aep-key/${VERSION}`, /not a plain https URL/],
    [`${VAULT}keys/aep-key/${VERSION}?x=1`, /not a plain https URL/],
    [`${VAULT}keys/other-key/${VERSION}`, /path is not \/keys\/aep-key\//],
    [`${VAULT}keys/aep-key`, /path is not/],
    [`${VAULT}keys/aep-key/not-a-version`, /path is not/],
    ['not a url', /not a URL/]
  ])('refuses %j', (id, problem) => {
    expect(keyIdentifierProblem(id, VAULT, 'aep-key')).toMatch(problem)
  })
})
