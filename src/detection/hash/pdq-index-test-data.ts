// @NOTE Test data for the PDQ index tests: seeded random and clustered hashes, queries at chosen
// distances, and the brute-force answer every index result is compared with.
import type { Random } from '../../core/random.js'
import { hammingDistanceWords } from './pdq-hex.js'
import type { PdqIndexHit } from './pdq-index.js'

export interface Entry {
  hash: Uint32Array
  handle: number
}

export function randomHash(random: Random): Uint32Array {
  return Uint32Array.from({ length: 8 }, () => Math.floor(random.next() * 2 ** 32))
}

/** A copy of `hash` with exactly `flips` distinct bits flipped. */
export function flipped(hash: Uint32Array, flips: number, random: Random): Uint32Array {
  const copy = hash.slice()
  const bits = new Set<number>()
  while (bits.size < flips) bits.add(random.int(0, 255))
  for (const bit of bits) copy[bit >>> 5] = (copy[bit >>> 5] ?? 0) ^ (1 << (bit & 31))
  return copy
}

export function toHex(hash: Uint32Array): string {
  return [...hash].map((word) => word.toString(16).padStart(8, '0')).join('')
}

export function bruteForce(
  entries: Iterable<Entry>,
  query: Uint32Array,
  max: number,
): PdqIndexHit[] {
  const hits: PdqIndexHit[] = []
  for (const { hash, handle } of entries) {
    const distance = hammingDistanceWords(hash, query)
    if (distance <= max) hits.push({ handle, distance })
  }
  return hits.sort((a, b) => a.distance - b.distance || a.handle - b.handle)
}

export function randomEntries(count: number, random: Random): Entry[] {
  return Array.from({ length: count }, (_, handle) => ({ hash: randomHash(random), handle }))
}

/** Near-duplicates: members are a centre with 0–40 bits flipped. */
export function clusteredEntries(centres: number, perCentre: number, random: Random): Entry[] {
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
export function queriesFor(entries: Entry[], count: number, random: Random): Uint32Array[] {
  return Array.from({ length: count }, (_, i) => {
    const near = random.pick(entries).hash
    if (i % 4 === 0) return flipped(near, 31, random)
    if (i % 4 === 1) return flipped(near, 32, random)
    return i % 8 === 2 ? randomHash(random) : flipped(near, random.int(0, 40), random)
  })
}

/** The entries as parallel arrays, for PdqIndex.build. */
export function arraysOf(entries: readonly Entry[]): { hashes: Uint32Array; handles: Uint32Array } {
  const hashes = new Uint32Array(entries.length * 8)
  for (const [i, { hash }] of entries.entries()) hashes.set(hash, i * 8)
  return { hashes, handles: Uint32Array.from(entries, ({ handle }) => handle) }
}

/** Anything that answers queries like PdqIndex. */
interface Queryable {
  readonly maxDistance: number
  query(hash: Uint32Array, maxDistance?: number): PdqIndexHit[]
}

/**
 * Runs every query on the index and by brute force: the hits seen (so a test can check that it
 * did some work) and the first query whose answers differ, if any.
 */
export function compareWithBruteForce(
  index: Queryable,
  entries: Iterable<Entry>,
  queries: readonly Uint32Array[],
  maxDistance = index.maxDistance,
): { hits: number; mismatch?: { query: string; expected: PdqIndexHit[]; actual: PdqIndexHit[] } } {
  let hits = 0
  for (const query of queries) {
    const expected = bruteForce(entries, query, maxDistance)
    const actual = index.query(query, maxDistance)
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      return { hits, mismatch: { query: toHex(query), expected, actual } }
    }
    hits += expected.length
  }
  return { hits }
}
