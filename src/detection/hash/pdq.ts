// @NOTE Browser-safe PDQ (no node:* imports): hash, quality and the 8 dihedral hashes of a
// decoded pixel buffer, bit-exact with Meta's C++ reference (facebook/ThreatExchange pdq/cpp)
// given the same full-resolution pixels. Steps follow ../shared/research/hashing-rules.md §1;
// every float operation is rounded to float32 in the reference's order (deps.md §6).
import { downsampleTo64 } from './pdq-blur.js'
import { DIHEDRAL_NAMES, type DihedralName, dct64To16, dihedralOf, qualityOf64 } from './pdq-dct.js'
import { bitsToHex } from './pdq-hex.js'
import {
  FloatLuma,
  type LumaSource,
  lumaSource,
  type PixelBuffer,
  type SixteenBitConvention,
} from './pdq-luma.js'

export { DIHEDRAL_NAMES, type DihedralName } from './pdq-dct.js'
export {
  hammingDistance,
  hammingDistanceWords,
  isPdqHash,
  PDQ_HEX_LENGTH,
  parsePdqHash,
  pdqHashToWords,
} from './pdq-hex.js'
export {
  FloatLuma,
  type LumaSource,
  lumaFromPixels,
  lumaSource,
  type PixelBuffer,
  type SixteenBitConvention,
} from './pdq-luma.js'

/** Below this many pixels on either side the reference gives up: all-zero hash, quality 0. */
export const PDQ_MIN_DIMENSION = 5
/** pytx and HMA drop hashes under this quality. */
export const PDQ_MIN_USEFUL_QUALITY = 50
/** The usual match threshold (`PDQ_CONFIDENT_MATCH_THRESHOLD`). */
export const PDQ_MATCH_DISTANCE = 31
export const PDQ_ZERO_HASH = '0'.repeat(64)

export interface PdqResult {
  /** 64 hex digits, Meta's word order. */
  hash: string
  /** 0–100; below 50 the hash says little about the picture. */
  quality: number
}

export type PdqDihedralHashes = Record<DihedralName, string>

export interface PdqDihedralResult {
  quality: number
  hashes: PdqDihedralHashes
}

export interface PdqOptions {
  /** How 16-bit samples become 8-bit (default `high-byte`); see SixteenBitConvention. */
  sixteenBit?: SixteenBitConvention
}

/**
 * Torben's median, as the reference computes it (float32 `guess`). For 256 values it returns
 * the 128th smallest.
 */
export function torbenMedian(values: Float32Array): number {
  const n = values.length
  const half = (n + 1) >> 1
  let min = values[0] ?? 0
  let max = min
  for (const v of values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  for (;;) {
    const guess = Math.fround(Math.fround(min + max) / 2)
    let less = 0
    let greater = 0
    let maxBelow = min
    let minAbove = max
    for (const v of values) {
      if (v < guess) {
        less++
        if (v > maxBelow) maxBelow = v
      } else if (v > guess) {
        greater++
        if (v < minAbove) minAbove = v
      }
    }
    if (less <= half && greater <= half) {
      if (less >= half) return maxBelow
      return n - greater >= half ? guess : minAbove
    }
    if (less > greater) max = maxBelow
    else min = minAbove
  }
}

/**
 * The 16×16 DCT block and quality of the rows × cols luma image that `source` delivers: PDQ up
 * to, not including, the bits. Undefined below 5 px on either side. `blur64`: see
 * downsampleTo64 (only a 64×64 input is affected).
 */
export function pdqDct(
  source: LumaSource,
  rows: number,
  cols: number,
  blur64 = false,
): { block: Float32Array; quality: number } | undefined {
  if (rows < PDQ_MIN_DIMENSION || cols < PDQ_MIN_DIMENSION) return undefined
  const small = downsampleTo64(source, rows, cols, blur64)
  return { block: dct64To16(small), quality: qualityOf64(small) }
}

/** Hex of a 16×16 DCT block: bits above its Torben median. */
export function blockToHash(block: Float32Array): string {
  return bitsToHex(block, torbenMedian(block))
}

function hashOf(source: LumaSource, rows: number, cols: number): PdqResult {
  const dct = pdqDct(source, rows, cols)
  if (!dct) return { hash: PDQ_ZERO_HASH, quality: 0 }
  return { hash: blockToHash(dct.block), quality: dct.quality }
}

/** PDQ hash and quality of a float32 luma image (rows × cols, row-major). */
export function pdqHashFromLuma(luma: Float32Array, rows: number, cols: number): PdqResult {
  if (luma.length < rows * cols) throw new RangeError(`luma needs ${rows * cols} values`)
  return hashOf(new FloatLuma(luma, cols), rows, cols)
}

/** PDQ hash and quality of decoded pixels (luma from the first three channels; alpha ignored). */
export function pdqHash(image: PixelBuffer, options: PdqOptions = {}): PdqResult {
  return hashOf(lumaSource(image, options.sixteenBit), image.height, image.width)
}

/**
 * PDQ quality and the hashes of all 8 orientations of the image (`hash` is the image as it
 * is), from one DCT, as the reference's `pdqDihedralHash256esFromFloatLuma` does. Like it, this
 * blurs a 64×64 input too (pdqHash does not, as `pdqHash256FromFloatLuma`), so for exactly
 * 64×64 pixels `hashes.hash` can differ from pdqHash; every other size gives the same hash.
 */
export function pdqDihedralHashes(image: PixelBuffer, options: PdqOptions = {}): PdqDihedralResult {
  const source = lumaSource(image, options.sixteenBit)
  const dct = pdqDct(source, image.height, image.width, true)
  const hashes = {} as PdqDihedralHashes
  for (const name of DIHEDRAL_NAMES) {
    hashes[name] = dct ? blockToHash(dihedralOf(dct.block, name)) : PDQ_ZERO_HASH
  }
  return { quality: dct?.quality ?? 0, hashes }
}
