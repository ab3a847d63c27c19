import { describe, expect, it } from 'vitest'
import { listEntry, matchInput } from '../../../test/factories.js'
import type { ListEntry } from '../matcher.js'
import { canonicalHost, canonicalUrl, isBareDomain, UrlListMatcher } from './url-list-matcher.js'

function matcherWith(...entries: ListEntry[]): UrlListMatcher {
  const matcher = new UrlListMatcher()
  matcher.load(entries)
  return matcher
}

/** [list value, matched by, url] for each signal. */
function hits(matcher: UrlListMatcher, text: string, url: string | null = null) {
  return matcher
    .match(matchInput({ text, url }))
    .map((s) => [s.evidence.listValue, s.evidence.matchedBy, s.evidence.url])
}

describe('UrlListMatcher with an exact URL', () => {
  const matcher = matcherWith(listEntry('https://phish.example/login'))

  it('matches the URL in text and as the content URL, with the evidence', () => {
    const entry = listEntry('https://phish.example/login', {
      harm: 'illegal.fraud',
      action: 'hold',
    })
    const signals = matcherWith(entry).match(
      matchInput({ text: 'log in at https://phish.example/login now' }),
    )
    expect(signals).toEqual([
      {
        source: 'url_list',
        harm: 'illegal.fraud',
        score: 1,
        action: 'hold',
        matcher: 'url_list',
        evidence: {
          bank: entry.bankName,
          bankId: entry.bankId,
          entryId: entry.entryId,
          listValue: 'https://phish.example/login',
          url: 'https://phish.example/login',
          canonical: 'https://phish.example/login',
          matchedBy: 'url',
          offsets: [10, 37],
        },
      },
    ])
    expect(hits(matcher, '', 'https://phish.example/login')).toHaveLength(1)
  })

  it('ignores the case of scheme and host, a trailing dot, the fragment and punctuation after it', () => {
    expect(hits(matcher, 'HTTPS://PHISH.Example./login#top')).toHaveLength(1)
    expect(hits(matcher, '(see https://phish.example/login).')).toEqual([
      ['https://phish.example/login', 'url', 'https://phish.example/login'],
    ])
  })

  it('does not match another path, query or host', () => {
    expect(hits(matcher, 'https://phish.example/login/other')).toEqual([])
    expect(hits(matcher, 'https://phish.example/LOGIN')).toEqual([])
    expect(hits(matcher, 'https://phish.example/login?next=1')).toEqual([])
    expect(hits(matcher, 'https://phish.example/')).toEqual([])
    expect(hits(matcher, 'https://www.phish.example/login')).toEqual([])
  })

  it('canonicalises the bank value the same way', () => {
    const loose = matcherWith(listEntry('  HTTPS://Phish.Example./login#frag '))
    expect(hits(loose, 'https://phish.example/login')).toHaveLength(1)
  })
})

describe('UrlListMatcher with a bare domain', () => {
  const matcher = matcherWith(listEntry('evil.example'))

  it('matches the domain and every subdomain, on any path and port', () => {
    expect(hits(matcher, 'https://evil.example')).toHaveLength(1)
    expect(hits(matcher, 'http://evil.example/a/b?c=d')).toHaveLength(1)
    expect(hits(matcher, 'https://cdn.eu.evil.example:8443/x.png')).toEqual([
      ['evil.example', 'domain', 'https://cdn.eu.evil.example:8443/x.png'],
    ])
  })

  it('ignores case and a trailing dot, in the text and in the bank', () => {
    expect(hits(matcher, 'https://EVIL.Example./')).toHaveLength(1)
    const upper = matcherWith(listEntry('EVIL.example.'))
    expect(hits(upper, 'https://evil.example/')).toHaveLength(1)
  })

  it('does not match a lookalike that only ends or starts with the same letters', () => {
    expect(hits(matcher, 'https://notevil.example/')).toEqual([])
    expect(hits(matcher, 'https://evil.example.com/')).toEqual([])
    expect(hits(matcher, 'https://evil-example.org/')).toEqual([])
    expect(hits(matcher, 'https://example/')).toEqual([])
  })

  it('does not match a domain only in the path, nor without a scheme unless its suffix is real', () => {
    // @NOTE `.example` is no public suffix, so `evil.example` alone is not read as a domain;
    // bare domains with a real suffix are (see 'UrlListMatcher with bare and defanged domains').
    expect(hits(matcher, 'evil.example is bad')).toEqual([])
    expect(hits(matcher, 'https://good.example/?ref=evil.example')).toEqual([])
  })

  it('gives one signal per URL found, and one per bank that lists the domain', () => {
    const two = matcherWith(
      listEntry('evil.example', { bankName: 'a' }),
      listEntry('evil.example', { bankName: 'b' }),
    )
    const signals = two.match(
      matchInput({
        text: 'https://evil.example/1 https://x.evil.example/2 https://evil.example/1',
      }),
    )
    expect(signals.map((s) => [s.evidence.bank, s.evidence.url])).toEqual([
      ['a', 'https://evil.example/1'],
      ['b', 'https://evil.example/1'],
      ['a', 'https://x.evil.example/2'],
      ['b', 'https://x.evil.example/2'],
    ])
  })

  it('matches an internationalised domain written in Unicode', () => {
    const idn = matcherWith(listEntry('bücher.example'))
    expect(hits(idn, 'https://bücher.example/buy')).toHaveLength(1)
  })
})

describe('UrlListMatcher with bare and defanged domains', () => {
  const matcher = matcherWith(listEntry('evil.co.uk'), listEntry('scam.io'))

  it('matches bare domains with a public suffix and defanged links, with offsets', () => {
    const text = 'try scam.io or hxxps://cdn[.]evil[.]co[.]uk/x now'
    expect(
      matcher.match(matchInput({ text })).map((s) => [s.evidence.listValue, s.evidence]),
    ).toMatchObject([
      ['scam.io', { url: 'scam.io', canonical: 'http://scam.io/', offsets: [4, 11] }],
      [
        'evil.co.uk',
        {
          url: 'hxxps://cdn[.]evil[.]co[.]uk/x',
          canonical: 'https://cdn.evil.co.uk/x',
          matchedBy: 'domain',
          offsets: [15, 45],
        },
      ],
    ])
    expect(text.slice(15, 45)).toBe('hxxps://cdn[.]evil[.]co[.]uk/x')
  })

  it('does not match a parent suffix or a lookalike', () => {
    expect(hits(matcher, 'https://co.uk/ https://notevil.co.uk/ scam.io.example')).toEqual([])
  })

  it('gives the content URL without offsets, and reads it without a scheme as http', () => {
    expect(matcher.match(matchInput({ url: 'WWW.Scam.io/promo' }))).toMatchObject([
      {
        evidence: {
          url: 'WWW.Scam.io/promo',
          canonical: 'http://www.scam.io/promo',
          offsets: null,
        },
      },
    ])
  })

  it('gives one signal per entry and canonical URL, at the first place it is written', () => {
    const text = 'scam.io/a?utm_source=x then HTTPS://SCAM.io/a and http://scam.io/b'
    expect(hits(matcher, text)).toEqual([
      ['scam.io', 'domain', 'scam.io/a?utm_source=x'],
      ['scam.io', 'domain', 'http://scam.io/b'],
    ])
  })
})

describe('UrlListMatcher with URL prefixes and tracking parameters', () => {
  it('matches a prefix entry ending in * on its host', () => {
    const matcher = matcherWith(listEntry('https://files.example/malware/*'))
    expect(hits(matcher, 'get http://files.example/malware/x.exe')).toEqual([
      ['https://files.example/malware/*', 'prefix', 'http://files.example/malware/x.exe'],
    ])
    expect(
      hits(matcher, 'https://files.example/malwareX https://a.files.example/malware/x'),
    ).toEqual([])
  })

  it('matches an exact URL shared with tracking parameters', () => {
    const matcher = matcherWith(listEntry('https://phish.example/login'))
    expect(hits(matcher, 'https://phish.example/login?utm_source=sms&fbclid=1')).toHaveLength(1)
  })

  it('takes its own list of tracking parameters', () => {
    const matcher = new UrlListMatcher({ trackingParams: ['ref'] })
    matcher.load([listEntry('https://phish.example/login')])
    expect(hits(matcher, 'https://phish.example/login?ref=a')).toHaveLength(1)
    expect(hits(matcher, 'https://phish.example/login?utm_source=a')).toEqual([])
  })
})

describe('UrlListMatcher changes', () => {
  it('adds and removes entries one at a time and keeps the values it cannot read aside', () => {
    const matcher = new UrlListMatcher()
    const bad = listEntry('not a url at all')
    const evil = listEntry('evil.io')
    matcher.load([bad, evil])
    expect(matcher.size).toBe(1)
    expect(matcher.rejected).toEqual([bad])
    expect(matcher.upsert(listEntry('worse.io'))).toBe(true)
    expect(hits(matcher, 'evil.io worse.io')).toHaveLength(2)
    matcher.remove(evil)
    expect(hits(matcher, 'evil.io worse.io')).toEqual([['worse.io', 'domain', 'worse.io']])
    matcher.load([])
    expect(matcher.size).toBe(0)
    expect(matcher.rejected).toEqual([])
    expect(hits(matcher, 'worse.io')).toEqual([])
  })
})

describe('URL helpers', () => {
  it('tells bare domains from URLs', () => {
    expect(isBareDomain('evil.example')).toBe(true)
    expect(isBareDomain('sub.evil-site.example')).toBe(true)
    expect(isBareDomain('https://evil.example')).toBe(false)
    expect(isBareDomain('evil.example/path')).toBe(false)
  })

  it('canonicalises hosts and URLs', () => {
    expect(canonicalHost(' Evil.Example.. ')).toBe('evil.example')
    expect(canonicalUrl('HTTPS://Evil.Example.:443/a#b')).toBe('https://evil.example/a')
    expect(canonicalUrl('not a url')).toBeUndefined()
  })
})
