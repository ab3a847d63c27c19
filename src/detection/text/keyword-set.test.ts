import { describe, expect, it } from 'vitest'
import { listEntry, matchInput } from '../../../test/factories.js'
import { mulberry32 } from '../../core/random.js'
import type { ListEntry } from '../matcher.js'
import { KeywordListMatcher } from '../matchers/keyword-list-matcher.js'
import { KeywordSet, parseListValue } from './keyword-set.js'
import {
  decodeUnits,
  type NormalisedTerm,
  normaliseTerm,
  type Reading,
  TextNormaliser,
} from './normalise.js'

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

/** Words of 2–6 letters from a small alphabet, so terms hit often and share prefixes. */
function randomWord(random: () => number): string {
  const length = 2 + Math.floor(random() * 5)
  let word = ''
  for (let i = 0; i < length; i += 1) word += pick(random, ['a', 'b', 'c', 'o', 's', 't'])
  return word
}

/** Chat-like text from the same words: capitals, punctuation, stretched letters. */
function randomText(random: () => number, words: number): string {
  const parts: string[] = []
  for (let i = 0; i < words; i += 1) {
    let word = randomWord(random)
    if (random() < 0.1) word = word.toUpperCase()
    if (random() < 0.05) word = word.replace(/[aos]/, (ch) => ch.repeat(3))
    parts.push(word, pick(random, [' ', ' ', ' ', ', ', '. ', '\n', '! ', ' (', ') ', '-']))
  }
  return parts.join('')
}

/** Evasive text: leetspeak, spaced-out letters, stretched letters, invisible and accented. */
function evasiveText(random: () => number, words: number): string {
  const parts: string[] = []
  for (let i = 0; i < words; i += 1) {
    let word = randomWord(random)
    const roll = random()
    if (roll < 0.1) word = word.replace(/[aost]/g, (ch) => pick(random, [ch, LEET_OF[ch] ?? ch]))
    else if (roll < 0.15) word = [...word].join(pick(random, [' ', '.', '-', '. ']))
    else if (roll < 0.2) word = `@${word.slice(1)}`
    else if (roll < 0.25) word = word.replace(/[os]/, (ch) => `${ch}\u200B${ch}${ch}`)
    else if (roll < 0.3) word = word.replace('a', pick(random, ['á', 'а', 'ａ']))
    else if (roll < 0.35) word = pick(random, ['2026', '$5', 'a', 'b 2', 'x!', '1st'])
    parts.push(word, pick(random, [' ', ' ', ' ', ', ', '. ', '\n', '! ', '-']))
  }
  return parts.join('')
}

const LEET_OF: Record<string, string> = { a: '4', o: '0', s: '$', t: '7' }

/**
 * The matcher's rules checked naively on the normaliser's readings of the whole text: every
 * indexOf occurrence of the term's symbols, on word boundaries, with letter runs honoured.
 */
function bruteForce(entries: readonly ListEntry[], text: string): string[] {
  const found = new Set<string>()
  for (const reading of new TextNormaliser().readings(text)) {
    const symbols = decodeUnits(reading.codes, reading.length)
    for (const entry of entries) {
      const term = termOf(entry.value)
      const pattern = decodeUnits(term.codes, term.codes.length)
      for (let at = symbols.indexOf(pattern); at >= 0; at = symbols.indexOf(pattern, at + 1)) {
        if (accepted(reading, term.long, at, at + pattern.length)) {
          found.add(
            `${entry.entryId}:${reading.starts[at]}:${reading.ends[at + pattern.length - 1]}`,
          )
        }
      }
    }
  }
  // A match inside a longer one of the same bank (here: entry) is not reported on its own.
  const spans = [...found].map((key) => key.split(':'))
  const inside = ([id, start, end]: string[]) =>
    spans.some(
      ([other, s, e]) =>
        other === id &&
        Number(s) <= Number(start) &&
        Number(e) >= Number(end) &&
        Number(e) - Number(s) > Number(end) - Number(start),
    )
  return spans
    .filter((span) => !inside(span))
    .map((span) => span.join(':'))
    .sort()
}

const terms = new Map<string, NormalisedTerm>()

function termOf(value: string): NormalisedTerm {
  let term = terms.get(value)
  if (!term) {
    term = normaliseTerm(value)
    terms.set(value, term)
  }
  return term
}

function accepted(reading: Reading, long: Uint8Array, at: number, end: number): boolean {
  if (at > 0 && reading.word[at - 1] === 1) return false
  if (end < reading.length && reading.word[end] === 1) return false
  if ((reading.cutStart && at === 0) || (reading.cutEnd && end === reading.length)) return false
  const runs = Array.from(long, (l, k) => [l, reading.run[at + k]])
  return !runs.some(([l, run]) => (l === 1 ? run === 1 : run === 2))
}

/** "entryId:start:end" for each signal. */
function matched(matcher: KeywordListMatcher, text: string): string[] {
  return matcher
    .match(matchInput({ text }))
    .map((signal) => {
      const [start, end] = signal.evidence.offsets as [number, number]
      return `${signal.evidence.entryId}:${start}:${end}`
    })
    .sort()
}

describe('KeywordListMatcher against a brute-force search', () => {
  const random = mulberry32(42).next
  const values = new Set<string>()
  while (values.size < 10_000) {
    values.add(random() < 0.2 ? `${randomWord(random)} ${randomWord(random)}` : randomWord(random))
  }
  // @NOTE One bank per entry, so no match is dropped for lying inside a same-bank match.
  const entries = [...values].map((value, i) => listEntry(value, { bankId: `b${i}` }))
  const matcher = new KeywordListMatcher()
  matcher.load(entries)

  it('finds exactly the same matches for 10k random terms and phrases', () => {
    const text = randomText(random, 4_000)
    expect(new TextNormaliser().readings(text)).toHaveLength(1)
    const expected = bruteForce(entries, text)
    expect(expected.length).toBeGreaterThan(1_000)
    expect(matched(matcher, text)).toEqual(expected)
  })

  it('finds the same in text full of evasions, message by message and as one text', () => {
    const messages = Array.from({ length: 100 }, () => evasiveText(random, 12))
    let total = 0
    for (const text of messages) {
      const expected = bruteForce(entries, text)
      total += expected.length
      expect(matched(matcher, text), text).toEqual(expected)
    }
    expect(total).toBeGreaterThan(100)
    const text = messages.join('\n')
    expect(matched(matcher, text)).toEqual(bruteForce(entries, text))
  })
})

describe('KeywordSet', () => {
  it('compiles one pattern per normalised term, whatever the spelling in the bank', () => {
    const set = new KeywordSet([
      listEntry('Scam'),
      listEntry('ＳＣＡＭ'),
      listEntry('s.c.a.m'),
      listEntry('allow:scam artist'),
      listEntry('   '),
    ])
    expect(set.terms.map((term) => term.key)).toEqual(['scam', 'scam artist'])
    expect(set.size).toBe(3)
  })

  it('parses allow-list values', () => {
    expect(parseListValue(' allow: Photo Shoot ')).toEqual({ allow: true, term: 'Photo Shoot' })
    expect(parseListValue('ALLOW:x')).toEqual({ allow: true, term: 'x' })
    expect(parseListValue('allowance')).toEqual({ allow: false, term: 'allowance' })
  })

  it('matches terms of scripts without spaces inside their sentences', () => {
    const matcher = new KeywordListMatcher()
    matcher.load([listEntry('诈骗'), listEntry('scam')])
    const found = matcher.match(matchInput({ text: '这是诈骗网站scam吗' }))
    expect(found.map((s) => [s.evidence.matched, s.evidence.offsets])).toEqual([
      ['诈骗', [2, 4]],
      ['scam', [6, 10]],
    ])
  })

  it('starts no match inside a word, whatever the first pass skipped of it', () => {
    const matcher = new KeywordListMatcher()
    matcher.load([listEntry('scam'), listEntry('ass'), listEntry('ass scam')])
    const offsets = (text: string) =>
      matcher.match(matchInput({ text })).map((s) => s.evidence.offsets)
    expect(offsets('yscam class bass\u0301ass scam')).toEqual([[21, 25]])
    expect(offsets('zzscam\u0301 scam\u0301 xass scam')).toEqual([
      [8, 13],
      [19, 23],
    ])
    expect(offsets('grass ass  scam')).toEqual([[6, 15]])
  })

  it('stays linear on a flood of matches inside allowed phrases', () => {
    const matcher = new KeywordListMatcher()
    matcher.load([listEntry('ass'), listEntry('allow:ass ass')])
    const text = 'ass '.repeat(50_000)
    const started = performance.now()
    expect(matcher.match(matchInput({ text }))).toEqual([])
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})
