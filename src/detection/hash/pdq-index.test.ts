import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../core/errors.js'
import { mulberry32 } from '../../core/random.js'
import { PdqIndex, type PdqIndexOptions } from './pdq-index.js'
import {
  arraysOf,
  clusteredEntries,
  compareWithBruteForce,
  type Entry,
  flipped,
  queriesFor,
  randomEntries,
  randomHash,
} from './pdq-index-test-data.js'

/** Index and brute force agree on every query; the hits seen, so a test can see work done. */
function expectExact(index: PdqIndex, entries: Entry[], queries: Uint32Array[], max?: number) {
  const { hits, mismatch } = compareWithBruteForce(index, entries, queries, max)
  expect(mismatch).toBeUndefined()
  return hits
}

function built(entries: Entry[], options?: PdqIndexOptions): PdqIndex {
  return PdqIndex.build(arraysOf(entries), options)
}

describe('PdqIndex recall against brute force', () => {
  it('finds every random hash within 31, as built and as added', () => {
    const random = mulberry32(1)
    const entries = randomEntries(4000, random)
    const queries = queriesFor(entries, 400, random)
    const added = new PdqIndex({ bufferSize: 700 })
    let segments = 0
    for (const { hash, handle } of entries) {
      added.add(hash, handle)
      segments = Math.max(segments, added.stats().segments)
    }
    expect(segments).toBeGreaterThan(1)
    expect(added.stats().buffered).toBeGreaterThan(0)
    expect(expectExact(built(entries), entries, queries)).toBeGreaterThan(150)
    expect(expectExact(added, entries, queries)).toBeGreaterThan(150)
  })

  it('finds every near-duplicate in clustered hashes, at lower query bounds too', () => {
    const random = mulberry32(2)
    const entries = clusteredEntries(40, 100, random)
    const queries = queriesFor(entries, 300, random)
    const index = built(entries)
    expect(expectExact(index, entries, queries)).toBeGreaterThan(1000)
    for (const max of [0, 5, 12, 24, 30]) expectExact(index, entries, queries.slice(0, 60), max)
  })

  it('is exact for other bounds and chunk counts', () => {
    const random = mulberry32(3)
    const entries = clusteredEntries(20, 60, random)
    const queries = queriesFor(entries, 120, random)
    for (const options of [
      { maxDistance: 0 },
      { maxDistance: 10 },
      { maxDistance: 45 },
      { chunks: 16 },
      { chunks: 8 },
      { maxDistance: 31, chunks: 40 },
    ]) {
      expectExact(built(entries, options), entries, queries)
    }
  })

  it('includes an entry at exactly the bound and excludes one just past it', () => {
    const random = mulberry32(4)
    const entries = randomEntries(2000, random)
    const index = built(entries)
    for (const entry of entries.slice(0, 100)) {
      const at31 = index.query(flipped(entry.hash, 31, random))
      expect(at31).toContainEqual({ handle: entry.handle, distance: 31 })
      const at32 = index.query(flipped(entry.hash, 32, random))
      expect(at32.map((hit) => hit.handle)).not.toContain(entry.handle)
      expect(index.query(flipped(entry.hash, 20, random), 19)).not.toContainEqual(
        expect.objectContaining({ handle: entry.handle }),
      )
    }
  })
})

describe('PdqIndex API', () => {
  const hash = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22'

  it('keeps a (hash, handle) pair once and returns every handle of a hash', () => {
    const index = new PdqIndex()
    index.add(hash, 7)
    index.add(hash.toUpperCase(), 7)
    index.add(hash, 3)
    index.flush()
    index.add(hash, 7)
    expect(index.size).toBe(2)
    expect(index.query(hash)).toEqual([
      { handle: 3, distance: 0 },
      { handle: 7, distance: 0 },
    ])
    const full = new PdqIndex({ bufferSize: 2 })
    full.add(hash, 1)
    full.add(hash, 2)
    full.add(hash, 1)
    expect(full.size).toBe(2)
    const pairs = [
      { hash, handle: 1 },
      { hash, handle: 1 },
      { hash, handle: 2 },
    ]
    expect(PdqIndex.build(pairs).size).toBe(2)
    expect(PdqIndex.build(pairs).query(hash)).toHaveLength(2)
  })

  it('sorts hits by distance, then handle', () => {
    const random = mulberry32(8)
    const centre = randomHash(random)
    const index = new PdqIndex()
    for (let handle = 20; handle > 0; handle--)
      index.add(flipped(centre, handle % 5, random), handle)
    const hits = index.query(centre)
    expect(hits).toHaveLength(20)
    expect(hits).toEqual([...hits].sort((a, b) => a.distance - b.distance || a.handle - b.handle))
  })

  it('rejects malformed hashes, handles and bounds', () => {
    const index = new PdqIndex({ maxDistance: 20 })
    expect(() => index.add('abc', 1)).toThrow(InvalidInputError)
    expect(() => index.add(new Uint32Array(7), 1)).toThrow(InvalidInputError)
    expect(() => index.add(hash, -1)).toThrow(InvalidInputError)
    expect(() => index.add(hash, 2 ** 32)).toThrow(InvalidInputError)
    expect(() => index.query(hash, 21)).toThrow(InvalidInputError)
    expect(() => new PdqIndex({ maxDistance: 257 })).toThrow(InvalidInputError)
    expect(() => new PdqIndex({ bufferSize: 0 })).toThrow(InvalidInputError)
    expect(() =>
      PdqIndex.build({ hashes: new Uint32Array(9), handles: new Uint32Array(1) }),
    ).toThrow(InvalidInputError)
  })
})
