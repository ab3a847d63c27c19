import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../core/random.js'
import { AhoCorasick, type AhoCorasickMatch } from './aho-corasick.js'

function codesOf(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0))
}

function automaton(patterns: string[], denseCells?: number): AhoCorasick {
  return new AhoCorasick(patterns.map(codesOf), denseCells === undefined ? {} : { denseCells })
}

/** Every occurrence of every pattern by indexOf, as sorted "pattern:start:end" strings. */
function bruteForce(patterns: string[], text: string): string[] {
  const found: string[] = []
  patterns.forEach((pattern, p) => {
    if (pattern === '') return
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      found.push(`${p}:${at}:${at + pattern.length}`)
    }
  })
  return found.sort()
}

function keys(matches: AhoCorasickMatch[]): string[] {
  return matches.map((m) => `${m.pattern}:${m.start}:${m.end}`).sort()
}

function randomString(random: () => number, alphabet: string, min: number, max: number) {
  const length = min + Math.floor(random() * (max - min + 1))
  let out = ''
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)]
  return out
}

describe('AhoCorasick', () => {
  it('reports every occurrence, overlapping and nested, in order of end', () => {
    const ac = automaton(['he', 'she', 'his', 'hers'])
    expect(ac.findAll('ushers')).toEqual([
      { pattern: 1, start: 1, end: 4 },
      { pattern: 0, start: 2, end: 4 },
      { pattern: 3, start: 2, end: 6 },
    ])
    expect(keys(ac.findAll('ahishers'))).toEqual(
      bruteForce(['he', 'she', 'his', 'hers'], 'ahishers'),
    )
  })

  it('reports duplicate patterns each, and never matches an empty pattern', () => {
    const ac = automaton(['ab', '', 'ab', 'b'])
    expect(keys(ac.findAll('abab'))).toEqual(
      ['0:0:2', '0:2:4', '2:0:2', '2:2:4', '3:1:2', '3:3:4'].sort(),
    )
    expect(automaton([]).findAll('anything')).toEqual([])
  })

  it('handles symbols outside ASCII and code units in no pattern', () => {
    const ac = automaton(['中文', 'é!', 'x'])
    expect(keys(ac.findAll('中文 é! 中x文'))).toEqual(['0:0:2', '1:3:5', '2:7:8'])
  })

  it('gives the same matches with full rows for every state, or for the root only', () => {
    const patterns = ['abcd', 'bcd', 'cd', 'abce', 'bce', 'e', 'abcdabce']
    const text = 'xabcdabcexbcdeabcabcdabce'
    const expected = bruteForce(patterns, text)
    for (const cells of [1, 16, 64, 1 << 20]) {
      expect(keys(automaton(patterns, cells).findAll(text)), `${cells} cells`).toEqual(expected)
    }
  })

  it('matches 10k random patterns exactly like a brute-force search', () => {
    const random = mulberry32(20260301).next
    const patterns = new Set<string>()
    while (patterns.size < 10_000) patterns.add(randomString(random, 'abcd', 3, 10))
    const list = [...patterns]
    const text = randomString(random, 'abcde', 20_000, 20_000)
    const expected = bruteForce(list, text)
    expect(expected.length).toBeGreaterThan(10_000)
    expect(keys(automaton(list).findAll(text))).toEqual(expected)
    expect(keys(automaton(list, 64).findAll(text))).toEqual(expected)
  })

  it('stays compact: 10k terms in a few megabytes', () => {
    const random = mulberry32(7).next
    const terms = Array.from({ length: 10_000 }, () =>
      randomString(random, 'abcdefghijklmnopqrstuvwxyz ', 4, 14),
    )
    const ac = automaton(terms)
    expect(ac.patternCount).toBe(10_000)
    expect(ac.byteLength).toBeLessThan(4 * 1024 * 1024)
  })
})
