import type { SignalInput } from '../../core/signal.js'
import type { ListEntry, Matcher, MatchInput } from '../matcher.js'
import { EntryIndex } from './entry-index.js'

/**
 * Keyword and phrase lists matched on word boundaries over NFKC-folded, lower-cased text.
 * (The detection issue replaces this with one multi-pattern pass and evasion handling.)
 */
export class KeywordListMatcher implements Matcher {
  readonly name = 'keyword_list'
  readonly terms = new EntryIndex()
  #pattern: RegExp | undefined

  match(input: MatchInput): SignalInput[] {
    const pattern = this.#compiled()
    if (!pattern || input.text.length === 0) return []
    const folded = foldWithOffsets(input.text)
    const signals: SignalInput[] = []
    for (const match of folded.text.matchAll(pattern)) {
      const term = match[1] ?? ''
      const start = (match.index ?? 0) + (match[0].length - term.length)
      const offsets: [number, number] = [
        folded.starts[start] ?? 0,
        folded.ends[start + term.length - 1] ?? input.text.length,
      ]
      for (const entry of this.terms.get(term)) signals.push(toSignal(entry, term, offsets))
    }
    return signals
  }

  load(entries: readonly ListEntry[]): void {
    this.terms.replace(entries, normaliseText)
    this.#pattern = undefined
  }

  #compiled(): RegExp | undefined {
    if (this.#pattern || this.terms.size === 0) return this.#pattern
    const terms = [...this.terms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)
    this.#pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    return this.#pattern
  }
}

export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu

/**
 * Folds the text one character cluster at a time, remembering where each folded code unit came
 * from, so a match can be reported at its place in the text as sent ('…' folds to '...').
 */
export function foldWithOffsets(text: string): { text: string; starts: number[]; ends: number[] } {
  let folded = ''
  const starts: number[] = []
  const ends: number[] = []
  for (const match of text.matchAll(CLUSTER)) {
    const start = match.index ?? 0
    const piece = normaliseText(match[0])
    folded += piece
    for (let i = 0; i < piece.length; i += 1) {
      starts.push(start)
      ends.push(start + match[0].length)
    }
  }
  return { text: folded, starts, ends }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function toSignal(entry: ListEntry, term: string, offsets: [number, number]): SignalInput {
  return {
    source: 'keyword_list',
    harm: entry.harm,
    score: 1,
    action: entry.action,
    matcher: 'keyword_list',
    evidence: {
      bank: entry.bankName,
      bankId: entry.bankId,
      entryId: entry.entryId,
      term,
      offsets,
    },
  }
}
