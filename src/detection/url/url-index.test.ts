import { describe, expect, it } from 'vitest'
import { listEntry } from '../../../test/factories.js'
import type { ListEntry } from '../matcher.js'
import { resolveUrl } from './extract-urls.js'
import { hostAndParents, matchKey, parseUrlListValue, UrlIndex } from './url-index.js'

function indexWith(...values: string[]): UrlIndex {
  const index = new UrlIndex()
  for (const value of values) index.add(listEntry(value))
  return index
}

/** [list value, matched by] for each hit on a URL. */
function hits(index: UrlIndex, url: string): [string, string][] {
  const resolved = resolveUrl(url)
  if (resolved === undefined) throw new Error(`not a URL: ${url}`)
  return index.lookup(resolved).map((hit) => [hit.entry.value, hit.matchedBy])
}

describe('parseUrlListValue', () => {
  it.each([
    ['evil.example', { kind: 'domain', host: 'evil.example' }],
    ['  *.Evil.Example. ', { kind: 'domain', host: 'evil.example' }],
    ['bücher.example', { kind: 'domain', host: 'xn--bcher-kva.example' }],
    ['203.0.113.5', { kind: 'domain', host: '203.0.113.5' }],
    ['2001:DB8::1', { kind: 'domain', host: '[2001:db8::1]' }],
    [
      'https://Evil.Example/a?utm_source=x',
      { kind: 'url', key: 'evil.example/a', host: 'evil.example' },
    ],
    ['evil.example/a', { kind: 'url', key: 'evil.example/a', host: 'evil.example' }],
    ['evil.example:8080', { kind: 'url', key: 'evil.example:8080/', host: 'evil.example' }],
    ['ftp://evil.example/f', { kind: 'url', key: 'ftp://evil.example/f', host: 'evil.example' }],
    [
      'https://evil.example/files/*',
      { kind: 'prefix', key: 'evil.example/files/', host: 'evil.example' },
    ],
    ['evil.example*', { kind: 'prefix', key: 'evil.example/', host: 'evil.example' }],
    ['evil.example/a?*', { kind: 'prefix', key: 'evil.example/a?', host: 'evil.example' }],
    [
      'evil.example/a?id=1&*',
      { kind: 'prefix', key: 'evil.example/a?id=1&', host: 'evil.example' },
    ],
  ])('%j', (value, rule) => {
    expect(parseUrlListValue(value)).toEqual(rule)
  })

  it.each(['', 'not a url at all', 'mailto:a@b.example', 'http://', 'a b.example'])(
    'refuses %j',
    (value) => {
      expect(parseUrlListValue(value)).toBeUndefined()
    },
  )

  it('keys http and https alike and other schemes apart', () => {
    expect(matchKey('https://a.example/x')).toBe('a.example/x')
    expect(matchKey('http://a.example/x')).toBe('a.example/x')
    expect(matchKey('ftp://a.example/x')).toBe('ftp://a.example/x')
  })
})

describe('UrlIndex by domain', () => {
  const index = indexWith('evil.co.uk', 'evil.example', 'co.uk')

  it('matches the registrable domain and every subdomain', () => {
    expect(hits(index, 'https://evil.co.uk/')).toEqual([['evil.co.uk', 'domain']])
    expect(hits(index, 'https://a.b.evil.co.uk/x')).toEqual([['evil.co.uk', 'domain']])
    expect(hits(index, 'https://cdn.eu.evil.example:8443/x.png')).toEqual([
      ['evil.example', 'domain'],
    ])
  })

  it('matches no lookalike, parent or suffix, and a listed public suffix only as that host', () => {
    expect(hits(index, 'https://notevil.co.uk/')).toEqual([])
    expect(hits(index, 'https://evil.co.uk.example/')).toEqual([])
    expect(hits(index, 'https://other.co.uk/')).toEqual([])
    expect(hits(index, 'https://co.uk/')).toEqual([['co.uk', 'domain']])
  })

  it('matches a subdomain entry below its parent, and both when both are listed', () => {
    const nested = indexWith('evil.example', 'cdn.evil.example')
    expect(hits(nested, 'https://x.cdn.evil.example/')).toEqual([
      ['cdn.evil.example', 'domain'],
      ['evil.example', 'domain'],
    ])
    expect(hits(nested, 'https://www.evil.example/')).toEqual([['evil.example', 'domain']])
  })

  it('matches IP addresses as themselves only', () => {
    const ips = indexWith('203.0.113.5', '2001:db8::1')
    expect(hits(ips, 'http://203.0.113.5:8080/x')).toEqual([['203.0.113.5', 'domain']])
    expect(hits(ips, 'http://0xcb.0.113.5/')).toEqual([['203.0.113.5', 'domain']])
    expect(hits(ips, 'http://203.0.113.50/')).toEqual([])
    expect(hits(ips, 'http://[2001:db8:0::1]/')).toEqual([['2001:db8::1', 'domain']])
  })

  it('walks from the host down to its registrable domain only', () => {
    expect(hostAndParents('a.b.evil.co.uk', 'evil.co.uk')).toEqual([
      'a.b.evil.co.uk',
      'b.evil.co.uk',
      'evil.co.uk',
    ])
    expect(hostAndParents('co.uk', null)).toEqual(['co.uk'])
    expect(hostAndParents('203.0.113.5', null)).toEqual(['203.0.113.5'])
  })
})

describe('UrlIndex by exact URL and by prefix', () => {
  it('matches an exact URL through http or https, tracking parameters and case of the host', () => {
    const index = indexWith('https://phish.example/login?id=1')
    expect(hits(index, 'HTTP://Phish.Example./login?utm_source=x&id=1#top')).toEqual([
      ['https://phish.example/login?id=1', 'url'],
    ])
    expect(hits(index, 'https://phish.example/login?id=2')).toEqual([])
    expect(hits(index, 'https://phish.example:8443/login?id=1')).toEqual([])
  })

  it('matches a prefix on its own host only, as a plain string prefix', () => {
    const index = indexWith('https://evil.example/files/*', 'evil.example/dl*')
    expect(hits(index, 'http://evil.example/files/a/b?x=1')).toEqual([
      ['https://evil.example/files/*', 'prefix'],
    ])
    expect(hits(index, 'https://evil.example/dl2.exe')).toEqual([['evil.example/dl*', 'prefix']])
    expect(hits(index, 'https://evil.example/dl')).toEqual([['evil.example/dl*', 'prefix']])
    expect(hits(index, 'https://evil.example/files')).toEqual([])
    expect(hits(index, 'https://evil.example/filesX/a')).toEqual([])
    expect(hits(index, 'https://www.evil.example/files/a')).toEqual([])
    expect(hits(index, 'https://evil.example/d')).toEqual([])
  })

  it('gives every kind of hit, exact first, then prefixes shortest first, then domains', () => {
    const index = indexWith(
      'evil.example',
      'evil.example/a/b',
      'evil.example/a/*',
      'evil.example*',
      'evil.example/a/b*',
    )
    expect(hits(index, 'https://evil.example/a/b')).toEqual([
      ['evil.example/a/b', 'url'],
      ['evil.example*', 'prefix'],
      ['evil.example/a/*', 'prefix'],
      ['evil.example/a/b*', 'prefix'],
      ['evil.example', 'domain'],
    ])
  })
})

describe('UrlIndex changes', () => {
  it('adds, replaces and removes entries one at a time', () => {
    const index = new UrlIndex()
    const domain = listEntry('evil.example')
    const prefix = listEntry('evil.example/x/*')
    const short = listEntry('evil.example/*')
    for (const entry of [domain, prefix, short]) index.add(entry)
    expect(index.size).toBe(3)
    expect(hits(index, 'https://evil.example/x/1')).toHaveLength(3)
    index.remove(prefix.entryId)
    expect(hits(index, 'https://evil.example/x/1')).toEqual([
      ['evil.example/*', 'prefix'],
      ['evil.example', 'domain'],
    ])
    index.add({ ...short, value: 'other.example' })
    expect(hits(index, 'https://evil.example/x/1')).toEqual([['evil.example', 'domain']])
    expect(hits(index, 'https://other.example/')).toEqual([['other.example', 'domain']])
    expect(index.remove(domain.entryId)).toBe(true)
    expect(index.remove(domain.entryId)).toBe(false)
    expect(index.size).toBe(1)
    index.clear()
    expect(index.size).toBe(0)
  })

  it('refuses a value that is neither a URL nor a host', () => {
    const index = new UrlIndex()
    expect(index.add(listEntry('not a url at all'))).toBeUndefined()
    expect(index.size).toBe(0)
  })

  it('looks up 100k domain entries without scanning them', () => {
    const entries: ListEntry[] = []
    for (let i = 0; i < 100_000; i++)
      entries.push(listEntry(`site${i}.example`, { entryId: `e${i}` }))
    const index = new UrlIndex()
    for (const entry of entries) index.add(entry)
    expect(hits(index, 'https://a.b.site99999.example/x')).toEqual([
      ['site99999.example', 'domain'],
    ])
    expect(hits(index, 'https://site100000.example/')).toEqual([])
    const started = performance.now()
    for (let i = 0; i < 10_000; i++)
      index.lookup({
        canonical: `https://x.site${i}.example/`,
        host: `x.site${i}.example`,
        domain: `site${i}.example`,
      })
    // @NOTE Generous: a scan over the entries would take seconds; the lookups take milliseconds.
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
