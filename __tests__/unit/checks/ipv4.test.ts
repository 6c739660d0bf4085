import { ipv4RuleAllows, parseIpv4 } from '../../../src/checks/ipv4.js'

describe('parseIpv4', () => {
  it('parses dotted quads and rejects anything else', () => {
    expect(parseIpv4('20.88.123.53')).toBe(((20 * 256 + 88) * 256 + 123) * 256 + 53)
    expect(parseIpv4('255.255.255.255')).toBe(2 ** 32 - 1)
    expect(parseIpv4('256.1.1.1')).toBeUndefined()
    expect(parseIpv4('1.2.3')).toBeUndefined()
    expect(parseIpv4('a.b.c.d')).toBeUndefined()
    expect(parseIpv4('::1')).toBeUndefined()
  })
})

describe('ipv4RuleAllows', () => {
  const ip = '20.88.123.53'
  it.each([
    ['20.88.123.53', true],
    ['20.88.123.53/32', true],
    ['20.88.123.0/24', true],
    ['20.88.0.0/16', true],
    ['20.0.0.0/8', true],
    ['0.0.0.0/0', true],
    ['20.88.123.52/31', true],
    ['20.88.123.54/31', false],
    ['20.88.123.54', false],
    ['20.88.124.0/24', false],
    ['20.88.123.0/33', false],
    ['20.88.123.0/x', false],
    ['not-an-ip', false],
    [' 20.88.123.53 ', true]
  ])('rule %s -> %s', (rule, allowed) => {
    expect(ipv4RuleAllows(rule, ip)).toBe(allowed)
  })
})
