import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../core/errors.js'
import { mulberry32, type Random } from '../../core/random.js'
import { hammingDistanceWords } from './pdq-hex.js'
import { PdqIndex, type PdqIndexHit, type PdqIndexOptions } from './pdq-index.js'

interface Entry {
  hash: Uint32Array
  handle: number
}

function randomHash(random: Random): Uint32Array {
  return Uint32Array.from({ length: 8 }, () => Math.floor(random.next() * 2 ** 32))
}

/** A copy of `hash` with exactly `flips` distinct bits flipped. */
function flipped(hash: Uint32Array, flips: number, random: Random): Uint32Array {
  const copy = hash.slice()
  const bits = new Set<number>()
  while (bits.size < flips) bits.add(random.int(0, 255))
  for (const bit of bits) copy[bit >>> 5] = (copy[bit >>> 5] ?? 0) ^ (1 << (bit & 31))
  return copy
}

function toHex(hash: Uint32Array): string {
  return [...hash].map((word) => word.toString(16).padStart(8, '0')).join('')
}

function bruteForce(entries: Iterable<Entry>, query: Uint32Array, max: number): PdqIndexHit[] {
  const hits: PdqIndexHit[] = []
  for (const { hash, handle } of entries) {
    const distance = hammingDistanceWords(hash, query)
    if (distance <= max) hits.push({ handle, distance })
  }
  return hits.sort((a, b) => a.distance - b.distance || a.handle - b.handle)
}

function randomEntries(count: number, random: Random): Entry[] {
  return Array.from({ length: count }, (_, handle) => ({ hash: randomHash(random), handle }))
}

/** Near-duplicates: members are a centre with 0–40 bits flipped. */
function clusteredEntries(centres: number, perCentre: number, random: Random): Entry[] {
  const entries: Entry[] = []
  for (let c = 0; c < centres; c++) {
    const centre = randomHash(random)
    for (let i = 0; i < perCentre; i++) {
      entries.push({ hash: flipped(centre, random.int(0, 40), random), handle: entries.length })
    }
  }
  return entries
}

/** Queries at 0–40 bits from entries, at exactly 31 and 32, and unrelated ones. */
function queriesFor(entries: Entry[], count: number, random: Random): Uint32Array[] {
  return Array.from({ length: count }, (_, i) => {
    const near = random.pick(entries).hash
    if (i % 4 === 0) return flipped(near, 31, random)
    if (i % 4 === 1) return flipped(near, 32, random)
    return i % 8 === 2 ? randomHash(random) : flipped(near, random.int(0, 40), random)
  })
}

/** Compares index and brute force on every query; returns the hits seen, so tests see work. */
function expectExact(index: PdqIndex, entries: Entry[], queries: Uint32Array[], max?: number) {
  let hits = 0
  for (const query of queries) {
    const expected = bruteForce(entries, query, max ?? index.maxDistance)
    expect(index.query(query, max)).toEqual(expected)
    hits += expected.length
  }
  return hits
}

function built(entries: Entry[], options?: PdqIndexOptions): PdqIndex {
  const hashes = new Uint32Array(entries.length * 8)
  for (const [i, { hash }] of entries.entries()) hashes.set(hash, i * 8)
  const handles = Uint32Array.from(entries, ({ handle }) => handle)
  return PdqIndex.build({ hashes, handles }, options)
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

  it('removes from a built index without rebuilding it', () => {
    const random = mulberry32(6)
    const entries = clusteredEntries(10, 50, random)
    const index = built(entries)
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
