// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE Building one chunk's bucket table (CSR: offsets by key, then local ids) without writing
// all over memory: a counting sort straight into a 16 MiB offsets table and a 30 MiB id list
// takes a cache miss per entry per pass (0.7–1.2 s per chunk at 10M entries on the bench
// machine). Instead, ids are first partitioned by the key's high bits into a scratch array (at
// most 2^16 write streams, whose current lines stay in L2), then each partition is sorted by the
// low 8 bits within its own small region of the table (0.4 s per chunk).
import { chunkKey } from './pdq-index-layout.js'

const LOW_BITS = 8

/** A chunk's buckets: entries with key k are postings[offsets[k] … offsets[k + 1] − 1]. */
export interface ChunkPostings {
  offsets: Uint32Array
  /** Local ids, 3 bytes each, little-endian, ascending within a bucket. */
  postings: Uint8Array
}

/** The local id at position `p` of a posting list. */
export function postingAt(postings: Uint8Array, p: number): number {
  return postings[p * 3]! | (postings[p * 3 + 1]! << 8) | (postings[p * 3 + 2]! << 16)
}

/**
 * Buckets the `count` hashes by the `bits`-bit key at bit `start`. `scratch` holds at least
 * `count` words; ids must fit 24 bits.
 */
export function buildPostings(
  hashes: Uint32Array,
  count: number,
  start: number,
  bits: number,
  scratch: Uint32Array,
): ChunkPostings {
  const low = Math.min(bits, LOW_BITS)
  const next = partitionStarts(hashes, count, start, bits, low)
  for (let id = 0; id < count; id++) {
    const key = chunkKey(hashes, id * 8, start, bits)
    scratch[next[key >>> low]!++] = (((key & ((1 << low) - 1)) << 24) | id) >>> 0
  }
  const offsets = new Uint32Array(2 ** bits + 1)
  const postings = new Uint8Array(count * 3)
  const cursor = new Uint32Array(1 << low)
  let from = 0
  for (let partition = 0; partition < next.length; partition++) {
    const to = next[partition]!
    sortPartition(scratch, { from, to, firstKey: partition << low }, offsets, postings, cursor)
    from = to
  }
  offsets[offsets.length - 1] = count
  return { offsets, postings }
}

/** Where each high-bits partition starts in the scratch array. */
function partitionStarts(
  hashes: Uint32Array,
  count: number,
  start: number,
  bits: number,
  low: number,
): Uint32Array {
  const starts = new Uint32Array(2 ** (bits - low))
  for (let id = 0; id < count; id++) starts[chunkKey(hashes, id * 8, start, bits) >>> low]!++
  let sum = 0
  for (let p = 0; p < starts.length; p++) {
    const size = starts[p]!
    starts[p] = sum
    sum += size
  }
  return starts
}

/** Counting sort of scratch[from … to − 1] by the low key bits, into offsets and postings. */
function sortPartition(
  scratch: Uint32Array,
  range: { from: number; to: number; firstKey: number },
  offsets: Uint32Array,
  postings: Uint8Array,
  cursor: Uint32Array,
): void {
  const { from, to, firstKey } = range
  cursor.fill(0)
  for (let i = from; i < to; i++) cursor[scratch[i]! >>> 24]!++
  let sum = from
  for (let k = 0; k < cursor.length; k++) {
    const size = cursor[k]!
    offsets[firstKey + k] = sum
    cursor[k] = sum
    sum += size
  }
  for (let i = from; i < to; i++) {
    const value = scratch[i]!
    const p = cursor[value >>> 24]!++ * 3
    postings[p] = value
    postings[p + 1] = value >>> 8
    postings[p + 2] = value >>> 16
  }
}
