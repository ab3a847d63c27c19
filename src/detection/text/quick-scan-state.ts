import type { AutomatonTables } from './aho-corasick.js'

// @NOTE quickScan's scratch space and where its candidate matches start (see quick-scan.ts).

/** Past this, quickScan numbers symbols from 0 again (and forgets its marks). */
const RENUMBER_AT = 0x3fffffff

/** Scratch space for quickScan, sized for one automaton. */
export class QuickScanState {
  readonly mask: number
  /** Where each of the last few symbols a match may start at began in the text. */
  readonly ring: Int32Array
  /**
   * The number of the symbol whose start each ring slot holds: only symbols a match may start at
   * (the first of the text, or after one that is not a letter or digit) are written.
   */
  readonly marks: Int32Array
  /** Symbols are numbered on from one text to the next, so no mark left over looks current. */
  symbols = 0
  /** [start, end) pairs of the windows found by the last scan (a new array when any are). */
  windows: number[] = []

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
    this.marks = new Int32Array(size).fill(-1)
  }

  /** The number of a text's first symbol: where the last one stopped, or 0 once that is large. */
  firstSymbol(): number {
    if (this.symbols > RENUMBER_AT) {
      this.marks.fill(-1)
      this.symbols = 0
    }
    return this.symbols
  }
}

/**
 * Where the earliest pattern ending at `state` starts in the text, among those not preceded by a
 * letter or digit; -1 if none.
 */
export function candidateStart(
  t: AutomatonTables,
  state: number,
  symbols: number,
  scratch: QuickScanState,
): number {
  const { ring, marks, mask } = scratch
  let from = -1
  for (
    let r = t.reportFrom[state] as number;
    r > 0;
    r = t.reportFrom[t.fail[r] as number] as number
  ) {
    for (let p = t.firstPattern[r] as number; p >= 0; p = t.nextPattern[p] as number) {
      const first = symbols - (t.lengths[p] as number)
      if (marks[first & mask] !== first) continue
      const at = ring[first & mask] as number
      if (from < 0 || at < from) from = at
    }
  }
  return from
}
