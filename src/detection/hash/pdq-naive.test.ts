import { describe, expect, it } from 'vitest'
import { pdqDihedralHashes, pdqHash } from './pdq.js'
import { dct64To16, qualityOf64 } from './pdq-dct.js'
import { lumaFromPixels } from './pdq-luma.js'

// The fast blur (pdq-blur.ts, pdq-box.ts: blocks of rows, a ring buffer, sampled last passes)
// must be bit-identical to a plain line-by-line port of the reference's downscaling.cpp.
// This test keeps that plain port, and compares on random images of many sizes.

const f32 = Math.fround

/** The reference's box1DFloat, as written there: one line, with a stride. */
function box1D(
  input: Float32Array,
  output: Float32Array,
  start: number,
  length: number,
  stride: number,
  window: number,
): void {
  const half = Math.floor((window + 2) / 2)
  let sum = 0
  let count = 0
  let ri = start
  let li = start
  let oi = start
  for (let i = 0; i < half - 1; i++, ri += stride, count++) sum = f32(sum + (input[ri] ?? 0))
  for (let i = 0; i < window - half + 1; i++, ri += stride, oi += stride) {
    sum = f32(sum + (input[ri] ?? 0))
    output[oi] = sum / ++count
  }
  for (let i = 0; i < length - window; i++, ri += stride, li += stride, oi += stride) {
    sum = f32(sum + (input[ri] ?? 0))
    sum = f32(sum - (input[li] ?? 0))
    output[oi] = sum / count
  }
  for (let i = 0; i < half - 1; i++, li += stride, oi += stride) {
    sum = f32(sum - (input[li] ?? 0))
    output[oi] = sum / --count
  }
}

/** Full-buffer Jarosz filter (2 passes of rows then columns) and decimation to 64×64. */
function plainDownsample(luma: Float32Array, rows: number, cols: number, blur64 = false) {
  const out = new Float32Array(4096)
  if (rows === 64 && cols === 64 && !blur64) return Float32Array.from(luma)
  const alongRows = Math.floor((cols + 127) / 128)
  const alongColumns = Math.floor((rows + 127) / 128)
  const scratch = new Float32Array(rows * cols)
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < rows; i++) box1D(luma, scratch, i * cols, cols, 1, alongRows)
    for (let j = 0; j < cols; j++) box1D(scratch, luma, j, rows, cols, alongColumns)
  }
  for (let i = 0; i < 64; i++) {
    const row = Math.floor(((i + 0.5) * rows) / 64)
    for (let j = 0; j < 64; j++) {
      out[i * 64 + j] = luma[row * cols + Math.floor(((j + 0.5) * cols) / 64)] ?? 0
    }
  }
  return out
}

function plainHash(
  width: number,
  height: number,
  channels: number,
  data: Uint8Array,
  blur64 = false,
) {
  const luma = lumaFromPixels({ width, height, channels, data })
  const small = plainDownsample(luma, height, width, blur64)
  const block = dct64To16(small)
  const median = Float32Array.from(block).sort()[127] ?? 0
  let hash = ''
  for (let i = 15; i >= 0; i--) {
    let word = 0
    for (let j = 0; j < 16; j++) if ((block[i * 16 + j] ?? 0) > median) word |= 1 << j
    hash += word.toString(16).padStart(4, '0')
  }
  return { hash, quality: qualityOf64(small) }
}

describe('fast blur vs a plain port of the reference', () => {
  it('gives identical hashes and quality on random images from 5×5 to 700×700', () => {
    let seed = 2024
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed >>> 8
    }
    for (let round = 0; round < 120; round++) {
      const limit = round < 80 ? 90 : 700
      const width = 5 + (next() % limit)
      const height = 5 + (next() % limit)
      const channels = 1 + (next() % 4)
      const smooth = round % 2 === 0
      const data = new Uint8Array(width * height * channels)
      for (let i = 0; i < data.length; i++) {
        const p = Math.floor(i / channels)
        data[i] = smooth
          ? ((p % width) * 3 + Math.floor(p / width) * 2 + (next() % 9)) & 255
          : next() & 255
      }
      const expected = plainHash(width, height, channels, data)
      expect(pdqHash({ width, height, channels, data }), `${width}×${height}×${channels}`).toEqual(
        expected,
      )
    }
  })

  it('follows both reference entry points on exactly 64×64 pixels', () => {
    const data = Uint8Array.from({ length: 64 * 64 * 3 }, (_, i) => (i * 37 + (i >> 6)) & 255)
    const image = { width: 64, height: 64, channels: 3, data }
    // pdqHash256FromFloatLuma skips the blur at 64×64; the dihedral entry point does not.
    expect(pdqHash(image)).toEqual(plainHash(64, 64, 3, data))
    const { quality, hashes } = pdqDihedralHashes(image)
    expect({ hash: hashes.hash, quality }).toEqual(plainHash(64, 64, 3, data, true))
  })
})
