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

/** [term, matched] for each signal, checking that `matched` is the text at `offsets`. */
function found(matcher: KeywordListMatcher, text: string) {
  return matcher.match(matchInput({ text })).map((s) => {
    const [start, end] = s.evidence.offsets as [number, number]
    expect(text.slice(start, end)).toBe(s.evidence.matched)
    return [s.evidence.term, s.evidence.matched]
  })
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
          matched: 'scam',
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

describe('KeywordListMatcher evasions', () => {
  const matcher = matcherWith(
    ...['fuck', 'shit', 'ass', 'asshole', 'kill', 'bitch', 'nigger', 'pussy', 'scam', 'rape'].map(
      (term) => listEntry(term),
    ),
  )

  it.each([
    ['spaced with dots', 'oh f.u.c.k you', 'f.u.c.k'],
    ['spaced with spaces', 'well f u c k that', 'f u c k'],
    ['spaced with dashes', 'f-u-c-k', 'f-u-c-k'],
    ['spaced with underscores', 'f_u_c_k!', 'f_u_c_k'],
    ['spaced with asterisks', '(f*u*c*k)', 'f*u*c*k'],
    ['spaced with several separators', 'f . u . c . k', 'f . u . c . k'],
    ['spaced with an ellipsis', 'f…u…c…k', 'f…u…c…k'],
    ['full-width', 'ｆｕｃｋ off', 'ｆｕｃｋ'],
    ['mathematical bold (surrogate pairs)', 'go 𝐟𝐮𝐜𝐤 yourself', '𝐟𝐮𝐜𝐤'],
    ['diacritics', 'fück this', 'fück'],
    ['combining marks', 'fu\u0308ck this', 'fu\u0308ck'],
    ['zero-width characters', 'f\u200Bu\u200Cc\u200Dk', 'f\u200Bu\u200Cc\u200Dk'],
    [
      'word joiner, soft hyphen, BOM, variation selector',
      'f\u2060u\u00ADc\uFEFFk\uFE0F',
      'f\u2060u\u00ADc\uFEFFk\uFE0F',
    ],
    ['stretched letters', 'ffuuuccckkk you', 'ffuuuccckkk'],
    ['one stretched letter', 'fuuuuuck', 'fuuuuuck'],
    ['a doubled letter English rarely doubles', 'fuuck', 'fuuck'],
    ['capitals', 'FUCK', 'FUCK'],
  ])('sees through %s', (_, text, matched) => {
    expect(found(matcher, text)).toEqual([['fuck', matched]])
  })

  it.each([
    ['sh1t', 'shit'],
    ['5h1t', 'shit'],
    ['sh!t', 'shit'],
    ['a$$', 'ass'],
    ['@ss', 'ass'],
    ['a$$hole', 'asshole'],
    ['k1ll', 'kill'],
    ['ki11', 'kill'],
    ['b1tch', 'bitch'],
    ['n1gg3r', 'nigger'],
    ['r@pe', 'rape'],
    ['$cam', 'scam'],
    ['p.u.$.$.y', 'pussy'],
    ['s h 1 t', 'shit'],
  ])('reads leetspeak: %s is %s', (word, term) => {
    expect(found(matcher, `you ${word}.`)).toEqual([[term, word]])
  })

  it.each([
    ['Cyrillic р and у', 'рussу', 'pussy'],
    ['Cyrillic ѕ с а', 'ѕсаm', 'scam'],
    ['Greek capitals', 'ΚΙLL', 'kill'],
    ['Greek small omicron and Cyrillic capital А', 'АSSHΟLE', 'asshole'],
    ['small capitals', 'ꜱᴄᴀᴍ', 'scam'],
  ])('maps homoglyphs: %s', (_, word, term) => {
    expect(found(matcher, `a ${word}!`)).toEqual([[term, word]])
  })

  it('does not read numbers on their own, or model numbers, as words', () => {
    const numbers = matcherWith(...['toe', 'ass', 'lol', 'soo', 'ie'].map((t) => listEntry(t)))
    expect(found(numbers, 'in 2026 call 703 or 101 about my A55, 500 left, 1.3 2-1')).toEqual([])
  })

  it('keeps doubled letters that English uses', () => {
    const words = matcherWith(...['god', 'ass', 'butt', 'hell'].map((t) => listEntry(t)))
    expect(found(words, 'good as but hel')).toEqual([])
    expect(found(words, 'goood assss buttt helll')).toEqual([
      ['god', 'goood'],
      ['ass', 'assss'],
      ['butt', 'buttt'],
      ['hell', 'helll'],
    ])
  })

  it('does not join ordinary short words', () => {
    const short = matcherWith(listEntry('ab'), listEntry('abc'))
    expect(found(short, 'a b, plan a b')).toEqual([])
    expect(found(short, 'a b c')).toEqual([['abc', 'a b c']])
  })

  it('avoids the Scunthorpe problem', () => {
    const strict = matcherWith(
      ...['cunt', 'ass', 'tit', 'cock', 'rape', 'sex', 'hell', 'cum'].map((t) => listEntry(t)),
    )
    const text =
      'Scunthorpe United hired an assassin; the class passes the bass. Sussex title, a ' +
      'cocktail of grapes from the Essex shell, cucumber. S c u n t h o r p e, cl4ss, @ssassin'
    expect(found(strict, text)).toEqual([])
  })

  it('reports every place and evasion in one text', () => {
    const text = 'F.U.C.K this sh1t, fuuuck and ｆｕｃｋ'
    expect(found(matcher, text)).toEqual([
      ['fuck', 'F.U.C.K'],
      ['shit', 'sh1t'],
      ['fuck', 'fuuuck'],
      ['fuck', 'ｆｕｃｋ'],
    ])
  })
})

describe('KeywordListMatcher allow-lists', () => {
  const threats = { bankId: 'threats', bankName: 'threats' }
  const other = { bankId: 'other', bankName: 'other' }

  it('suppresses a bank match inside an allowed phrase of that bank', () => {
    const matcher = matcherWith(
      listEntry('shoot', threats),
      listEntry('allow:photo shoot', threats),
      listEntry('shoot', other),
    )
    expect(found(matcher, 'what a photo shoot').map(() => 'hit')).toHaveLength(1)
    const [signal] = matcher.match(matchInput({ text: 'what a photo shoot' }))
    expect(signal?.evidence.bank).toBe('other')
    expect(matcher.match(matchInput({ text: 'i will shoot you' }))).toHaveLength(2)
    expect(matcher.size).toBe(2)
  })

  it('takes global allow-list terms for every bank, kept across loads', () => {
    const matcher = new KeywordListMatcher()
    matcher.loadAllowList(['photo shoot'])
    matcher.load([listEntry('shoot', threats), listEntry('shoot', other)])
    expect(found(matcher, 'a PHOTO  SHOOT, then')).toEqual([])
    expect(found(matcher, 'shoot the photo')).toHaveLength(2)
  })

  it('allows only what lies inside the allowed phrase', () => {
    const matcher = matcherWith(listEntry('cunt'), listEntry('allow:cunt hill'))
    expect(found(matcher, 'at cunt hill farm')).toEqual([])
    expect(found(matcher, 'a cunt, near hill')).toEqual([['cunt', 'cunt']])
  })
})

describe('KeywordListMatcher overlapping terms', () => {
  it('reports overlapping terms from different banks, and partial overlaps in one bank', () => {
    const matcher = matcherWith(
      listEntry('free crypto', { bankId: 'a', bankName: 'a' }),
      listEntry('crypto scam', { bankId: 'b', bankName: 'b' }),
      listEntry('scam', { bankId: 'b', bankName: 'b' }),
      listEntry('scam', { bankId: 'a', bankName: 'a' }),
      listEntry('crypto', { bankId: 'c', bankName: 'c' }),
    )
    const text = 'get free crypto scam'
    expect(
      matcher.match(matchInput({ text })).map((s) => [s.evidence.bank, s.evidence.matched]),
    ).toEqual([
      ['a', 'free crypto'],
      ['b', 'crypto scam'],
      ['c', 'crypto'],
      ['a', 'scam'],
    ])
  })

  it('matches phrases across whitespace, leetspeak and spacing', () => {
    const matcher = matcherWith(listEntry('i will kill you'))
    expect(found(matcher, 'I   WILL\nkill you')).toEqual([
      ['i will kill you', 'I   WILL\nkill you'],
    ])
    expect(found(matcher, 'i will k1ll you')).toEqual([['i will kill you', 'i will k1ll you']])
    expect(found(matcher, 'i will k i l l you')).toEqual([
      ['i will kill you', 'i will k i l l you'],
    ])
    expect(found(matcher, 'i will kil you, i will skill you')).toEqual([])
  })
})

describe('normaliseText', () => {
  it('applies NFKC and lower-cases', () => {
    expect(normaliseText('Ｈｅｌｌｏ ﬁne')).toBe('hello fine')
  })

  it('strips diacritics, invisible characters and homoglyphs, and trims spaces', () => {
    expect(normaliseText('  Fü\u200Bck  Рussу ')).toBe('fuck pussy')
  })
})
