// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE What a query's search shares across segments: the hits, a candidate count, scratch
// arrays reused from query to query, and the verification of one candidate.
import { popcount32 } from './pdq-hex.js'

export interface PdqIndexHit {
  handle: number
  distance: number
}

/** Where a search puts its hits and counts candidates, with scratch arrays reused by queries. */
export class HitSink {
  hits: PdqIndexHit[] = []
  candidates = 0
  /** Folded words read ahead of verification, kept so that the reads are not optimised away. */
  touched = 0
  ids = new Uint32Array(4096)
  private scratch = new Uint32Array(1024)

  /** Resets hits and candidates for a new query. */
  reset(): void {
    this.hits = []
    this.candidates = 0
  }

  /** sink.ids with room for at least `size` ids. */
  grow(size: number): Uint32Array {
    if (this.ids.length < size) this.ids = new Uint32Array(2 ** Math.ceil(Math.log2(size)))
    return this.ids
  }

  /** A scratch array of at least `size` entries. */
  bounds(size: number): Uint32Array {
    if (this.scratch.length < size) this.scratch = new Uint32Array(2 ** Math.ceil(Math.log2(size)))
    return this.scratch
  }
}

/** Distance between the hash at `base` and `query`, or some value > `max` once it passes max. */
export function boundedDistance(
  hashes: Uint32Array,
  base: number,
  query: Uint32Array,
  max: number,
): number {
  // @NOTE Half the words before the first test: a random pair is then past 31 almost always,
  // so the branch is predictable.
  const distance =
    popcount32(hashes[base]! ^ query[0]!) +
    popcount32(hashes[base + 1]! ^ query[1]!) +
    popcount32(hashes[base + 2]! ^ query[2]!) +
    popcount32(hashes[base + 3]! ^ query[3]!)
  if (distance > max) return distance
  return (
    distance +
    popcount32(hashes[base + 4]! ^ query[4]!) +
    popcount32(hashes[base + 5]! ^ query[5]!) +
    popcount32(hashes[base + 6]! ^ query[6]!) +
    popcount32(hashes[base + 7]! ^ query[7]!)
  )
}

/**
 * Reads the first word of each candidate's hash. A loop this small keeps many cache misses in
 * flight; verification straight away (popcounts waiting on each read) measured 2–3× slower.
 */
export function touch(hashes: Uint32Array, ids: Uint32Array, count: number): number {
  let folded = 0
  for (let i = 0; i < count; i++) folded ^= hashes[ids[i]! * 8]!
  return folded
}

/** True when the two 8-word hashes at these offsets are equal. */
export function sameHash(a: Uint32Array, aBase: number, b: Uint32Array, bBase: number): boolean {
  for (let w = 0; w < 8; w++) if (a[aBase + w] !== b[bBase + w]) return false
  return true
}
