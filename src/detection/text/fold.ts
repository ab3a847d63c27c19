import { HOMOGLYPHS, LEET, SEPARATORS, UNSPACED_SCRIPT, UPPERCASE_HOMOGLYPHS } from './tables.js'

// @NOTE Character classes of folded code units, as the normaliser's later steps see them.
/** Punctuation, symbols, emoji: never part of a word. */
export const OTHER = 0
/** A letter of a script written with spaces. */
export const LETTER = 1
export const DIGIT = 2
export const SPACE = 3
/** May separate spaced-out single letters; otherwise like OTHER. */
export const SEPARATOR = 4
/** A symbol leetspeak may read as a letter ('$', '@', '!', '|'); otherwise like OTHER. */
export const LEET_SYMBOL = 5
/** A letter of a script written without spaces (Han, kana, Thai…): not a word boundary. */
export const UNSPACED_LETTER = 6

/** One original character cluster, folded: its code units and their classes. */
export interface FoldedPiece {
  readonly codes: readonly number[]
  readonly classes: readonly number[]
}

const MARKS = /\p{M}/gu
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu
const IS_MARK = /^\p{M}$/u
const IS_LETTER = /^\p{L}$/u
const IS_NUMBER = /^\p{N}$/u
const IS_SPACE = /^\s$/u

/**
 * The fast path for one UTF-16 code unit not followed by a combining mark: `code | class << 16`
 * when it folds to exactly one code unit, -1 when it needs foldCluster (surrogates, characters
 * that fold to nothing or to several), 0 while unknown (see `learnUnit`).
 */
export const UNIT_FOLD = new Int32Array(0x10000)

/** Fills in UNIT_FOLD for `unit`; returns the entry. */
export function learnUnit(unit: number): number {
  let entry = -1
  if (unit < 0xd800 || unit > 0xdfff) {
    const piece = foldCluster(String.fromCharCode(unit))
    const code = piece.codes[0] ?? 0
    if (piece.codes.length === 1) entry = code | ((piece.classes[0] ?? OTHER) << 16)
  }
  UNIT_FOLD[unit] = entry
  return entry
}

/** Lazily filled: 0 unknown, 1 not a combining mark, 2 a combining mark (BMP only). */
const markTable = new Uint8Array(0x10000)

/** The same for code points past the BMP (emoji, mostly), as they are met. */
const astralMarks = new Map<number, boolean>()

/** Whether the code unit at `i` starts a combining mark (so it belongs to the cluster before). */
export function isMarkAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i)
  if (unit < 0x300) return false
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const point = text.codePointAt(i) ?? unit
    let mark = astralMarks.get(point)
    if (mark === undefined) {
      mark = IS_MARK.test(String.fromCodePoint(point))
      if (astralMarks.size >= 4096) astralMarks.clear()
      astralMarks.set(point, mark)
    }
    return mark
  }
  let known = markTable[unit]
  if (known === 0) {
    known = IS_MARK.test(String.fromCharCode(unit)) ? 2 : 1
    markTable[unit] = known
  }
  return known === 2
}

/**
 * End of the cluster starting at `i`: one code point and the combining marks after it, within
 * text[0, to).
 */
export function clusterEnd(text: string, i: number, to = text.length): number {
  const unit = text.charCodeAt(i)
  let end = i + (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to ? 2 : 1)
  while (end < to && isMarkAt(text, end)) {
    const next = text.charCodeAt(end)
    end += next >= 0xd800 && next <= 0xdbff ? 2 : 1
  }
  return end
}

const CACHE_LIMIT = 50_000
const cache = new Map<string, FoldedPiece>()

/**
 * Folds one cluster: NFKC, uppercase look-alikes, lower case, diacritics stripped (NFD, marks
 * removed, NFC again so Hangul recomposes), invisible characters removed, look-alikes mapped.
 */
export function foldCluster(cluster: string): FoldedPiece {
  let piece = cache.get(cluster)
  if (piece) return piece
  const upper = mapChars(cluster.normalize('NFKC'), UPPERCASE_HOMOGLYPHS)
  const bare = upper
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(IGNORABLE, '')
    .normalize('NFC')
  const folded = mapChars(bare, HOMOGLYPHS)
  const codes: number[] = []
  const classes: number[] = []
  for (const ch of folded) {
    const cls = classify(ch)
    for (let k = 0; k < ch.length; k += 1) {
      codes.push(cls === SPACE ? 0x20 : ch.charCodeAt(k))
      classes.push(cls)
    }
  }
  piece = { codes, classes }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(cluster, piece)
  return piece
}

function mapChars(text: string, table: Readonly<Record<string, string>>): string {
  let out = ''
  for (const ch of text) out += (Object.hasOwn(table, ch) ? table[ch] : undefined) ?? ch
  return out
}

/** The class of one folded character (a code point). */
export function classify(ch: string): number {
  if (IS_SPACE.test(ch)) return SPACE
  if (SEPARATORS.includes(ch)) return SEPARATOR
  if (Object.hasOwn(LEET, ch) && !/[0-9]/.test(ch)) return LEET_SYMBOL
  if (IS_NUMBER.test(ch)) return DIGIT
  if (!IS_LETTER.test(ch)) return OTHER
  return UNSPACED_SCRIPT.test(ch) ? UNSPACED_LETTER : LETTER
}
