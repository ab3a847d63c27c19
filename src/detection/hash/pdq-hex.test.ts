import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../core/errors.js'
import {
  hammingDistance,
  hammingDistanceWords,
  isPdqHash,
  parsePdqHash,
  pdqHashToWords,
  popcount32,
} from './pdq-hex.js'

function randomHash(next: () => number): string {
  let hex = ''
  for (let i = 0; i < 64; i++) hex += (next() & 15).toString(16)
  return hex
}

/** Brute force: compare the two hashes bit by bit through their binary expansion. */
function bitByBit(a: string, b: string): number {
  const bits = (hex: string) =>
    [...hex].map((d) => Number.parseInt(d, 16).toString(2).padStart(4, '0')).join('')
  const x = bits(a)
  const y = bits(b)
  let distance = 0
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) distance++
  return distance
}

function generator(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state >>> 7
  }
}

describe('hammingDistance', () => {
  it('agrees with a bit-by-bit count on random hashes', () => {
    const next = generator(42)
    for (let round = 0; round < 500; round++) {
      const a = randomHash(next)
      // Near pairs too: flip a few digits of a.
      const b =
        round % 2
          ? randomHash(next)
          : a.replace(/[0-9a-f]/g, (d) => (next() % 8 ? d : (next() & 15).toString(16)))
      expect(hammingDistance(a, b)).toBe(bitByBit(a, b))
      expect(hammingDistanceWords(pdqHashToWords(a), pdqHashToWords(b))).toBe(bitByBit(a, b))
    }
  })

  it('is 0 for equal hashes, 256 for complements, and ignores case', () => {
    const a = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22'
    const complement = [...a].map((d) => (15 - Number.parseInt(d, 16)).toString(16)).join('')
    expect(hammingDistance(a, a)).toBe(0)
    expect(hammingDistance(a, a.toUpperCase())).toBe(0)
    expect(hammingDistance(a, complement)).toBe(256)
    expect(hammingDistance('0'.repeat(64), `${'0'.repeat(63)}1`)).toBe(1)
    expect(hammingDistance('0'.repeat(64), `8${'0'.repeat(63)}`)).toBe(1)
  })

  it('throws InvalidInputError for anything but two 64-digit hex strings', () => {
    const good = '0'.repeat(64)
    for (const bad of [
      '',
      '0'.repeat(63),
      '0'.repeat(65),
      `g${'0'.repeat(63)}`,
      `é${'0'.repeat(63)}`,
    ]) {
      expect(() => hammingDistance(good, bad), JSON.stringify(bad)).toThrow(InvalidInputError)
      expect(() => hammingDistance(bad, good), JSON.stringify(bad)).toThrow(InvalidInputError)
    }
  })
})

describe('popcount32', () => {
  it('counts the bits of edge values', () => {
    expect(popcount32(0)).toBe(0)
    expect(popcount32(0xffffffff)).toBe(32)
    expect(popcount32(0x80000000)).toBe(1)
    expect(popcount32(0x55555555)).toBe(16)
  })
})

describe('parsePdqHash and isPdqHash', () => {
  it('trims and lowercases a valid hash', () => {
    const hash = `  ${'AB'.repeat(32)}\n`
    expect(parsePdqHash(hash)).toBe('ab'.repeat(32))
    expect(isPdqHash('ab'.repeat(32))).toBe(true)
  })

  it('rejects wrong lengths and non-hex characters', () => {
    expect(isPdqHash('ab'.repeat(31))).toBe(false)
    expect(isPdqHash(`${'ab'.repeat(31)}zz`)).toBe(false)
    expect(() => parsePdqHash('xyz')).toThrow(InvalidInputError)
    expect(() => pdqHashToWords('xyz')).toThrow(InvalidInputError)
  })

  it('reads words from the first digits: word 0 holds digits 0–7', () => {
    const words = pdqHashToWords(`deadbeef${'0'.repeat(48)}0000000f`)
    expect(words[0]).toBe(0xdeadbeef)
    expect(words[7]).toBe(15)
  })
})
