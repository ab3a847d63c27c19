import { nextState, STATE } from './aho-corasick.js'
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
import { candidateStart, type QuickScanState } from './quick-scan-state.js'
import { addWindow } from './scan-windows.js'

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
 * EvasionWatch object or a per-character call would not allow. Keep it, and its fast paths for
 * ASCII letters and single spaces, in step with EvasionWatch.accepts and SymbolWriter.push.
 */
export function quickScan(text: string, scratch: QuickScanState): void {
  const { tables: t, mask, ring, marks, phraseSpaces } = scratch
  const { alphabet, dense, denseStates, width } = t
  const spaceColumn = alphabet[0x20] as number
  let windows = scratch.windows
  if (windows.length > 0) {
    windows = []
    scratch.windows = windows
  }
  const n = text.length
  let symbols = scratch.firstSymbol()
  let lastWord = 0
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
        // @NOTE The common case, a run of ASCII letters: the general steps below, cut down.
        if (core === 0 && !symbol) {
          gapBefore = gap
          wordStart = i
        }
        if (bang) leet = true
        bang = false
        letter = true
        if (leet && !(wordStart >= windowStart && i < windowEnd)) {
          addWindow(text, windows, wordStart, i, phraseSpaces)
          windowStart = windows[windows.length - 2] as number
          windowEnd = windows[windows.length - 1] as number
        }
        let j = i
        let d = c
        let dead = false
        for (;;) {
          const letterCode = d | 0x20
          if (!dead && letterCode !== previous) {
            previous = letterCode
            if (lastWord === 0) {
              ring[symbols & mask] = j
              marks[symbols & mask] = symbols
              lastWord = 1
            }
            symbols += 1
            const column = alphabet[letterCode] as number
            let step = 0
            if (column !== 0) {
              step =
                state < denseStates
                  ? (dense[state * width + column] as number)
                  : nextState(t, state, column)
            }
            state = step & STATE
            pendingFrom = -1
            if (step < 0) {
              pendingFrom = candidateStart(t, state, symbols, scratch)
              pendingLast = j
            }
            // @NOTE Back at the root inside a word: no match can start before the next non-word
            // symbol, so the rest of the run needs no steps (the automaton starts again after it).
            dead = state === 0
          }
          j += 1
          d = next
          if (((d | 0x20) - 0x61) >>> 0 >= 26) break
          next = j + 1 < n ? text.charCodeAt(j + 1) : 0
          if (next >= 0x300) {
            next = d
            break
          }
        }
        if (dead) previous = text.charCodeAt(j - 1) | 0x20
        core += j - i
        wordLast = j - 1
        i = j
        continue
      }
      if (c === 0x20 && next < 0x300) {
        // @NOTE The next most common case, one space: the general steps below, cut down.
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
        if (gap >= 0) gap += 1
        i += 1
        if (previous === 0x20) continue
        if (pendingFrom >= 0 && !(pendingFrom >= windowStart && pendingLast < windowEnd)) {
          addWindow(text, windows, pendingFrom, pendingLast, 0)
          windowStart = windows[windows.length - 2] as number
          windowEnd = windows[windows.length - 1] as number
        }
        pendingFrom = -1
        previous = 0x20
        if (lastWord === 0) {
          ring[symbols & mask] = i - 1
          marks[symbols & mask] = symbols
        }
        lastWord = 0
        symbols += 1
        let step = 0
        if (spaceColumn !== 0) {
          step =
            state < denseStates
              ? (dense[state * width + spaceColumn] as number)
              : nextState(t, state, spaceColumn)
        }
        state = step & STATE
        if (step < 0) {
          pendingFrom = candidateStart(t, state, symbols, scratch)
          pendingLast = i - 1
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
    if (start < 0) {
      scratch.symbols = symbols
      return
    }
    previous = code
    if (lastWord === 0) {
      ring[symbols & mask] = start
      marks[symbols & mask] = symbols
    }
    lastWord = isWord
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
