import { describe, expect, it } from 'vitest'
import { extractUrls, resolveUrl } from './extract-urls.js'

/** [raw, canonical] of each URL found. */
function found(text: string): [string, string][] {
  return extractUrls(text).map((url) => [url.raw, url.canonical])
}

describe('extractUrls with a scheme', () => {
  it('finds links with their offsets, host and registrable domain', () => {
    const text = 'log in at https://WWW.Phish.co.uk/login?utm_source=x now'
    expect(extractUrls(text)).toEqual([
      {
        start: 10,
        end: 52,
        raw: 'https://WWW.Phish.co.uk/login?utm_source=x',
        canonical: 'https://www.phish.co.uk/login',
        host: 'www.phish.co.uk',
        domain: 'phish.co.uk',
        bare: false,
        obfuscated: false,
      },
    ])
  })

  it('leaves out the punctuation around a link', () => {
    expect(found('(see https://x.example/a).')).toEqual([
      ['https://x.example/a', 'https://x.example/a'],
    ])
    expect(found('<https://x.example/a>, "https://x.example/b"')).toEqual([
      ['https://x.example/a', 'https://x.example/a'],
      ['https://x.example/b', 'https://x.example/b'],
    ])
    expect(found('[docs](https://x.example/a_(b)) !')).toEqual([
      ['https://x.example/a_(b)', 'https://x.example/a_(b)'],
    ])
    expect(found('really? https://x.example/a!!')).toEqual([
      ['https://x.example/a', 'https://x.example/a'],
    ])
  })

  it('keeps a trailing dot after the host, and the path after it', () => {
    expect(found('go https://PHISH.Example./login#top')).toEqual([
      ['https://PHISH.Example./login#top', 'https://phish.example/login'],
    ])
  })

  it('accepts any host after a scheme, but finds a domain in a query only as part of its link', () => {
    expect(found('http://intranet/x and ftp://files.example/f')).toEqual([
      ['http://intranet/x', 'http://intranet/x'],
      ['ftp://files.example/f', 'ftp://files.example/f'],
    ])
    expect(found('https://good.example/?ref=evil.com')).toEqual([
      ['https://good.example/?ref=evil.com', 'https://good.example/?ref=evil.com'],
    ])
  })

  it('finds IDNs and IP addresses', () => {
    expect(found('https://bücher.example/buy http://[2001:db8::1]:8080/x')).toEqual([
      ['https://bücher.example/buy', 'https://xn--bcher-kva.example/buy'],
      ['http://[2001:db8::1]:8080/x', 'http://[2001:db8::1]:8080/x'],
    ])
  })

  it('counts offsets in UTF-16 code units, as JavaScript strings do', () => {
    const text = '😀 é https://x.example/'
    const [url] = extractUrls(text)
    expect(url?.start).toBe(5)
    expect(text.slice(url?.start, url?.end)).toBe('https://x.example/')
  })
})

describe('extractUrls without a scheme', () => {
  it('finds domains that end in a public suffix', () => {
    expect(found('see evil.io, bad.ai or a.b.bad.co.uk; www.google.com/maps?q=1')).toEqual([
      ['evil.io', 'http://evil.io/'],
      ['bad.ai', 'http://bad.ai/'],
      ['a.b.bad.co.uk', 'http://a.b.bad.co.uk/'],
      ['www.google.com/maps?q=1', 'http://www.google.com/maps?q=1'],
    ])
    expect(found('bücher.de, evil.xyz/dl, evil.com:8080/x, //evil.com/y')).toEqual([
      ['bücher.de', 'http://xn--bcher-kva.de/'],
      ['evil.xyz/dl', 'http://evil.xyz/dl'],
      ['evil.com:8080/x', 'http://evil.com:8080/x'],
      ['//evil.com/y', 'http://evil.com/y'],
    ])
  })

  it('finds bare IPv4 addresses', () => {
    expect(extractUrls('from 203.0.113.5 today')).toMatchObject([
      { raw: '203.0.113.5', host: '203.0.113.5', domain: null, bare: true },
    ])
  })

  it.each([
    'I use node.js, e.g. for scripts.',
    'open file.txt and notes.docx, then config.yaml',
    'See i.e. the end.of the line',
    'pi is 3.14 and v2.0.1 is out',
    'write to user@evil.com or mailto:user@evil.com',
    'a...b, x..com, .com alone, co.uk alone',
    'evil.example and test.invalid and my.localhost',
    'Mr.Smith went home',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('extractUrls with defanged links', () => {
  it.each([
    ['visit example[.]com now', 'example[.]com', 'http://example.com/'],
    ['visit example(.)com now', 'example(.)com', 'http://example.com/'],
    ['visit example{.}com now', 'example{.}com', 'http://example.com/'],
    ['visit example [dot] com now', 'example [dot] com', 'http://example.com/'],
    ['visit example(DOT)com now', 'example(DOT)com', 'http://example.com/'],
    ['get hxxp://evil.com/x', 'hxxp://evil.com/x', 'http://evil.com/x'],
    ['get hXXps://evil.com/x', 'hXXps://evil.com/x', 'https://evil.com/x'],
    ['get h**p://evil.com/x', 'h**p://evil.com/x', 'http://evil.com/x'],
    ['get http[:]//evil.com/x', 'http[:]//evil.com/x', 'http://evil.com/x'],
    ['get https(:)//evil.com/x', 'https(:)//evil.com/x', 'https://evil.com/x'],
    ['get hxxp[://]evil[.]com/x', 'hxxp[://]evil[.]com/x', 'http://evil.com/x'],
    [
      'get hxxps[:]//www[.]evil[.]co[.]uk/a[.]php',
      'hxxps[:]//www[.]evil[.]co[.]uk/a[.]php',
      'https://www.evil.co.uk/a.php',
    ],
    ['get 203[.]0[.]113[.]5 now', '203[.]0[.]113[.]5', 'http://203.0.113.5/'],
  ])('%j', (text, raw, canonical) => {
    const [url, ...rest] = extractUrls(text)
    expect(rest).toEqual([])
    expect(url).toMatchObject({ raw, canonical, obfuscated: true })
    expect(text.slice(url?.start, url?.end)).toBe(raw)
  })

  it('keeps the offsets of later links right after a defanged one', () => {
    const text = 'a [.] b, evil[.]com and then https://x.example/ok'
    expect(extractUrls(text).map((u) => [u.raw, u.start, u.obfuscated])).toEqual([
      ['evil[.]com', 9, true],
      ['https://x.example/ok', 29, false],
    ])
  })

  it('does not read a bare "dot" or lone brackets as a dot', () => {
    expect(found('the red dot design and a [.] alone, (example) com')).toEqual([])
  })
})

describe('extractUrls options and resolveUrl', () => {
  it('passes the tracking parameters through', () => {
    const [url] = extractUrls('https://x.example/?ref=1&id=2', { trackingParams: ['ref'] })
    expect(url?.canonical).toBe('https://x.example/?id=2')
  })

  it('resolves a URL on its own, reading a missing scheme as http', () => {
    expect(resolveUrl('Sub.Evil.co.uk/x')).toEqual({
      canonical: 'http://sub.evil.co.uk/x',
      host: 'sub.evil.co.uk',
      domain: 'evil.co.uk',
    })
    expect(resolveUrl('mailto:a@b.example')).toBeUndefined()
  })

  it('returns nothing for empty text', () => {
    expect(extractUrls('')).toEqual([])
  })
})
