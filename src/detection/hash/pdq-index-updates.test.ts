import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../core/random.js'
import { PdqIndex } from './pdq-index.js'
import {
  arraysOf,
  bruteForce,
  clusteredEntries,
  compareWithBruteForce,
  type Entry,
  flipped,
  queriesFor,
  randomEntries,
  toHex,
} from './pdq-index-test-data.js'

/** Index and brute force agree on every query; the hits seen, so a test can see work done. */
function expectExact(index: PdqIndex, entries: Entry[], queries: Uint32Array[], max?: number) {
  const { hits, mismatch } = compareWithBruteForce(index, entries, queries, max)
  expect(mismatch).toBeUndefined()
  return hits
}

describe('PdqIndex updates', () => {
  it('matches a brute-force model through interleaved adds, removes and queries', () => {
    const random = mulberry32(5)
    const pool = clusteredEntries(30, 40, random).concat(randomEntries(800, random))
    const model = new Map<string, Entry>()
    const index = new PdqIndex({ bufferSize: 64 })
    let maxSegments = 0
    let removedSeen = 0
    for (let step = 0; step < 6000; step++) {
      const entry = random.pick(pool)
      const key = `${toHex(entry.hash)}/${entry.handle}`
      if (random.chance(0.35)) {
        expect(
          index.remove(random.chance(0.5) ? toHex(entry.hash) : entry.hash, entry.handle),
        ).toBe(model.delete(key))
      } else {
        index.add(random.chance(0.5) ? toHex(entry.hash) : entry.hash, entry.handle)
        model.set(key, entry)
      }
      if (step % 20 === 0) {
        const query = flipped(random.pick(pool).hash, random.int(0, 40), random)
        expect(index.query(query)).toEqual(bruteForce(model.values(), query, 31))
        expect(index.size).toBe(model.size)
      }
      maxSegments = Math.max(maxSegments, index.stats().segments)
      removedSeen = Math.max(removedSeen, index.stats().removed)
    }
    expect(maxSegments).toBeGreaterThan(2)
    expect(removedSeen).toBeGreaterThan(10)
    expectExact(index, [...model.values()], queriesFor(pool, 200, random))
  })

  it('rewrites a segment once half of it is removed, and stays exact', () => {
    const random = mulberry32(7)
    const entries = clusteredEntries(20, 50, random)
    const index = PdqIndex.build(arraysOf(entries))
    const kept = entries.filter((_, i) => i % 5 < 2)
    for (const [i, { hash, handle }] of entries.entries())
      if (i % 5 >= 2) index.remove(hash, handle)
    // @NOTE The 501st removal rewrote the segment with its 499 live entries; 99 more followed.
    expect(index.stats()).toMatchObject({ segments: 1, removed: 99, size: kept.length })
    expectExact(index, kept, queriesFor(entries, 150, random))
    for (const { hash, handle } of kept) index.remove(hash, handle)
    expect(index.stats()).toMatchObject({ segments: 0, size: 0 })
    expect(index.query(entries[0]?.hash ?? new Uint32Array(8))).toEqual([])
  })

  it('removes from a built index without rebuilding it', () => {
    const random = mulberry32(6)
    const entries = clusteredEntries(10, 50, random)
    const index = PdqIndex.build(arraysOf(entries))
    const kept = entries.filter((_, i) => i % 3 !== 0)
    for (const [i, entry] of entries.entries()) {
      if (i % 3 === 0) expect(index.remove(entry.hash, entry.handle)).toBe(true)
    }
    const [first] = entries as [Entry]
    expect(index.remove(first.hash, first.handle)).toBe(false)
    expect(index.stats()).toMatchObject({ segments: 1, removed: 167, size: kept.length })
    expectExact(index, kept, queriesFor(entries, 100, random))
  })
})

describe('PdqIndex.build', () => {
  it('gives the same answers from arrays, handed-over arrays, hex pairs and add()', () => {
    const random = mulberry32(9)
    const entries = clusteredEntries(15, 40, random).concat(randomEntries(400, random))
    const queries = queriesFor(entries, 150, random)
    const added = new PdqIndex({ bufferSize: 100 })
    for (const { hash, handle } of entries) added.add(hash, handle)
    const indexes = [
      PdqIndex.build(arraysOf(entries)),
      PdqIndex.build({ ...arraysOf(entries), transfer: true }),
      PdqIndex.build(entries.map(({ hash, handle }) => ({ hash: toHex(hash), handle }))),
      added,
    ]
    for (const index of indexes) {
      expect(index.size).toBe(entries.length)
      expect(expectExact(index, entries, queries)).toBeGreaterThan(150)
    }
  })

  it('counts repeated pairs once, and keeps one hash under several handles', () => {
    const random = mulberry32(10)
    const unique = clusteredEntries(10, 30, random)
    const sameHash = unique.slice(0, 50).map(({ hash }, i) => ({ hash, handle: 1000 + i }))
    const [{ hash: common } = { hash: new Uint32Array(8) }] = unique
    const manyHandles = Array.from({ length: 100 }, (_, i) => ({ hash: common, handle: 2000 + i }))
    const repeated = [...unique, ...unique.filter((_, i) => i % 3 === 0), ...sameHash, ...unique]
    repeated.push(...manyHandles, ...manyHandles.slice(0, 70))
    const index = PdqIndex.build(arraysOf(repeated))
    const expected = [...unique, ...sameHash, ...manyHandles]
    expect(index.query(common, 0)).toHaveLength(102)
    expect(index.size).toBe(expected.length)
    expectExact(index, expected, queriesFor(expected, 100, random))
  })

  it('reads local ids past 16 bits', () => {
    const random = mulberry32(11)
    const entries = randomEntries(70_000, random)
    const index = PdqIndex.build(arraysOf(entries))
    const late = entries.slice(66_000)
    const queries = queriesFor(late, 100, random)
    expect(expectExact(index, entries, queries)).toBeGreaterThan(40)
  })
})
