import type { ListEntry } from '../matcher.js'
import { AhoCorasick, nextState, STATE } from './aho-corasick.js'
import {
  type NormalisedTerm,
  normaliseTerm,
  normaliseText,
  type Reading,
  TextNormaliser,
} from './normalise.js'
import { quickScan } from './quick-scan.js'
import { QuickScanState } from './quick-scan-state.js'

/**
 * A keyword bank entry whose value starts with this is an allow-list term for that bank: a match
 * of the bank's terms that lies inside an occurrence of it is not reported ('allow:scunthorpe',
 * 'allow:cocktail', 'allow:sussex'). Global allow-list terms apply to every bank.
 */
export const ALLOW_PREFIX = 'allow:'

/** A listed entry and its term as the evidence shows it. */
export interface TermEntry {
  entry: ListEntry
  term: string
}

/** One normalised term: the entries listing it and the banks that allow it. */
export interface CompiledTerm extends NormalisedTerm {
  entries: TermEntry[]
  allowBanks: Set<string>
  allowGlobal: boolean
}

/** An occurrence of a term, in offsets of the text as sent. */
export interface KeywordHit {
  term: CompiledTerm
  start: number
  end: number
}

/** Whether `value` is an allow-list entry, and the term without the prefix. */
export function parseListValue(value: string): { allow: boolean; term: string } {
  const trimmed = value.trim()
  if (trimmed.toLowerCase().startsWith(ALLOW_PREFIX)) {
    return { allow: true, term: trimmed.slice(ALLOW_PREFIX.length).trim() }
  }
  return { allow: false, term: trimmed }
}

/** Block and allow terms compiled into one automaton; built once per load. */
export class KeywordSet {
  readonly terms: readonly CompiledTerm[]
  readonly automaton: AhoCorasick
  /** Folded characters of context around a word read a second way (at least the longest term). */
  readonly context: number
  /** Block entries (allow-list entries excluded). */
  readonly size: number
  readonly #normaliser = new TextNormaliser()
  readonly #scratch: QuickScanState

  constructor(entries: readonly ListEntry[], globalAllow: readonly string[] = []) {
    const normaliser = this.#normaliser
    const byKey = new Map<string, CompiledTerm>()
    const termFor = (value: string): CompiledTerm | undefined => {
      const normalised = normaliseTerm(value, normaliser)
      if (normalised.key === '') return undefined
      let term = byKey.get(normalised.key)
      if (!term) {
        term = { ...normalised, entries: [], allowBanks: new Set(), allowGlobal: false }
        byKey.set(normalised.key, term)
      }
      return term
    }
    let size = 0
    for (const entry of entries) {
      const { allow, term: value } = parseListValue(entry.value)
      const term = termFor(value)
      if (!term) continue
      if (allow) term.allowBanks.add(entry.bankId)
      else if (!term.entries.some((e) => e.entry.entryId === entry.entryId)) {
        term.entries.push({ entry, term: normaliseText(value) })
        size += 1
      }
    }
    for (const value of globalAllow) {
      const term = termFor(value)
      if (term) term.allowGlobal = true
    }
    this.terms = [...byKey.values()]
    this.size = size
    this.automaton = new AhoCorasick(this.terms.map((term) => term.codes))
    const spaces = this.terms.reduce((max, term) => Math.max(max, spacesIn(term.codes)), 0)
    this.#scratch = new QuickScanState(this.automaton.tables, spaces)
    const longest = this.terms.reduce((max, term) => Math.max(max, term.key.length), 0)
    this.context = Math.min(4096, longest * 4 + 16)
  }

  /**
   * Every occurrence of a term in the text, on word boundaries, with letter runs honoured. One
   * fused pass (quickScan) finds the windows worth normalising in full; only those are.
   */
  find(text: string): KeywordHit[] {
    const scratch = this.#scratch
    quickScan(text, scratch)
    const { windows } = scratch
    const hits: KeywordHit[] = []
    for (let k = 0; k < windows.length; k += 2) {
      const from = windows[k] as number
      const to = windows[k + 1] as number
      this.#findIn(this.#normaliser.readings(text, this.context, from, to), 0, hits)
    }
    return hits
  }

  /** Every occurrence in readings of a text that starts at `offset` in the text as sent. */
  findIn(readings: readonly Reading[], offset: number): KeywordHit[] {
    const hits: KeywordHit[] = []
    this.#findIn(readings, offset, hits)
    return hits
  }

  #findIn(readings: readonly Reading[], offset: number, hits: KeywordHit[]): void {
    const t = this.automaton.tables
    const { alphabet, dense, denseStates, width } = t
    for (const reading of readings) {
      const { codes, length } = reading
      let state = 0
      for (let i = 0; i < length; i += 1) {
        const column = alphabet[codes[i] as number] as number
        if (column === 0) {
          state = 0
          continue
        }
        const step =
          state < denseStates
            ? (dense[state * width + column] as number)
            : nextState(t, state, column)
        state = step & STATE
        if (step < 0) this.#accept(reading, state, i + 1, offset, hits)
      }
    }
  }

  /** Adds the patterns ending at `state` (reached with the symbol before `end`) that stand. */
  #accept(reading: Reading, state: number, end: number, offset: number, hits: KeywordHit[]) {
    const { reportFrom, fail, firstPattern, nextPattern, lengths } = this.automaton.tables
    for (let r = reportFrom[state] as number; r > 0; r = reportFrom[fail[r] as number] as number) {
      for (let p = firstPattern[r] as number; p >= 0; p = nextPattern[p] as number) {
        const term = this.terms[p] as CompiledTerm
        const start = end - (lengths[p] as number)
        if (accepts(term, reading, start, end)) {
          const from = offset + (reading.starts[start] as number)
          hits.push({ term, start: from, end: offset + (reading.ends[end - 1] as number) })
        }
      }
    }
  }
}

function spacesIn(codes: Uint16Array): number {
  let spaces = 0
  for (const code of codes) if (code === 0x20) spaces += 1
  return spaces
}

/**
 * Word boundaries (no letter or digit just before or after: 'class' is not 'ass'), letter runs
 * (a double in the term needs a double or stretched run in the text; a single needs a single or
 * a stretched run: 'as' is not 'ass', 'good' is not 'god', 'fuuuck' is 'fuck'), and in a
 * window cut from longer text, a match that does not touch the cut.
 */
function accepts(term: CompiledTerm, reading: Reading, start: number, end: number): boolean {
  const { word, run } = reading
  if (start > 0 && word[start - 1] === 1) return false
  if (end < reading.length && word[end] === 1) return false
  if ((reading.cutStart && start === 0) || (reading.cutEnd && end === reading.length)) return false
  for (let k = 0; k < term.long.length; k += 1) {
    const textRun = run[start + k] ?? 1
    if (term.long[k] === 1 ? textRun === 1 : textRun === 2) return false
  }
  return true
}
