import { describe, expect, it } from 'vitest'
import type { SignalView } from './case-data'
import { highlightText } from './highlight'

function keyword(term: string, offsets: unknown): SignalView {
  return {
    id: term,
    subjectId: 's',
    source: 'keyword_list',
    harm: 'illegal.fraud',
    score: 1,
    action: 'review',
    matcher: 'keyword_list',
    evidence: { term, matched: term, offsets },
    createdAt: '2026-01-01T00:00:00.000Z',
  }
}

describe('highlightText', () => {
  it('marks each matched span with its term, in text order', () => {
    const text = 'a scam and a fraud here'
    expect(highlightText(text, [keyword('fraud', [13, 18]), keyword('scam', [2, 6])])).toEqual([
      { text: 'a ' },
      { text: 'scam', term: 'scam' },
      { text: ' and a ' },
      { text: 'fraud', term: 'fraud' },
      { text: ' here' },
    ])
  })

  it('merges overlapping matches and ignores offsets outside the text or of other sources', () => {
    const text = 'free money now'
    const other = { ...keyword('x', [0, 4]), source: 'classifier' as const }
    expect(
      highlightText(text, [keyword('free money', [0, 10]), keyword('money', [5, 10]), other]),
    ).toEqual([{ text: 'free money', term: 'free money' }, { text: ' now' }])
    expect(highlightText(text, [keyword('far', [10, 99]), keyword('odd', 'x')])).toEqual([{ text }])
  })
})
