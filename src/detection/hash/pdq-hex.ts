// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE Browser-safe. PDQ hashes as text: 64 hex digits, sixteen 16-bit words printed from
// word 15 down to word 0 (Meta's order), so bit 0 is the lowest bit of the last digit.
import { InvalidInputError } from '../../core/errors.js'

export const PDQ_HEX_LENGTH = 64

/** Hex digit value per char code, −1 for anything else. */
const DIGIT = new Int8Array(128).fill(-1)
for (let c = 0; c < 10; c++) DIGIT[48 + c] = c
for (let c = 0; c < 6; c++) {
  DIGIT[65 + c] = 10 + c
  DIGIT[97 + c] = 10 + c
}

/** True for exactly 64 hex digits (either case). */
export function isPdqHash(value: string): boolean {
  if (value.length !== PDQ_HEX_LENGTH) return false
  for (let i = 0; i < PDQ_HEX_LENGTH; i++) {
    const code = value.charCodeAt(i)
    if (code >= 128 || DIGIT[code]! < 0) return false
  }
  return true
}

/**
 * Checks and normalises a PDQ hash: surrounding whitespace is trimmed and digits lowercased.
 * Throws an InvalidInputError for anything that is not 64 hex digits.
 */
export function parsePdqHash(value: string): string {
  const trimmed = value.trim()
  if (!isPdqHash(trimmed)) {
    throw new InvalidInputError('a PDQ hash is 64 hexadecimal digits', {
      length: trimmed.length,
    })
  }
  return trimmed.toLowerCase()
}

/** The hash as 8 unsigned 32-bit words, word 0 from the first 8 digits. Throws if invalid. */
export function pdqHashToWords(hex: string): Uint32Array {
  const words = new Uint32Array(8)
  if (!readWords(hex, words)) throw new InvalidInputError('a PDQ hash is 64 hexadecimal digits')
  return words
}

/** Fills `words` from `hex`; false if `hex` is not 64 hex digits. */
function readWords(hex: string, words: Uint32Array): boolean {
  if (hex.length !== PDQ_HEX_LENGTH) return false
  let invalid = 0
  for (let w = 0, i = 0; w < 8; w++) {
    let word = 0
    for (let end = i + 8; i < end; i++) {
      const code = hex.charCodeAt(i)
      const digit = code < 128 ? DIGIT[code]! : -1
      invalid |= digit
      word = (word << 4) | (digit & 15)
    }
    words[w] = word
  }
  return invalid >= 0
}

/** Set bits in a 32-bit word (SWAR popcount). */
export function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/** Hamming distance between two hashes held as 8 × 32-bit words. */
export function hammingDistanceWords(a: Uint32Array, b: Uint32Array): number {
  let distance = 0
  for (let w = 0; w < 8; w++) distance += popcount32((a[w]! ^ b[w]!) >>> 0)
  return distance
}

const scratchA = new Uint32Array(8)
const scratchB = new Uint32Array(8)

/** Hamming distance (0–256) between two 64-hex PDQ hashes; throws if either is invalid. */
export function hammingDistance(a: string, b: string): number {
  if (!readWords(a, scratchA) || !readWords(b, scratchB)) {
    throw new InvalidInputError('a PDQ hash is 64 hexadecimal digits')
  }
  return hammingDistanceWords(scratchA, scratchB)
}

/**
 * Hex of the bits of a 16×16 block: bit k = 16i + j is set when `block[k] > median`. Row i is
 * 16-bit word i, and words print from 15 down to 0.
 */
export function bitsToHex(block: Float32Array, median: number): string {
  let hex = ''
  for (let i = 15; i >= 0; i--) {
    let word = 0
    for (let j = 0; j < 16; j++) if (block[i * 16 + j]! > median) word |= 1 << j
    hex += word.toString(16).padStart(4, '0')
  }
  return hex
}
