import { DIGIT, LEET_SYMBOL, LETTER, OTHER, SEPARATOR, SPACE } from './fold.js'
import { LEET, LEET_ALTERNATE } from './tables.js'

/** Folded code units with their classes and where each came from in the original text. */
export interface CharStream {
  codes: Uint16Array
  classes: Uint8Array
  starts: Int32Array
  ends: Int32Array
  length: number
}

/**
 * A second reading of one word (`from`..`to` in the stream): 'k1ll' read with 'l' for '1', or
 * '@ss' with 'a' for a leading '@'. `changes` holds [index, code, class] triples.
 */
export interface AlternateReading {
  from: number
  to: number
  changes: number[]
}

/** At least this many spaced-out single characters are joined: "a b" stays, "f u c k" joins. */
export const MIN_SPACED_PIECES = 3
/** At most this many separators between two pieces: 'f . u . c . k'. */
const MAX_GAP = 3

const LEET_CODE = new Int32Array(128).fill(-1)
const ALTERNATE_CODE = new Int32Array(128).fill(-1)
for (const [from, to] of Object.entries(LEET)) LEET_CODE[from.charCodeAt(0)] = to.charCodeAt(0)
for (const [from, to] of Object.entries(LEET_ALTERNATE)) {
  ALTERNATE_CODE[from.charCodeAt(0)] = to.charCodeAt(0)
}
const AT = 0x40
const DOLLAR = 0x24

function isPiece(cls: number): boolean {
  return cls === LETTER || cls === DIGIT || cls === LEET_SYMBOL
}

function isGap(cls: number): boolean {
  return cls === SPACE || cls === SEPARATOR
}

/**
 * Joins runs of at least three single characters separated by spaces, dots, dashes, underscores
 * or asterisks ('f.u.c.k', 'f u c k', 'f-u-c-k'; up to three of them, the same between every
 * pair) into one word, in place. The separators go; the joined characters keep their offsets.
 */
export function joinSpacedLetters(s: CharStream): void {
  const n = s.length
  let w = 0
  let i = 0
  while (i < n) {
    const last = isPieceAt(s, i) ? spacedRunEnd(s, i) : -1
    if (last < 0) {
      copy(s, i, w)
      w += 1
      i += 1
      continue
    }
    for (let k = i; k <= last; k += 1) {
      if (!isPieceAt(s, k)) continue
      copy(s, k, w)
      w += 1
    }
    i = last + 1
  }
  s.length = w
}

/**
 * Whether the character at `i` belongs to a word for joining: letters, digits, '$' and '@'; '!'
 * and '|' only between letters or digits ('sh!t'), so 'f.u.c.k!' ends its run at 'k'.
 */
function isPieceAt(s: CharStream, i: number): boolean {
  if (i < 0 || i >= s.length) return false
  const cls = s.classes[i] ?? 0
  if (cls === LETTER || cls === DIGIT) return true
  if (cls !== LEET_SYMBOL) return false
  const code = s.codes[i] ?? 0
  if (code === DOLLAR || code === AT) return true
  const before = i > 0 ? (s.classes[i - 1] ?? 0) : OTHER
  const after = i + 1 < s.length ? (s.classes[i + 1] ?? 0) : OTHER
  return isLetterOrDigit(before) && isLetterOrDigit(after)
}

function isLetterOrDigit(cls: number): boolean {
  return cls === LETTER || cls === DIGIT
}

/**
 * If a spaced-out run of single characters starts at `i`, the index of its last one; else -1.
 * Every gap in a run is the same ('f.u.c.k', 'f. u. c. k'), so prose such as 'a b. e.g.' stays.
 */
function spacedRunEnd(s: CharStream, i: number): number {
  const n = s.length
  if (isPieceAt(s, i - 1) || !isSingle(s, i)) return -1
  let count = 1
  let last = i
  let gap = 0
  for (;;) {
    let k = last + 1
    while (k < n && k - last <= MAX_GAP && isGap(s.classes[k] ?? 0)) k += 1
    if (k === last + 1 || k >= n || !isPieceAt(s, k) || !isSingle(s, k)) break
    if (gap === 0) gap = k - last - 1
    else if (!sameGap(s.codes, i + 1, last + 1, gap, k - last - 1)) break
    count += 1
    last = k
  }
  return count >= MIN_SPACED_PIECES ? last : -1
}

function sameGap(codes: Uint16Array, first: number, at: number, length: number, other: number) {
  if (length !== other) return false
  for (let k = 0; k < length; k += 1) if (codes[first + k] !== codes[at + k]) return false
  return true
}

function isSingle(s: CharStream, i: number): boolean {
  return !isPieceAt(s, i + 1)
}

function copy(s: CharStream, from: number, to: number): void {
  if (from === to) return
  s.codes[to] = s.codes[from] ?? 0
  s.classes[to] = s.classes[from] ?? 0
  s.starts[to] = s.starts[from] ?? 0
  s.ends[to] = s.ends[from] ?? 0
}

/**
 * Reads leetspeak in place, word by word (a word: letters, digits and leet symbols together).
 * Only words with at least one real letter change, so '2026' or '$100' stay as they are. In such
 * a word: digits are read as letters when the word has at least as many letters as leet digits
 * ('sh1t', 'n1gg3r', not 'A55'); '$' anywhere ('a$$', '$hit'); '@', '!' and '|' between letters
 * ('r@pe', 'sh!t'; a trailing '!' stays punctuation); a leading '@' stays a mention, but is
 * also tried as 'a' ('@ss'). Second readings go to `alternates`.
 */
export function resolveLeet(s: CharStream, alternates: AlternateReading[]): void {
  const { classes } = s
  const n = s.length
  let i = 0
  while (i < n) {
    if (!isPiece(classes[i] ?? 0)) {
      i += 1
      continue
    }
    let j = i
    let plain = true
    for (; j < n && isPiece(classes[j] ?? 0); j += 1) if (classes[j] !== LETTER) plain = false
    if (!plain) resolveWord(s, i, j, alternates)
    i = j
  }
}

function resolveWord(s: CharStream, from: number, to: number, alternates: AlternateReading[]) {
  const { codes, classes } = s
  let letters = 0
  let leetDigits = 0
  let first = -1
  let last = -1
  for (let k = from; k < to; k += 1) {
    const cls = classes[k]
    if (cls === LETTER) letters += 1
    if (cls === DIGIT && (LEET_CODE[codes[k] ?? 0] ?? -1) >= 0) leetDigits += 1
    if (cls === LETTER || cls === DIGIT) {
      if (first < 0) first = k
      last = k
    }
  }
  const changes: number[] = []
  for (let k = from; k < to; k += 1) {
    const code = codes[k] ?? 0
    const cls = classes[k]
    if (cls === DIGIT && letters > 0 && letters >= leetDigits) read(s, k, changes)
    if (cls !== LEET_SYMBOL) continue
    const inside = k > first && k < last
    if (letters > 0 && (code === DOLLAR || (inside && first >= 0))) read(s, k, changes)
    else if (letters > 0 && code === AT && k < first) {
      classes[k] = OTHER
      changes.push(k, LEET_CODE[AT] ?? AT, LETTER)
    } else classes[k] = OTHER
  }
  if (changes.length > 0) alternates.push({ from, to, changes })
}

/** Reads the leet character at `k` as its letter, noting its second reading if it has one. */
function read(s: CharStream, k: number, changes: number[]): void {
  const code = s.codes[k] ?? 0
  const letter = LEET_CODE[code] ?? -1
  if (letter < 0) return
  s.codes[k] = letter
  s.classes[k] = LETTER
  const alternate = ALTERNATE_CODE[code] ?? -1
  if (alternate >= 0) changes.push(k, alternate, LETTER)
}
