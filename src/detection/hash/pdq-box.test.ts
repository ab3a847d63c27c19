import { describe, expect, it } from 'vitest'

// pdq-box.ts and pdq-column.ts divide a float32 sum by the full window as a multiplication by
// the window's double reciprocal, rounded once to float32 when stored. That is exactly the
// reference's float32 division: checked here on sums of every magnitude the filter can see.

const f32 = Math.fround

describe('division by the window as a reciprocal multiplication', () => {
  it('rounds like float32 division for windows 1–128', () => {
    let seed = 99
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 2 ** 32
    }
    const store = new Float32Array(2)
    for (let window = 1; window <= 128; window++) {
      const inverse = 1 / window
      for (let i = 0; i < 4000; i++) {
        const scale = 2 ** Math.floor(next() * 40 - 20)
        const sum = i % 4 === 0 ? f32(Math.floor(next() * 256) * window) : f32(next() * 256 * scale)
        store[0] = sum * inverse
        store[1] = sum / window
        if (store[0] !== store[1]) expect([sum, window, store[0]]).toEqual([sum, window, store[1]])
      }
    }
  })
})
