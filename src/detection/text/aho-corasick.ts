/** Called for every occurrence: pattern index, and [start, end) in the scanned code units. */
export type OnMatch = (pattern: number, start: number, end: number) => void

export interface AhoCorasickMatch {
  pattern: number
  start: number
  end: number
}

export interface AhoCorasickOptions {
  /**
   * How many transition-table cells (4 bytes each) the shallow states may use as full rows.
   * States are numbered breadth-first, so the rows go to the states a scan visits most.
   */
  denseCells?: number
}

const DEFAULT_DENSE_CELLS = 1 << 16

/**
 * The automaton's tables. Exposed for scans fused with other per-character work
 * (quick-scan.ts), which step it with `nextState`; everything else should use `scan`.
 */
export interface AutomatonTables {
  /** Symbol → column; 0 for symbols in no pattern. */
  readonly alphabet: Uint16Array
  readonly width: number
  /**
   * States below this have a full row in `dense` (goto, else their fail state's row). Both
   * `dense` and `edgeTargets` hold transitions: the next state, with the sign bit set (the value
   * negative) when a pattern ends there, so a scan learns both from one load. See `REPORTS`.
   */
  readonly denseStates: number
  readonly dense: Int32Array
  /** Deeper states: sorted edges edgeColumns/edgeTargets[edgeOffsets[s - denseStates] …]. */
  readonly edgeOffsets: Int32Array
  readonly edgeColumns: Uint16Array
  readonly edgeTargets: Int32Array
  readonly fail: Int32Array
  /** The state itself if a pattern ends there, else the nearest such state on its fail chain. */
  readonly reportFrom: Int32Array
  /** 1 where reportFrom is set: a byte per state, for hot loops. */
  readonly reports: Uint8Array
  readonly firstPattern: Int32Array
  readonly nextPattern: Int32Array
  readonly lengths: Int32Array
  /** The longest pattern. */
  readonly maxDepth: number
}

/** The sign bit of a transition: set when a pattern ends at the state it leads to. */
export const REPORTS = 0x80000000 | 0
/** The state a transition leads to. */
export const STATE = 0x7fffffff

/**
 * The transition from `state` on the symbol in `column` (non-zero; column 0 means the root):
 * the next state, negative when a pattern ends there (`& STATE` for the state).
 */
export function nextState(t: AutomatonTables, state: number, column: number): number {
  let s = state
  for (;;) {
    if (s < t.denseStates) return t.dense[s * t.width + column] as number
    const row = s - t.denseStates
    const end = t.edgeOffsets[row + 1] as number
    for (let e = t.edgeOffsets[row] as number; e < end; e += 1) {
      if (t.edgeColumns[e] === column) return t.edgeTargets[e] as number
    }
    s = t.fail[s] as number
  }
}

/**
 * Aho–Corasick automaton over UTF-16 code units (or any symbols below 65536), built once.
 * Patterns' symbols are renumbered into a small alphabet (a code in no pattern sends the scan
 * back to the root); the shallow states, numbered breadth-first, get full transition rows and
 * the deep ones sorted edge lists plus failure links, all in typed arrays. Empty patterns never
 * match.
 */
export class AhoCorasick {
  readonly patternCount: number
  readonly stateCount: number
  readonly tables: AutomatonTables

  constructor(patterns: readonly ArrayLike<number>[], options: AhoCorasickOptions = {}) {
    this.patternCount = patterns.length
    const alphabet = new Uint16Array(0x10000)
    const width = numberSymbols(patterns, alphabet)
    const trie = buildTrie(patterns, alphabet, width)
    const order = breadthFirst(trie)
    const n = order.states.length
    this.stateCount = n
    const denseStates = Math.max(
      1,
      Math.min(n, Math.floor((options.denseCells ?? DEFAULT_DENSE_CELLS) / width)),
    )
    let edges = 0
    for (let s = denseStates; s < n; s += 1) {
      edges += (trie.children[order.states[s] ?? 0]?.length ?? 0) / 2
    }
    const lengths = Int32Array.from(patterns, (pattern) => pattern.length)
    const tables: AutomatonTables = {
      alphabet,
      width,
      denseStates,
      dense: new Int32Array(denseStates * width),
      edgeOffsets: new Int32Array(n - denseStates + 1),
      edgeColumns: new Uint16Array(edges),
      edgeTargets: new Int32Array(edges),
      fail: new Int32Array(n),
      reportFrom: new Int32Array(n).fill(-1),
      reports: new Uint8Array(n),
      firstPattern: new Int32Array(n).fill(-1),
      nextPattern: new Int32Array(patterns.length).fill(-1),
      lengths,
      maxDepth: lengths.reduce((max, length) => Math.max(max, length), 0),
    }
    for (let s = 0; s < n; s += 1) linkOutputs(tables, s, trie, order)
    fillTransitions(tables, trie, order)
    this.tables = tables
  }

  /** Bytes held by the automaton's tables. */
  get byteLength(): number {
    let bytes = 0
    for (const value of Object.values(this.tables)) {
      if (ArrayBuffer.isView(value)) bytes += value.byteLength
    }
    return bytes
  }

  /** Reports every occurrence of every pattern in codes[0, length), in order of end. */
  scan(codes: Uint16Array, length: number, onMatch: OnMatch): void {
    const t = this.tables
    const { alphabet, dense, denseStates, width } = t
    let s = 0
    for (let i = 0; i < length; i += 1) {
      const a = alphabet[codes[i] as number] as number
      // @NOTE The dense step inlined: V8 does not inline nextState into this loop.
      if (a === 0) {
        s = 0
        continue
      }
      const next = s < denseStates ? (dense[s * width + a] as number) : nextState(t, s, a)
      s = next & STATE
      if (next < 0) reportAt(t, s, i + 1, onMatch)
    }
  }

  /** Every occurrence in a string's UTF-16 code units, in order of end. */
  findAll(text: string): AhoCorasickMatch[] {
    const codes = new Uint16Array(text.length)
    for (let i = 0; i < text.length; i += 1) codes[i] = text.charCodeAt(i)
    const found: AhoCorasickMatch[] = []
    this.scan(codes, codes.length, (pattern, start, end) => found.push({ pattern, start, end }))
    return found
  }
}

/** Reports the patterns ending at `state` (reached with the symbol before `end`). */
export function reportAt(t: AutomatonTables, state: number, end: number, onMatch: OnMatch): void {
  for (let r = t.reportFrom[state] ?? -1; r > 0; r = t.reportFrom[t.fail[r] ?? 0] ?? -1) {
    for (let p = t.firstPattern[r] ?? -1; p >= 0; p = t.nextPattern[p] ?? -1) {
      onMatch(p, end - (t.lengths[p] ?? 0), end)
    }
  }
}

/** Fail link, patterns ending at `s`, and the first state on its chain that ends one. */
function linkOutputs(t: AutomatonTables, s: number, trie: Trie, order: BreadthFirst): void {
  const old = order.states[s] ?? 0
  const fail = order.newId[order.fail[old] ?? 0] ?? 0
  t.fail[s] = fail
  for (const p of [...(trie.patterns.get(old) ?? [])].reverse()) {
    t.nextPattern[p] = t.firstPattern[s] ?? -1
    t.firstPattern[s] = p
  }
  if (s === 0) return
  const own = (t.firstPattern[s] ?? -1) >= 0
  t.reportFrom[s] = own ? s : (t.reportFrom[fail] ?? -1)
  t.reports[s] = (t.reportFrom[s] ?? -1) >= 0 ? 1 : 0
}

function transition(t: AutomatonTables, state: number): number {
  return t.reports[state] === 1 ? state | REPORTS : state
}

/** Full rows for the dense states (goto, else the fail state's row); edge lists for the rest. */
function fillTransitions(t: AutomatonTables, trie: Trie, order: BreadthFirst): void {
  const { width, denseStates, dense, fail } = t
  const n = order.states.length
  let edge = 0
  for (let s = 0; s < n; s += 1) {
    const kids = trie.children[order.states[s] ?? 0] ?? []
    if (s < denseStates) {
      const row = s * width
      const from = (fail[s] ?? 0) * width
      if (s > 0) dense.copyWithin(row, from, from + width)
      for (let k = 0; k < kids.length; k += 2) {
        dense[row + (kids[k] ?? 0)] = transition(t, order.newId[kids[k + 1] ?? 0] ?? 0)
      }
      continue
    }
    const sorted: [number, number][] = []
    for (let k = 0; k < kids.length; k += 2) sorted.push([kids[k] ?? 0, kids[k + 1] ?? 0])
    sorted.sort((x, y) => x[0] - y[0])
    t.edgeOffsets[s - denseStates] = edge
    for (const [column, child] of sorted) {
      t.edgeColumns[edge] = column
      t.edgeTargets[edge] = transition(t, order.newId[child] ?? 0)
      edge += 1
    }
  }
  t.edgeOffsets[n - denseStates] = edge
}

/** Numbers the symbols the patterns use from 1 in `alphabet`; returns the alphabet's width. */
function numberSymbols(patterns: readonly ArrayLike<number>[], alphabet: Uint16Array): number {
  let width = 1
  for (const pattern of patterns) {
    for (let k = 0; k < pattern.length; k += 1) {
      const code = pattern[k] ?? 0
      if (alphabet[code] === 0) alphabet[code] = width++
    }
  }
  return width
}

interface Trie {
  width: number
  /** Per state: flattened [column, child, column, child, …]. */
  children: number[][]
  /** Child by `state * width + column`. */
  goto: Map<number, number>
  /** Patterns ending at each state. */
  patterns: Map<number, number[]>
}

interface BreadthFirst {
  /** Old ids in breadth-first order: states[newId] = oldId. */
  states: Int32Array
  newId: Int32Array
  /** Fail links by old id. */
  fail: Int32Array
}

function buildTrie(patterns: readonly ArrayLike<number>[], alphabet: Uint16Array, width: number) {
  const trie: Trie = { width, children: [[]], goto: new Map(), patterns: new Map() }
  patterns.forEach((pattern, p) => {
    if (pattern.length === 0) return
    let s = 0
    for (let k = 0; k < pattern.length; k += 1) {
      const column = alphabet[pattern[k] ?? 0] ?? 0
      let next = trie.goto.get(s * width + column)
      if (next === undefined) {
        next = trie.children.length
        trie.children.push([])
        trie.children[s]?.push(column, next)
        trie.goto.set(s * width + column, next)
      }
      s = next
    }
    const list = trie.patterns.get(s) ?? []
    list.push(p)
    trie.patterns.set(s, list)
  })
  return trie
}

/** Numbers the states breadth-first and finds each one's fail link on the way. */
function breadthFirst(trie: Trie): BreadthFirst {
  const n = trie.children.length
  const states = new Int32Array(n)
  const newId = new Int32Array(n)
  const fail = new Int32Array(n)
  let head = 0
  let tail = 1
  while (head < tail) {
    const s = states[head] ?? 0
    newId[s] = head
    head += 1
    const kids = trie.children[s] ?? []
    for (let k = 0; k < kids.length; k += 2) {
      const child = kids[k + 1] ?? 0
      states[tail] = child
      tail += 1
      fail[child] = s === 0 ? 0 : failTarget(trie, fail, fail[s] ?? 0, kids[k] ?? 0)
    }
  }
  return { states, newId, fail }
}

/** The longest proper suffix state: follow fail links from `from` until one has `column`. */
function failTarget(trie: Trie, fail: Int32Array, from: number, column: number): number {
  let f = from
  for (;;) {
    const next = trie.goto.get(f * trie.width + column)
    if (next !== undefined) return next
    if (f === 0) return 0
    f = fail[f] ?? 0
  }
}
