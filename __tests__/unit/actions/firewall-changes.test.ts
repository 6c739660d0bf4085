import { describeChanges, firewallChanges } from '../../../src/actions/firewall-changes.js'

describe('firewallChanges', () => {
  it('finds nothing when the rules read back are the ones sent, in any order', () => {
    expect(
      firewallChanges(['198.51.100.0/24', '20.88.123.53'], ['20.88.123.53', '198.51.100.0/24'])
    ).toEqual({ removed: [], added: [] })
  })

  it('takes an address and its /32 for the same rule, as Key Vault shows them', () => {
    expect(firewallChanges(['20.88.123.53'], ['20.88.123.53/32'])).toEqual({
      removed: [],
      added: []
    })
    expect(firewallChanges(['203.0.113.7/32'], ['203.0.113.7'])).toEqual({ removed: [], added: [] })
  })

  it('names what is gone and what is new, and a /24 is not its /32', () => {
    const changes = firewallChanges(
      ['198.51.100.0/24', '20.88.123.53'],
      ['198.51.100.0/32', '20.88.123.53']
    )
    expect(changes).toEqual({ removed: ['198.51.100.0/24'], added: ['198.51.100.0/32'] })
    expect(describeChanges(changes)).toBe('198.51.100.0/24 removed, 198.51.100.0/32 added')
    expect(describeChanges({ removed: [], added: [] })).toBe('')
  })
})
