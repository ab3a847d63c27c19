import {
  type AlternateReading,
  type CharStream,
  joinSpacedLetters,
  resolveLeet,
} from './evasion.js'
import { clusterEnd, foldCluster, isMarkAt, learnUnit, UNIT_FOLD } from './fold.js'
import { foldSimple } from './fold-simple.js'
import { SymbolWriter } from './symbols.js'

/**
 * Text as the keyword matcher compares it: one symbol per run of the same letter (`run` says
 * how long the run was) or per whitespace run, each with the range of the original text it came
 * from (`starts`/`ends`, UTF-16 offsets into the text as sent). Only the first `length` entries
 * of each array are meaningful (buffers are reused).
 */
export interface NormalisedText {
  readonly length: number
  readonly codes: Uint16Array
  /**
   * For letters: 1 single, 2 doubled ('ss' in 'class'), 3 stretched ('uuu', 'uu' in 'fuuck'). A
   * single term letter matches runs 1 and 3; a double term letter matches runs 2 and 3.
   */
  readonly run: Uint8Array
  /** 1 for letters and digits of spaced scripts: what a term may not touch on either side. */
  readonly word: Uint8Array
  readonly starts: Int32Array
  readonly ends: Int32Array
}

/**
 * One reading of the text. Second readings (leetspeak's 'l' for '1', 'a' for a leading '@') cover
 * windows around the words they change, all such words in a window changed at once.
 */
export interface Reading extends NormalisedText {
  /** The window is cut from longer text: its first (last) symbol is context, not matchable. */
  readonly cutStart: boolean
  readonly cutEnd: boolean
}

/**
 * The one normaliser for list terms and scanned text. Steps: (1) per character: NFKC, case
 * folding, diacritics removed, invisible characters removed, homoglyphs mapped (fold.ts);
 * (2) spaced-out letters joined; (3) leetspeak read (evasion.ts); (4) letter runs and whitespace
 * runs compressed to one symbol. Buffers are reused: what it returns is valid until its next call.
 */
export class TextNormaliser {
  readonly #stream: CharStream = newStream(256)
  readonly #out = new SymbolWriter()
  readonly #alternateOut: SymbolWriter[] = []

  /**
   * Steps 1–2: the folded text with spaced-out letters joined, one code unit at a time. Only
   * text[from, to) is read (a range that splits no character cluster); offsets are into `text`.
   */
  fold(text: string, from = 0, to = text.length): CharStream {
    this.#foldChars(text, from, to)
    joinSpacedLetters(this.#stream)
    return this.#stream
  }

  /**
   * All steps, over text[from, to) as `fold` reads it. The first reading is the whole text; the
   * others are second leetspeak readings of windows (`context` folded characters either side of
   * the words they change, merged).
   */
  readings(text: string, context = 64, from = 0, to = text.length): Reading[] {
    if (foldSimple(text, this.#out, from, to)) return [reading(this.#out, false, false)]
    const stream = this.fold(text, from, to)
    const alternates: AlternateReading[] = []
    resolveLeet(stream, alternates)
    compress(stream, 0, stream.length, this.#out)
    const readings = [reading(this.#out, false, false)]
    for (let k = 0; k < alternates.length; ) {
      const from = Math.max(0, (alternates[k]?.from ?? 0) - context)
      let to = Math.min(stream.length, (alternates[k]?.to ?? 0) + context)
      let next = k + 1
      while (next < alternates.length && (alternates[next]?.from ?? 0) - context <= to) {
        to = Math.min(stream.length, (alternates[next]?.to ?? 0) + context)
        next += 1
      }
      const out = this.#alternateOut[readings.length - 1] ?? new SymbolWriter()
      this.#alternateOut[readings.length - 1] = out
      this.#applyAlternates(stream, alternates, k, next, from, to, out)
      readings.push(reading(out, from > 0, to < stream.length))
      k = next
    }
    return readings
  }

  /** Compresses stream[from, to) with alternates[first, last) applied, into `out`. */
  #applyAlternates(
    s: CharStream,
    alternates: readonly AlternateReading[],
    first: number,
    last: number,
    from: number,
    to: number,
    out: SymbolWriter,
  ): void {
    const saved: number[] = []
    for (let a = first; a < last; a += 1) {
      const { changes } = alternates[a] as AlternateReading
      for (let k = 0; k < changes.length; k += 3) {
        const at = changes[k] as number
        saved.push(at, s.codes[at] as number, s.classes[at] as number)
        s.codes[at] = changes[k + 1] as number
        s.classes[at] = changes[k + 2] as number
      }
    }
    compress(s, from, to, out)
    for (let k = 0; k < saved.length; k += 3) {
      const at = saved[k] as number
      s.codes[at] = saved[k + 1] as number
      s.classes[at] = saved[k + 2] as number
    }
  }

  #foldChars(text: string, from: number, to: number): void {
    let s = this.#stream
    if (s.codes.length < to - from + 16) s = this.#grow(to - from + 16)
    let { codes, classes, starts, ends } = s
    let len = 0
    let i = from
    while (i < to) {
      const c = text.charCodeAt(i)
      const marked = i + 1 < to && text.charCodeAt(i + 1) >= 0x300 && isMarkAt(text, i + 1)
      let unit = marked ? -1 : (UNIT_FOLD[c] as number)
      if (unit === 0) unit = learnUnit(c)
      if (unit >= 0) {
        codes[len] = unit & 0xffff
        classes[len] = unit >>> 16
        starts[len] = i
        ends[len] = i + 1
        len += 1
        i += 1
        continue
      }
      const end = clusterEnd(text, i, to)
      const piece = foldCluster(text.slice(i, end))
      const size = piece.codes.length
      if (codes.length < len + size + (to - end)) {
        s.length = len
        s = this.#grow(2 * (len + size + (to - end)))
        ;({ codes, classes, starts, ends } = s)
      }
      for (let k = 0; k < size; k += 1) {
        codes[len] = piece.codes[k] as number
        classes[len] = piece.classes[k] as number
        starts[len] = i
        ends[len] = end
        len += 1
      }
      i = end
    }
    s.length = len
  }

  #grow(capacity: number): CharStream {
    const s = this.#stream
    const old = { ...s }
    s.codes = new Uint16Array(capacity)
    s.classes = new Uint8Array(capacity)
    s.starts = new Int32Array(capacity)
    s.ends = new Int32Array(capacity)
    s.codes.set(old.codes.subarray(0, old.length))
    s.classes.set(old.classes.subarray(0, old.length))
    s.starts.set(old.starts.subarray(0, old.length))
    s.ends.set(old.ends.subarray(0, old.length))
    return s
  }
}

function newStream(capacity: number): CharStream {
  return {
    codes: new Uint16Array(capacity),
    classes: new Uint8Array(capacity),
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    length: 0,
  }
}

/** Step 4 over stream[from, to) into `out`; returns the number of symbols. */
function compress(s: CharStream, from: number, to: number, out: SymbolWriter): number {
  out.reset(to - from)
  const { codes, classes, starts, ends } = s
  for (let i = from; i < to; i += 1) {
    out.push(codes[i] as number, classes[i] as number, starts[i] as number, ends[i] as number)
  }
  return out.finish()
}

function reading(out: SymbolWriter, cutStart: boolean, cutEnd: boolean): Reading {
  const { length, codes, run, word, starts, ends } = out
  return { length, codes, run, word, starts, ends, cutStart, cutEnd }
}

/** A list term, normalised like text: its symbols and which must be runs of two or more. */
export interface NormalisedTerm {
  readonly codes: Uint16Array
  /** 1 where the term has two or more of the same letter (they are one symbol in `codes`). */
  readonly long: Uint8Array
  /** The symbols as a string with long runs written twice: equal keys match the same text. */
  readonly key: string
}

/** Normalises a list term (steps 1–4, first reading), without leading or trailing space. */
export function normaliseTerm(
  term: string,
  normaliser: TextNormaliser = new TextNormaliser(),
): NormalisedTerm {
  const [reading] = normaliser.readings(term)
  if (!reading) return { codes: new Uint16Array(0), long: new Uint8Array(0), key: '' }
  let from = 0
  let to = reading.length
  while (from < to && reading.codes[from] === 0x20) from += 1
  while (to > from && reading.codes[to - 1] === 0x20) to -= 1
  const codes = reading.codes.slice(from, to)
  const long = reading.run.slice(from, to).map((run) => (run > 1 ? 1 : 0))
  let key = ''
  for (let k = 0; k < codes.length; k += 1) {
    const ch = String.fromCharCode(codes[k] ?? 0)
    key += long[k] ? ch + ch : ch
  }
  return { codes, long, key }
}

/**
 * The readable folded form of a term or text (step 1 only): NFKC, case folding, diacritics,
 * invisible characters and homoglyphs, with whitespace runs as one space and no space at the
 * ends. This is the `term` the evidence shows.
 */
export function normaliseText(text: string): string {
  let out = ''
  for (const ch of text) {
    const piece = foldCluster(ch)
    out += String.fromCharCode(...piece.codes)
  }
  return out.replace(/ +/g, ' ').trim()
}

/**
 * Steps 1–2 as a string, with the range of the original text each code unit came from, for
 * matchers that bring their own leetspeak handling (see obscenity-matcher.ts).
 */
export function foldWithOffsets(text: string): { text: string; starts: number[]; ends: number[] } {
  const stream = new TextNormaliser().fold(text)
  const starts = Array.from(stream.starts.subarray(0, stream.length))
  const ends = Array.from(stream.ends.subarray(0, stream.length))
  return { text: decodeUnits(stream.codes, stream.length), starts, ends }
}

/** A string from the first `length` UTF-16 code units of `codes`. */
export function decodeUnits(codes: Uint16Array, length: number): string {
  let out = ''
  for (let k = 0; k < length; k += 4096) {
    out += String.fromCharCode(...codes.subarray(k, Math.min(length, k + 4096)))
  }
  return out
}
