import {
  clusterEnd,
  DIGIT,
  foldCluster,
  isMarkAt,
  LEET_SYMBOL,
  LETTER,
  learnUnit,
  SEPARATOR,
  SPACE,
  UNIT_FOLD,
} from './fold.js'
import type { SymbolWriter } from './symbols.js'
import { LEET } from './tables.js'

/** 1 for the digits leetspeak reads as letters (tables.ts LEET). */
export const LEET_DIGIT = new Uint8Array(0x80)
for (const ch of Object.keys(LEET)) if (/[0-9]/.test(ch)) LEET_DIGIT[ch.charCodeAt(0)] = 1
/** '!' and '|': leet letters only between letters or digits. */
export const BANG = 0x21
export const BAR = 0x7c

/**
 * Steps 1 and 4 in one pass, for text that needs neither spaced-out letters joined nor
 * leetspeak read: most text. Returns false as soon as the text might need either; the caller
 * then takes the full path. When it returns true, `out` holds exactly what the full path (fold,
 * joinSpacedLetters, resolveLeet, SymbolWriter) would have produced for text[from, to), with
 * offsets into `text`.
 */
export function foldSimple(text: string, out: SymbolWriter, from = 0, to = text.length): boolean {
  out.reset(to - from + 16)
  const watch = new EvasionWatch()
  let i = from
  while (i < to) {
    const c = text.charCodeAt(i)
    const marked = i + 1 < to && text.charCodeAt(i + 1) >= 0x300 && isMarkAt(text, i + 1)
    let unit = marked ? -1 : (UNIT_FOLD[c] as number)
    if (unit === 0) unit = learnUnit(c)
    if (unit >= 0) {
      const code = unit & 0xffff
      const cls = unit >>> 16
      if (!watch.accepts(code, cls)) return false
      out.push(code, cls, i, i + 1)
      i += 1
      continue
    }
    const end = clusterEnd(text, i, to)
    const piece = foldCluster(text.slice(i, end))
    for (let k = 0; k < piece.codes.length; k += 1) {
      const code = piece.codes[k] as number
      const cls = piece.classes[k] as number
      if (!watch.accepts(code, cls)) return false
      out.push(code, cls, i, end)
    }
    i = end
  }
  if (!watch.accepts(0x20, SPACE)) return false
  out.finish()
  return true
}

/**
 * Watches folded characters for what the full path's joining and leetspeak steps would change:
 * a word with a letter and a leet digit or symbol ('$', '@', or '!'/'|' before a letter or
 * digit), or three single-character words one to three gap characters apart. It may answer
 * "maybe" where those steps would change nothing, never the reverse. quick-scan.ts inlines it.
 */
export class EvasionWatch {
  /** Letters and digits in the current word (leet symbols not counted). */
  #core = 0
  #letter = false
  #leet = false
  #symbol = false
  /** The previous character was '!' or '|' right after a letter or digit. */
  #bang = false
  /** Gap characters since the last word, or -1 after anything else. */
  #gap = 0
  #gapBefore = 0
  /** Single-character words so far in a chain a few gap characters apart. */
  #singles = 0

  /** Takes the next folded character; false if the text may need the full path. */
  accepts(code: number, cls: number): boolean {
    if (cls === LETTER || cls === DIGIT || cls === LEET_SYMBOL) {
      if (this.#core === 0 && !this.#symbol) this.#gapBefore = this.#gap
      if (cls === LEET_SYMBOL) {
        this.#symbol = true
        if (code === BANG || code === BAR) this.#bang = this.#core > 0
        else this.#leet = true
      } else {
        if (this.#bang) this.#leet = true
        this.#bang = false
        this.#core += 1
        if (cls === LETTER) this.#letter = true
        else if (LEET_DIGIT[code] === 1) this.#leet = true
      }
      return !(this.#letter && this.#leet)
    }
    if (this.#core > 0 || this.#symbol) {
      const single = this.#core <= 1 || this.#symbol
      const chained = this.#singles > 0 && this.#gapBefore >= 1 && this.#gapBefore <= 3
      this.#singles = single ? (chained ? this.#singles + 1 : 1) : 0
      if (this.#singles >= 3) return false
      this.#core = 0
      this.#letter = false
      this.#leet = false
      this.#symbol = false
      this.#bang = false
      this.#gap = 0
    }
    if (cls === SPACE || cls === SEPARATOR) {
      if (this.#gap >= 0) this.#gap += 1
    } else {
      this.#gap = -1
      this.#singles = 0
    }
    return true
  }
}
