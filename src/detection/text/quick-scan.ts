import { type AutomatonTables, nextState, STATE } from './aho-corasick.js'
import {
  clusterEnd,
  DIGIT,
  type FoldedPiece,
  foldCluster,
  isMarkAt,
  LEET_SYMBOL,
  LETTER,
  learnUnit,
  SEPARATOR,
  SPACE,
  UNIT_FOLD,
  UNSPACED_LETTER,
} from './fold.js'
import { BANG, BAR, LEET_DIGIT } from './fold-simple.js'
import { addWindow } from './scan-windows.js'

/** Scratch space for quickScan, sized for one automaton. */
export class QuickScanState {
  readonly mask: number
  /** Where each of the last few symbols started in the text, to find where a match began. */
  readonly ring: Int32Array
  /** Whether each of the last few symbols was a letter or digit. */
  readonly words: Uint8Array
  /** [start, end) pairs of the windows found by the last scan. */
  readonly windows: number[] = []

  /**
   * @param phraseSpaces the most spaces in one term: how many words either side of an evasion
   * a phrase through it can reach.
   */
  constructor(
    readonly tables: AutomatonTables,
    readonly phraseSpaces: number,
  ) {
    let size = 16
    while (size < tables.maxDepth + 2) size *= 2
    this.mask = size - 1
    this.ring = new Int32Array(size)
    this.words = new Uint8Array(size)
  }
}

/**
 * The keyword matcher's first pass: normaliser steps 1 and 4 (fold; a run as one symbol) fused
 * with the Aho–Corasick scan, keeping only where the last few symbols started. Fills
 * `scratch.windows` with [start, end) ranges of the text, cut at ASCII whitespace, for the full
 * normaliser to read: around every place where a pattern's symbols occur on word boundaries
 * (letter runs are checked later), and around every word or run of single letters that joining
 * or leetspeak may change (the checks of EvasionWatch), widened by `phraseSpaces` words either
 * side. No step of the normaliser looks across whitespace further than that, so matching those
 * windows finds exactly what matching the whole text would.
 *
 * @NOTE One long function on purpose: V8 keeps the hot loop's locals in registers, which an
 * EvasionWatch object or a per-character call would not allow. Keep it in step with
 * EvasionWatch.accepts and SymbolWriter.push.
 */
export function quickScan(text: string, scratch: QuickScanState): void {
  const { tables: t, mask, ring, words, windows, phraseSpaces } = scratch
  const { alphabet, dense, denseStates, width } = t
  if (windows.length > 0) windows.length = 0
  const n = text.length
  let symbols = 0
  let state = 0
  let previous = -1
  let windowStart = -1
  let windowEnd = -1
  let pendingFrom = -1
  let pendingLast = -1
  // EvasionWatch, inlined, with where the current word and run of single letters started.
  let core = 0
  let letter = false
  let leet = false
  let symbol = false
  let bang = false
  let gap = 0
  let gapBefore = 0
  let singles = 0
  let wordStart = 0
  let wordLast = 0
  let chainStart = 0
  // A folded non-ASCII cluster is taken one code unit at a time.
  let piece: FoldedPiece | undefined
  let pieceAt = 0
  let pieceStart = 0
  let i = 0
  let next = n > 0 ? text.charCodeAt(0) : 0
  for (;;) {
    let code = 0x20
    let cls = SPACE
    let start = -1
    if (piece) {
      code = piece.codes[pieceAt] as number
      cls = piece.classes[pieceAt] as number
      start = pieceStart
      pieceAt += 1
      if (pieceAt === piece.codes.length) piece = undefined
    } else if (i < n) {
      const c = next
      next = i + 1 < n ? text.charCodeAt(i + 1) : 0
      if (next < 0x300 && ((c | 0x20) - 0x61) >>> 0 < 26) {
        // @NOTE The common case, an ASCII letter: the general steps below, cut down.
        code = c | 0x20
        start = i
        i += 1
        if (core === 0 && !symbol) {
          gapBefore = gap
          wordStart = start
        }
        wordLast = start
        if (bang) leet = true
        bang = false
        core += 1
        letter = true
        if (leet && !(wordStart >= windowStart && start < windowEnd)) {
          addWindow(text, windows, wordStart, start, phraseSpaces)
          windowStart = windows[windows.length - 2] as number
          windowEnd = windows[windows.length - 1] as number
        }
        if (code === previous) continue
        pendingFrom = -1
        previous = code
        ring[symbols & mask] = start
        words[symbols & mask] = 1
        symbols += 1
        const column = alphabet[code] as number
        let step = 0
        if (column !== 0) {
          step =
            state < denseStates
              ? (dense[state * width + column] as number)
              : nextState(t, state, column)
        }
        state = step & STATE
        if (step < 0) {
          pendingFrom = candidateStart(t, state, symbols, scratch)
          pendingLast = start
        }
        continue
      }
      let unit = next >= 0x300 && isMarkAt(text, i + 1) ? -1 : (UNIT_FOLD[c] as number)
      if (unit === 0) unit = learnUnit(c)
      if (unit < 0) {
        const end = clusterEnd(text, i)
        const folded = foldCluster(text.slice(i, end))
        pieceStart = i
        i = end
        next = i < n ? text.charCodeAt(i) : 0
        if (folded.codes.length > 0) {
          piece = folded
          pieceAt = 0
        }
        continue
      }
      code = unit & 0xffff
      cls = unit >>> 16
      start = i
      i += 1
    }
    if (cls === LETTER || cls === DIGIT || cls === LEET_SYMBOL) {
      if (core === 0 && !symbol) {
        gapBefore = gap
        wordStart = start
      }
      wordLast = start
      if (cls === LEET_SYMBOL) {
        symbol = true
        if (code === BANG || code === BAR) bang = core > 0
        else leet = true
      } else {
        if (bang) leet = true
        bang = false
        core += 1
        if (cls === LETTER) letter = true
        else if (LEET_DIGIT[code] === 1) leet = true
      }
      if (letter && leet && !(wordStart >= windowStart && start < windowEnd)) {
        addWindow(text, windows, wordStart, start, phraseSpaces)
        windowStart = windows[windows.length - 2] as number
        windowEnd = windows[windows.length - 1] as number
      }
    } else {
      if (core > 0 || symbol) {
        const chained = singles > 0 && gapBefore >= 1 && gapBefore <= 3
        singles = core <= 1 || symbol ? (chained ? singles + 1 : 1) : 0
        if (singles === 1) chainStart = wordStart
        if (singles >= 3 && !(chainStart >= windowStart && wordLast < windowEnd)) {
          addWindow(text, windows, chainStart, wordLast, phraseSpaces)
          windowStart = windows[windows.length - 2] as number
          windowEnd = windows[windows.length - 1] as number
        }
        core = 0
        letter = false
        leet = false
        symbol = false
        bang = false
        gap = 0
      }
      if (cls === SPACE || cls === SEPARATOR) {
        if (gap >= 0) gap += 1
      } else {
        gap = -1
        singles = 0
      }
    }
    // The final space above flushes the watch's last word; it is not a symbol of the text.
    if (start >= 0 && code === previous) {
      if (cls === LETTER || cls === UNSPACED_LETTER || cls === SPACE) continue
    }
    // A candidate ending at the previous symbol stands if this one is not a letter or digit.
    const isWord = cls === LETTER || cls === DIGIT ? 1 : 0
    if (
      pendingFrom >= 0 &&
      isWord === 0 &&
      !(pendingFrom >= windowStart && pendingLast < windowEnd)
    ) {
      addWindow(text, windows, pendingFrom, pendingLast, 0)
      windowStart = windows[windows.length - 2] as number
      windowEnd = windows[windows.length - 1] as number
    }
    pendingFrom = -1
    if (start < 0) return
    previous = code
    ring[symbols & mask] = start
    words[symbols & mask] = isWord
    symbols += 1
    const column = alphabet[code] as number
    let step = 0
    if (column !== 0) {
      step =
        state < denseStates
          ? (dense[state * width + column] as number)
          : nextState(t, state, column)
    }
    state = step & STATE
    if (step < 0) {
      pendingFrom = candidateStart(t, state, symbols, scratch)
      pendingLast = start
    }
  }
}

/**
 * Where the earliest pattern ending at `state` starts in the text, among those not preceded by a
 * letter or digit; -1 if none.
 */
function candidateStart(
  t: AutomatonTables,
  state: number,
  symbols: number,
  scratch: QuickScanState,
): number {
  const { ring, words, mask } = scratch
  let from = -1
  for (
    let r = t.reportFrom[state] as number;
    r > 0;
    r = t.reportFrom[t.fail[r] as number] as number
  ) {
    for (let p = t.firstPattern[r] as number; p >= 0; p = t.nextPattern[p] as number) {
      const first = symbols - (t.lengths[p] as number)
      if (first > 0 && words[(first - 1) & mask] === 1) continue
      const at = ring[first & mask] as number
      if (from < 0 || at < from) from = at
    }
  }
  return from
}
