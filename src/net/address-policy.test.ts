import { describe, expect, it } from 'vitest'
import {
  assertFetchableUrl,
  blockedAddressKind,
  ipv6Groups,
  isBlockedAddress,
} from './address-policy.js'
import { OutboundRequestError } from './outbound-request-error.js'

// @NOTE Pure checks only: nothing here opens a socket or resolves a name.

function refusal(run: () => unknown): OutboundRequestError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(OutboundRequestError)
    return error as OutboundRequestError
  }
  throw new Error('expected a refusal')
}

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['0.1.2.3', 'unspecified ("this network")'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.0.8', 'reserved (IETF protocol assignments)'],
  ])('blocks IPv4 %s (%s)', (ip, kind) => {
    expect(isBlockedAddress(ip)).toBe(true)
    expect(blockedAddressKind(ip)).toBe(kind)
  })

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2002:7f00:1::1', '6to4'],
    ['2001::1', 'reserved (IETF protocol assignments)'],
    ['100::1', 'discard-only'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b:1::1', 'reserved'],
    ['::127.0.0.1', 'reserved'],
    ['4000::1', 'reserved'],
  ])('blocks IPv6 %s (%s)', (ip, kind) => {
    expect(isBlockedAddress(ip)).toBe(true)
    expect(blockedAddressKind(ip)).toBe(kind)
  })

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '2606:4700::1',
    '2001:4860:4860::8888',
    '2a00:1450:4009:81f::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('allows public %s', (ip) => {
    expect(isBlockedAddress(ip)).toBe(false)
    expect(blockedAddressKind(ip)).toBeUndefined()
  })

  it.each(['', 'localhost', 'example.com', '2130706433', '0x7f.1', '0127.0.0.1', '1.2.3'])(
    'fails closed on %j, which is not a canonical IP address',
    (text) => {
      expect(isBlockedAddress(text)).toBe(true)
    },
  )
})

describe('ipv6Groups', () => {
  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['fe80::', [0xfe80, 0, 0, 0, 0, 0, 0, 0]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['2606:4700::1:2', [0x2606, 0x4700, 0, 0, 0, 0, 1, 2]],
    ['::ffff:127.0.0.1', [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ['64:ff9b::192.0.2.33', [0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0221]],
  ])('parses %s', (address, groups) => {
    expect(ipv6Groups(address)).toEqual(groups)
  })
})

describe('assertFetchableUrl', () => {
  it('returns the parsed URL for public http and https URLs', () => {
    expect(assertFetchableUrl('https://hooks.example.com/vigil?x=1', false).href).toBe(
      'https://hooks.example.com/vigil?x=1',
    )
    expect(assertFetchableUrl('http://8.8.8.8:8080/', false).port).toBe('8080')
    expect(assertFetchableUrl('http://[2606:4700::1]/', false).hostname).toBe('[2606:4700::1]')
  })

  it.each([
    'http://localhost/',
    'http://LOCALHOST./',
    'http://api.localhost:3000/',
    'http://127.0.0.1/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://%31%32%37.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://10.0.0.5/',
    'http://172.16.3.4/',
    'http://192.168.0.10/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://198.18.0.1/',
    'http://[fc00::1]/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://0/',
    'http://[::]/',
    'https://224.0.0.1/',
  ])('refuses %s as blocked_address unless private networks are allowed', (url) => {
    expect(refusal(() => assertFetchableUrl(url, false)).reason).toBe('blocked_address')
    expect(assertFetchableUrl(url, true)).toBeInstanceOf(URL)
  })

  it('explains the refusal and how to lift it', () => {
    const error = refusal(() => assertFetchableUrl('http://2130706433/admin', false))
    expect(error.message).toBe(
      'refused to connect to 127.0.0.1: it is a loopback address, and private and loopback ' +
        'addresses are blocked (set VIGIL_ALLOW_PRIVATE_NETWORK=true to allow them)',
    )
    expect(error.code).toBe('invalid_input')
    expect(error.details).toEqual({ reason: 'blocked_address' })
  })

  it.each([
    'ftp://example.com/file',
    'file:///etc/passwd',
    'gopher://example.com/',
    'javascript:alert(1)',
    'data:text/plain,hi',
  ])('refuses the scheme of %s as bad_url, even with private networks allowed', (url) => {
    const error = refusal(() => assertFetchableUrl(url, true))
    expect(error.reason).toBe('bad_url')
    expect(error.message).toMatch(/only http: and https: URLs are allowed/)
  })

  it.each([
    'https://alice:hunter2@example.com/',
    'https://alice@example.com/',
    'https://:hunter2@example.com/',
  ])('refuses credentials in %s without echoing them', (url) => {
    const error = refusal(() => assertFetchableUrl(url, true))
    expect(error.reason).toBe('bad_url')
    expect(error.message).not.toMatch(/alice|hunter2/)
  })

  it.each(['', 'not a url', '/relative/path', 'http://', 'http://exa mple.com/'])(
    'refuses %j as bad_url',
    (url) => {
      expect(refusal(() => assertFetchableUrl(url, true)).reason).toBe('bad_url')
    },
  )

  it('does not quote an unparseable URL, which may carry a token', () => {
    const error = refusal(() => assertFetchableUrl('https://exa mple.com/?token=s3cr3t', true))
    expect(error.message).not.toContain('s3cr3t')
    expect(error.cause).toBeUndefined()
  })
})
