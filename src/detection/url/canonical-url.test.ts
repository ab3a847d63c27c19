import { describe, expect, it } from 'vitest'
import {
  canonicalHost,
  canonicalUrl,
  DEFAULT_TRACKING_PARAMS,
  isBareDomain,
  normalisePercentEncoding,
  parseCanonicalUrl,
  parseHost,
} from './canonical-url.js'
import { trackingParamFilter } from './tracking-params.js'

describe('canonicalUrl', () => {
  it.each([
    // @NOTE Scheme and host: case, IDN, trailing dots, default ports, user info, fragment.
    ['HTTPS://Evil.Example.:443/a#b', 'https://evil.example/a'],
    ['http://EXAMPLE.com', 'http://example.com/'],
    ['http://example.com:80/', 'http://example.com/'],
    ['http://example.com:443/', 'http://example.com:443/'],
    ['https://example.com:8443/x', 'https://example.com:8443/x'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
    ['https://BÜCHER.example/', 'https://xn--bcher-kva.example/'],
    ['https://xn--bcher-kva.example/', 'https://xn--bcher-kva.example/'],
    ['https://пример.рф/путь', 'https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C'],
    ['http://example.com../x', 'http://example.com/x'],
    ['http://user:pass@example.com/', 'http://example.com/'],
    ['http://example.com/#', 'http://example.com/'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['ftp://Example.com:21/f', 'ftp://example.com/f'],
    ['wss://example.com:443/', 'wss://example.com/'],
    // @NOTE IP addresses.
    ['http://0x7f.0.0.1/', 'http://127.0.0.1/'],
    ['http://2130706433/', 'http://127.0.0.1/'],
    ['http://[2001:DB8::1]:80/x', 'http://[2001:db8::1]/x'],
    // @NOTE Paths: dot segments, backslashes, percent-encoding.
    ['http://example.com/a/./b/../c', 'http://example.com/a/c'],
    ['http://example.com/a/%2e%2e/b', 'http://example.com/b'],
    ['http://example.com/../../x', 'http://example.com/x'],
    ['http://example.com\\a\\b', 'http://example.com/a/b'],
    ['http://example.com/%7Euser', 'http://example.com/~user'],
    ['http://example.com/%7euser/%41%62%2D%5f', 'http://example.com/~user/Ab-_'],
    ['http://example.com/a%2fb', 'http://example.com/a%2Fb'],
    ['http://example.com/caf%c3%a9', 'http://example.com/caf%C3%A9'],
    ['http://example.com/café', 'http://example.com/caf%C3%A9'],
    ['http://example.com/a b', 'http://example.com/a%20b'],
    ['http://example.com/Login/', 'http://example.com/Login/'],
    // @NOTE Queries: tracking parameters out, the rest kept in order.
    ['http://example.com/?', 'http://example.com/'],
    ['http://example.com/?utm_source=x&utm_medium=y', 'http://example.com/'],
    ['http://example.com/p?id=1&utm_campaign=z&fbclid=abc&b=2', 'http://example.com/p?id=1&b=2'],
    ['http://example.com/p?b=2&a=1', 'http://example.com/p?b=2&a=1'],
    [
      'http://example.com/p?UTM_Source=x&gclid=1&mc_eid=2&igshid=3&si=4&ref_src=5&q=ok',
      'http://example.com/p?q=ok',
    ],
    ['http://example.com/p?%75tm_source=x&q=1', 'http://example.com/p?q=1'],
    ['http://example.com/p?a=1&&b=2&', 'http://example.com/p?a=1&b=2'],
    ['http://example.com/p?q=%7e%2f', 'http://example.com/p?q=~%2F'],
    ['http://example.com/p?q=a+b&flag', 'http://example.com/p?q=a+b&flag'],
    ['http://example.com/p?utm=1&sid=2', 'http://example.com/p?utm=1&sid=2'],
    ['http://example.com/p?a=1#utm_source=x', 'http://example.com/p?a=1'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected)
  })

  it.each([
    'not a url',
    'mailto:a@example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/plain,hi',
    'example.com/x',
    'http://',
    'http://./',
    'http://exa mple.com/',
    '',
  ])('refuses %j', (input) => {
    expect(canonicalUrl(input)).toBeUndefined()
  })

  it('reads a value without a scheme as http when asked', () => {
    expect(canonicalUrl('Example.com/x', { assumeScheme: true })).toBe('http://example.com/x')
    expect(canonicalUrl('//example.com/x', { assumeScheme: true })).toBe('http://example.com/x')
    expect(canonicalUrl('example.com:8080', { assumeScheme: true })).toBe(
      'http://example.com:8080/',
    )
    expect(canonicalUrl('https://example.com', { assumeScheme: true })).toBe('https://example.com/')
  })

  it('takes another list of tracking parameters', () => {
    const options = { trackingParams: ['ref', 'src_*'] }
    expect(canonicalUrl('http://e.com/?ref=1&src_a=2&utm_source=3&x=4', options)).toBe(
      'http://e.com/?utm_source=3&x=4',
    )
    expect(canonicalUrl('http://e.com/?fbclid=1', { trackingParams: [] })).toBe(
      'http://e.com/?fbclid=1',
    )
  })

  it('gives the canonical host beside the URL', () => {
    expect(parseCanonicalUrl('https://WWW.Bücher.example.:443/x')).toEqual({
      href: 'https://www.xn--bcher-kva.example/x',
      host: 'www.xn--bcher-kva.example',
    })
  })

  it('is idempotent', () => {
    const once = canonicalUrl('HTTP://A.example:80/%7e/./b/../c?utm_x=1&q=%2f#f') as string
    expect(once).toBe('http://a.example/~/c?q=%2F')
    expect(canonicalUrl(once)).toBe(once)
  })
})

describe('percent-encoding and tracking parameters', () => {
  it('decodes unreserved characters and upper-cases the others', () => {
    expect(normalisePercentEncoding('%41%7a%30%2d%2e%5f%7e')).toBe('Az0-._~')
    expect(normalisePercentEncoding('%2f%3a%20%c3%a9%25')).toBe('%2F%3A%20%C3%A9%25')
    expect(normalisePercentEncoding('%zz%4')).toBe('%zz%4')
  })

  it('lists the usual tracking parameters and matches names by prefix and without case', () => {
    expect(DEFAULT_TRACKING_PARAMS).toEqual(
      expect.arrayContaining(['utm_*', 'fbclid', 'gclid', 'mc_eid', 'igshid', 'si', 'ref_src']),
    )
    const isTracking = trackingParamFilter(DEFAULT_TRACKING_PARAMS)
    expect(['utm_source', 'UTM_TERM', 'utm_', 'FbClId'].every(isTracking)).toBe(true)
    expect(['utm', 'id', 'ref', 'q', 'sid'].some(isTracking)).toBe(false)
  })
})

describe('hosts', () => {
  it('tells bare domains and IPs from URLs', () => {
    for (const value of [
      'evil.example',
      'sub.evil-site.example',
      '*.evil.example',
      'evil.example.',
    ]) {
      expect(isBareDomain(value)).toBe(true)
    }
    for (const value of ['bücher.example', '203.0.113.5', '2001:db8::1', '[2001:db8::1]']) {
      expect(isBareDomain(value)).toBe(true)
    }
    for (const value of [
      'https://evil.example',
      'evil.example/path',
      'evil.example:8080',
      'a b.c',
    ]) {
      expect(isBareDomain(value)).toBe(false)
    }
  })

  it('canonicalises hosts', () => {
    expect(canonicalHost(' Evil.Example.. ')).toBe('evil.example')
    expect(canonicalHost('BÜCHER.example')).toBe('xn--bcher-kva.example')
    expect(canonicalHost('2001:DB8:0::1')).toBe('[2001:db8::1]')
    expect(canonicalHost('0x7f.1')).toBe('127.0.0.1')
    expect(canonicalHost('No Host')).toBe('no host')
  })

  it('parses a host alone and nothing more', () => {
    expect(parseHost('Evil.Example.')).toBe('evil.example')
    expect(parseHost('evil.example/x')).toBeUndefined()
    expect(parseHost('evil.example:80')).toBeUndefined()
    expect(parseHost('user@evil.example')).toBeUndefined()
    expect(parseHost('...')).toBeUndefined()
  })
})
