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

describe('IPv4 edges a firewall rule may have', () => {
  it('takes an address with spaces around it', () => {
    expect(parseIpv4(' 20.88.123.53 ')).toBe(parseIpv4('20.88.123.53'))
  })

  it('refuses octets with more than three digits or other characters around them', () => {
    expect(parseIpv4('1.2.3.0004')).toBeUndefined()
    expect(parseIpv4('1.2.3.x4')).toBeUndefined()
    expect(parseIpv4('1.2.3.4x')).toBeUndefined()
  })

  it.each([
    ['a rule with two prefixes', '20.88.123.0/24/8'],
    ['an empty rule', ''],
    ['a prefix of three digits', '20.88.123.0/024'],
    ['a prefix with a sign', '20.88.123.0/+24'],
    ['a prefix with a trailing letter', '20.88.123.0/24x'],
    ['a prefix above 32', '20.88.123.0/40']
  ])('never allows through %s', (_, rule) => {
    expect(ipv4RuleAllows(rule, '20.88.123.53')).toBe(false)
  })

  it('allows nothing for an address that is not IPv4', () => {
    expect(ipv4RuleAllows('0.0.0.0/0', 'not-an-ip')).toBe(false)
  })

  it('takes a rule with spaces around it', () => {
    expect(ipv4RuleAllows(' 20.88.123.0/24 ', '20.88.123.53')).toBe(true)
  })
})
