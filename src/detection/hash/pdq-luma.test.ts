import { describe, expect, it } from 'vitest'
import { lumaFromPixels } from './pdq-luma.js'

// The luma fast path reads RGB rows 4 pixels per 3 little-endian words from a 64 K-entry
// red + green table. It must give exactly the reference's float32 sum, from any byte offset.

const f32 = Math.fround
const R = f32(0.299)
const G = f32(0.587)
const B = f32(0.114)

function plainLuma(data: Uint8Array, width: number, height: number, channels: number) {
  const out = new Float32Array(width * height)
  for (let p = 0; p < width * height; p++) {
    const s = p * channels
    const r = data[s] ?? 0
    const g = data[s + 1] ?? 0
    const b = data[s + 2] ?? 0
    out[p] = channels < 3 ? r : f32(f32(f32(R * r) + f32(G * g)) + f32(B * b))
  }
  return out
}

describe('lumaFromPixels', () => {
  it('matches the float32 formula for every width, channel count and byte offset', () => {
    let seed = 7
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed >>> 8
    }
    for (const channels of [1, 2, 3, 4]) {
      for (let width = 1; width <= 13; width++) {
        for (let offset = 0; offset < 4; offset++) {
          const height = 3
          const length = width * height * channels
          const backing = new Uint8Array(length + offset + 3)
          for (let i = 0; i < backing.length; i++) backing[i] = next() & 255
          const data = backing.subarray(offset, offset + length)
          const image = { width, height, channels, data }
          expect(lumaFromPixels(image), `${width}×${channels} at +${offset}`).toEqual(
            plainLuma(data, width, height, channels),
          )
        }
      }
    }
  })

  it('covers every red + green pair of the table, with several blue values', () => {
    const data = new Uint8Array(256 * 256 * 3)
    for (let blue = 0; blue < 256; blue += 85) {
      for (let p = 0; p < 65536; p++) {
        data[3 * p] = p & 255
        data[3 * p + 1] = p >> 8
        data[3 * p + 2] = blue
      }
      const image = { width: 256, height: 256, channels: 3, data }
      expect(lumaFromPixels(image)).toEqual(plainLuma(data, 256, 256, 3))
    }
  })
})
