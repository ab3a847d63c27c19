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
    const text = normaliseText(input.text)
    const signals: SignalInput[] = []
    for (const match of text.matchAll(pattern)) {
      const term = match[1] ?? ''
      const start = (match.index ?? 0) + (match[0].length - term.length)
      for (const entry of this.terms.get(term)) {
        signals.push(toSignal(entry, term, start))
      }
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

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function toSignal(entry: ListEntry, term: string, start: number): SignalInput {
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
      offsets: [start, start + term.length],
    },
  }
}
