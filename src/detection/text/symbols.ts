import { DIGIT, LETTER, SPACE, UNSPACED_LETTER } from './fold.js'

/** Letters English rarely doubles: 'uu' in 'fuuck' is stretching, 'oo' in 'good' is not. */
const RARELY_DOUBLED = new Uint8Array(0x80)
for (const ch of 'ahijkquvwxy') RARELY_DOUBLED[ch.charCodeAt(0)] = 1

/**
 * Step 4 of the normaliser: folded characters in, symbols out. A run of one letter, or of
 * whitespace, becomes one symbol. A letter run's `run` is 1 (single), 2 (double) or 3 (stretched:
 * three or more, a double of a letter English rarely doubles, or any double in a word that has
 * a run of three or more). Buffers grow as needed and are reused from one text to the next.
 */
export class SymbolWriter {
  codes: Uint16Array
  run: Uint8Array
  word: Uint8Array
  starts: Int32Array
  ends: Int32Array
  length = 0
  #previous = -1
  #previousClass = -1
  #count = 0
  #wordStart = 0
  #stretched = false

  constructor(capacity = 256) {
    this.codes = new Uint16Array(capacity)
    this.run = new Uint8Array(capacity)
    this.word = new Uint8Array(capacity)
    this.starts = new Int32Array(capacity)
    this.ends = new Int32Array(capacity)
  }

  /** Starts a new text with room for at least `capacity` symbols. */
  reset(capacity: number): void {
    if (this.codes.length < capacity) this.#grow(capacity)
    this.length = 0
    this.#previous = -1
    this.#previousClass = -1
    this.#count = 0
    this.#wordStart = 0
    this.#stretched = false
  }

  push(code: number, cls: number, start: number, end: number): void {
    const m = this.length
    if (code === this.#previous && (cls === LETTER || cls === UNSPACED_LETTER || cls === SPACE)) {
      this.#count += 1
      this.ends[m - 1] = end
      return
    }
    if (this.#count > 1) this.#closeRun()
    const word = cls === LETTER || cls === DIGIT ? 1 : 0
    if (word === 0) {
      if (this.#stretched) this.#stretchWord()
      this.#wordStart = m + 1
    }
    if (m === this.codes.length) this.#grow(m * 2)
    this.codes[m] = code
    this.run[m] = 1
    this.word[m] = word
    this.starts[m] = start
    this.ends[m] = end
    this.#previous = code
    this.#previousClass = cls
    this.#count = 1
    this.length = m + 1
  }

  /** Ends the text; returns the number of symbols. */
  finish(): number {
    if (this.#count > 1) this.#closeRun()
    if (this.#stretched) this.#stretchWord()
    this.#count = 0
    return this.length
  }

  #closeRun(): void {
    if (this.#previousClass === SPACE) return
    const stretched = this.#count > 2
    this.run[this.length - 1] = stretched || RARELY_DOUBLED[this.#previous] === 1 ? 3 : 2
    if (stretched) this.#stretched = true
  }

  #stretchWord(): void {
    stretchWord(this.run, this.#wordStart, this.length)
    this.#stretched = false
  }

  #grow(capacity: number): void {
    const grow = <T extends Uint8Array | Uint16Array | Int32Array>(old: T, next: T): T => {
      next.set(old.subarray(0, this.length))
      return next
    }
    this.codes = grow(this.codes, new Uint16Array(capacity))
    this.run = grow(this.run, new Uint8Array(capacity))
    this.word = grow(this.word, new Uint8Array(capacity))
    this.starts = grow(this.starts, new Int32Array(capacity))
    this.ends = grow(this.ends, new Int32Array(capacity))
  }
}

/** In a word with a run of three or more, every double counts as stretched too. */
function stretchWord(run: Uint8Array, from: number, to: number): void {
  for (let k = from; k < to; k += 1) if (run[k] === 2) run[k] = 3
}
