import { describe, expect, it } from 'vitest'
import { matchInput } from '../../../test/factories.js'
import { obscenityMatcher } from './obscenity-matcher.js'

/** [word, matched] for each signal, checking that `matched` is the text at `offsets`. */
function found(text: string) {
  return obscenityMatcher()
    .match(matchInput({ text }))
    .map((s) => {
      const [start, end] = s.evidence.offsets as [number, number]
      expect(text.slice(start, end)).toBe(s.evidence.matched)
      return [s.evidence.term, s.evidence.matched]
    })
}

describe('obscenityMatcher', () => {
  it('is a matcher named obscenity with a configurable harm and review by default', () => {
    const matcher = obscenityMatcher()
    expect(matcher.name).toBe('obscenity')
    const [signal] = matcher.match(matchInput({ text: 'you fucking idiot' }))
    expect(signal).toEqual({
      source: 'keyword_list',
      harm: 'children_priority.abuse_hatred',
      score: 1,
      action: 'review',
      matcher: 'obscenity',
      evidence: { bank: 'obscenity:english', term: 'fuck', matched: 'fuck', offsets: [4, 8] },
    })
    const custom = obscenityMatcher({ harm: 'illegal.hate', action: 'hold' })
    expect(custom.match(matchInput({ text: 'fuck' }))[0]).toMatchObject({
      harm: 'illegal.hate',
      action: 'hold',
    })
  })

  it("uses obscenity's list and transformers, plus joined spaced-out letters", () => {
    expect(found('sh1t and f.u.c.k and f u c k and ｆｕｃｋ')).toEqual([
      ['shit', 'sh1t'],
      ['fuck', 'f.u.c.k'],
      ['fuck', 'f u c k'],
      ['fuck', 'ｆｕｃｋ'],
    ])
  })

  it('stays quiet on clean text and the Scunthorpe set', () => {
    expect(
      found('Scunthorpe United hired an assassin for the classic match, hello friend'),
    ).toEqual([])
    expect(found('')).toEqual([])
  })
})
