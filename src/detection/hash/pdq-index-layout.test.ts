import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../core/random.js'
import { popcount32 } from './pdq-hex.js'
import {
  ballSize,
  chunkKey,
  chunkLayout,
  chunkRadii,
  keyBitsFor,
  layoutCost,
  minChunkCount,
  PDQ_BITS,
  probeMasks,
  segmentLayout,
} from './pdq-index-layout.js'

describe('chunkLayout and chunkRadii', () => {
  it('cut all 256 bits into disjoint chunks, wider ones first', () => {
    for (let distance = 0; distance <= 64; distance++) {
      for (const chunks of [minChunkCount(distance), 1, 7, 12, 16, 32]) {
        const { starts, widths } = chunkLayout(distance, chunks, 1e7)
        expect(widths).toHaveLength(chunks)
        expect(widths.reduce((sum, w) => sum + w, 0)).toBe(PDQ_BITS)
        widths.forEach((width, c) => {
          expect(width).toBeGreaterThan(0)
          expect(starts[c]).toBe(c === 0 ? 0 : (starts[c - 1] ?? 0) + (widths[c - 1] ?? 0))
          if (c > 0) expect(width).toBeLessThanOrEqual(widths[c - 1] ?? 0)
        })
      }
    }
  })

  it('give radii whose pigeonhole bound is exactly the distance', () => {
    // A hash missed by every probe differs by ≥ radius + 1 in every chunk, so by ≥ d + 1 in all.
    for (let distance = 0; distance <= 80; distance++) {
      for (const chunks of [1, 5, 12, 16, 32]) {
        const radii = [...chunkRadii(chunks, distance)]
        expect(radii.reduce((sum, r) => sum + r + 1, 0)).toBe(distance + 1)
        expect(radii.every((r) => r >= -1)).toBe(true)
      }
    }
  })

  it('picks 12 chunks of 22 and 20 bits at distance 31', () => {
    expect(minChunkCount(31)).toBe(12)
    expect(chunkLayout(31, 12, 1e7).widths).toEqual([
      22, 22, 22, 22, 22, 22, 22, 22, 20, 20, 20, 20,
    ])
    expect([...chunkRadii(12, 31)]).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1])
    expect(chunkLayout(31, 16, 1e7).widths).toEqual(Array(16).fill(16))
  })
})

describe('segmentLayout', () => {
  it('gives large segments the fewest chunks, small ones more and cheaper probes', () => {
    const large = segmentLayout(31, 10_000_000)
    expect(large.widths).toHaveLength(12)
    const small = segmentLayout(31, 65_536)
    expect(small.widths).toEqual(Array(16).fill(16))
    expect(layoutCost(small, 31, 65_536)).toBeLessThan(
      layoutCost(segmentLayout(31, 65_536, 12), 31, 65_536) / 3,
    )
    for (const entries of [1, 100, 8192, 300_000, 3_000_000, 2 ** 24]) {
      for (const distance of [0, 8, 31, 40]) {
        const { widths, keyBits } = segmentLayout(distance, entries)
        expect(widths.reduce((sum, w) => sum + w, 0)).toBe(PDQ_BITS)
        keyBits.forEach((bits, c) => {
          expect(bits).toBeLessThanOrEqual(Math.min(widths[c] ?? 0, 24))
        })
      }
    }
  })
})

describe('probeMasks', () => {
  it('lists every key within the radius once', () => {
    for (const [bits, radius] of [
      [4, 0],
      [6, 2],
      [10, 3],
      [5, 9],
      [22, 2],
    ] as const) {
      const masks = [...probeMasks(bits, radius)]
      expect(masks).toHaveLength(ballSize(bits, radius))
      expect(new Set(masks).size).toBe(masks.length)
      const expected = Array.from({ length: 2 ** bits }, (_, k) => k).filter(
        (k) => popcount32(k) <= radius,
      )
      expect(masks.sort((a, b) => a - b)).toEqual(expected)
    }
  })
})

describe('chunkKey', () => {
  it('reads the bits of a chunk, across word boundaries too', () => {
    const random = mulberry32(7)
    const words = Uint32Array.from({ length: 16 }, () => Math.floor(random.next() * 2 ** 32))
    const bit = (base: number, b: number) => ((words[base + (b >>> 5)] ?? 0) >>> (b & 31)) & 1
    for (let round = 0; round < 500; round++) {
      const base = random.int(0, 1) * 8
      const bits = random.int(1, 24)
      const start = random.int(0, PDQ_BITS - bits)
      let expected = 0
      for (let i = 0; i < bits; i++) expected += bit(base, start + i) * 2 ** i
      expect(chunkKey(words, base, start, bits)).toBe(expected)
    }
  })

  it('sizes keys to about one entry per bucket, within the chunk and 4–24 bits', () => {
    expect(keyBitsFor(0, 22)).toBe(4)
    expect(keyBitsFor(1_000_000, 22)).toBe(20)
    expect(keyBitsFor(10_000_000, 22)).toBe(22)
    expect(keyBitsFor(10_000_000, 64)).toBe(24)
    expect(keyBitsFor(10_000, 3)).toBe(3)
  })
})
