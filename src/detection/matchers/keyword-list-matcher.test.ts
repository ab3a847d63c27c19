import { describe, expect, it } from 'vitest'
import { listEntry, matchInput } from '../../../test/factories.js'
import type { ListEntry } from '../matcher.js'
import { KeywordListMatcher, normaliseText } from './keyword-list-matcher.js'

function matcherWith(...entries: ListEntry[]): KeywordListMatcher {
  const matcher = new KeywordListMatcher()
  matcher.load(entries)
  return matcher
}

/** [term, offsets] for each signal. */
function hits(matcher: KeywordListMatcher, text: string) {
  return matcher.match(matchInput({ text })).map((s) => [s.evidence.term, s.evidence.offsets])
}

describe('KeywordListMatcher', () => {
  it('matches a listed word with its offsets and the evidence', () => {
    const entry = listEntry('scam', { harm: 'illegal.fraud', action: 'hold' })
    expect(matcherWith(entry).match(matchInput({ text: 'this is a scam' }))).toEqual([
      {
        source: 'keyword_list',
        harm: 'illegal.fraud',
        score: 1,
        action: 'hold',
        matcher: 'keyword_list',
        evidence: {
          bank: entry.bankName,
          bankId: entry.bankId,
          entryId: entry.entryId,
          term: 'scam',
          offsets: [10, 14],
        },
      },
    ])
  })

  it('matches whole words only: "class" or "passes" do not match "ass"', () => {
    const matcher = matcherWith(listEntry('ass'))
    expect(hits(matcher, 'class assignment passes bass')).toEqual([])
    expect(hits(matcher, 'ass3 x2ass')).toEqual([])
    expect(hits(matcher, 'what an ass!')).toEqual([['ass', [8, 11]]])
    expect(hits(matcher, 'ass, (ass) "ass"')).toEqual([
      ['ass', [0, 3]],
      ['ass', [6, 9]],
      ['ass', [12, 15]],
    ])
  })

  it('treats letters of any script as part of a word', () => {
    const matcher = matcherWith(listEntry('scam'))
    expect(hits(matcher, 'éscam scamé scamδ')).toEqual([])
    expect(hits(matcher, 'δ scam δ')).toEqual([['scam', [2, 6]]])
  })

  it('ignores case and folds full-width and compatibility forms (NFKC)', () => {
    const matcher = matcherWith(listEntry('scam'))
    expect(hits(matcher, 'SCAM Scam')).toEqual([
      ['scam', [0, 4]],
      ['scam', [5, 9]],
    ])
    expect(hits(matcher, 'ｓｃａｍ alert')).toEqual([['scam', [0, 4]]])
    expect(hits(matcher, 'ＳＣＡＭ')).toEqual([['scam', [0, 4]]])
  })

  it('folds the bank entries the same way', () => {
    const matcher = matcherWith(listEntry('ＦＲＥＥ Crypto'))
    expect(hits(matcher, 'get free crypto today')).toEqual([['free crypto', [4, 15]]])
  })

  it('matches phrases, preferring the longest listed term at a position', () => {
    const matcher = matcherWith(listEntry('drop'), listEntry('coin drop'))
    expect(hits(matcher, 'coin drop now, then drop')).toEqual([
      ['coin drop', [0, 9]],
      ['drop', [20, 24]],
    ])
  })

  it('treats regular-expression characters in terms literally', () => {
    const matcher = matcherWith(listEntry('a.b'), listEntry('(x)'))
    expect(hits(matcher, 'axb a.b')).toEqual([['a.b', [4, 7]]])
    expect(hits(matcher, 'say (x) now')).toEqual([['(x)', [4, 7]]])
  })

  it('gives a signal per bank listing the term', () => {
    const matcher = matcherWith(
      listEntry('scam', { bankName: 'fraud', action: 'review' }),
      listEntry('SCAM', { bankName: 'strict', action: 'block' }),
    )
    const signals = matcher.match(matchInput({ text: 'scam' }))
    expect(signals.map((s) => [s.evidence.bank, s.action])).toEqual([
      ['fraud', 'review'],
      ['strict', 'block'],
    ])
  })

  it('finds nothing with no entries or no text, and forgets entries on reload', () => {
    expect(hits(new KeywordListMatcher(), 'scam')).toEqual([])
    const matcher = matcherWith(listEntry('scam'))
    expect(hits(matcher, '')).toEqual([])
    matcher.load([listEntry('fraud')])
    expect(hits(matcher, 'scam fraud')).toEqual([['fraud', [5, 10]]])
    matcher.load([])
    expect(hits(matcher, 'scam fraud')).toEqual([])
  })

  it('reports offsets into the text as sent', () => {
    const text = 'wow… scam'
    const [hit] = hits(matcherWith(listEntry('scam')), text)
    const [start, end] = (hit?.[1] ?? [-1, -1]) as [number, number]
    expect(text.slice(start, end)).toBe('scam')
  })
})

describe('normaliseText', () => {
  it('applies NFKC and lower-cases', () => {
    expect(normaliseText('Ｈｅｌｌｏ ﬁne')).toBe('hello fine')
  })
})
