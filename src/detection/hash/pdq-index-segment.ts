// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE An immutable segment of the PDQ index: up to 2^24 entries, hashes in one flat
// Uint32Array (8 words each), and per chunk a CSR bucket table (offsets by chunk key, then 3-byte
// local ids). Entries are sorted by their chunk-0 key, so chunk 0 needs no id list: its bucket
// is a range of entries. Removal only sets a tombstone bit.
import { popcount32 } from './pdq-hex.js'
import { type ChunkLayout, chunkKey, keyBitsFor, probeMasks } from './pdq-index-layout.js'
import { boundedDistance, type HitSink, sameHash, touch } from './pdq-index-sink.js'

/** Local ids take 3 bytes, so a segment holds at most 2^24 entries. */
export const MAX_SEGMENT_ENTRIES = 2 ** 24

export class PdqSegment {
  readonly count: number
  readonly hashes: Uint32Array
  readonly handles: Uint32Array
  private readonly layout: ChunkLayout
  private readonly keyBits: number[]
  private readonly offsets: Uint32Array[]
  private readonly postings: Uint8Array[]
  private dead: Uint8Array | undefined
  private deadCount = 0

  /** Takes ownership of the arrays, which are reordered in place. */
  constructor(layout: ChunkLayout, hashes: Uint32Array, handles: Uint32Array) {
    this.count = handles.length
    this.hashes = hashes
    this.handles = handles
    this.layout = layout
    this.keyBits = layout.widths.map((width) => keyBitsFor(this.count, width))
    const first = countKeys(hashes, this.count, layout.starts[0]!, this.keyBits[0]!)
    sortEntries(hashes, handles, first, layout.starts[0]!, this.keyBits[0]!)
    this.offsets = [first]
    this.postings = [new Uint8Array(0)]
    for (let c = 1; c < layout.widths.length; c++) {
      const offsets = countKeys(hashes, this.count, layout.starts[c]!, this.keyBits[c]!)
      this.offsets.push(offsets)
      this.postings.push(fillPostings(hashes, offsets, layout.starts[c]!, this.keyBits[c]!))
    }
    this.killDuplicates()
  }

  /** Entries not removed. */
  get live(): number {
    return this.count - this.deadCount
  }

  /** Bytes held by the segment's arrays. */
  get bytes(): number {
    let total = this.hashes.byteLength + this.handles.byteLength + (this.dead?.byteLength ?? 0)
    for (const offsets of this.offsets) total += offsets.byteLength
    for (const postings of this.postings) total += postings.byteLength
    return total
  }

  isDead(id: number): boolean {
    return this.dead !== undefined && (this.dead[id >>> 3]! & (1 << (id & 7))) !== 0
  }

  /** Local id of the live entry (hash at `base` of `words`, handle), or −1. */
  find(words: Uint32Array, base: number, handle: number): number {
    const key = chunkKey(words, base, this.layout.starts[0]!, this.keyBits[0]!)
    const end = this.offsets[0]![key + 1]!
    for (let id = this.offsets[0]![key]!; id < end; id++) {
      if (this.handles[id] !== handle || this.isDead(id)) continue
      if (sameHash(this.hashes, id * 8, words, base)) return id
    }
    return -1
  }

  /** Marks a local id removed. */
  kill(id: number): void {
    if (this.isDead(id)) return
    this.dead ??= new Uint8Array((this.count + 7) >>> 3)
    this.dead[id >>> 3]! |= 1 << (id & 7)
    this.deadCount++
  }

  /** Appends the live entries within `maxDistance` of `query`, probing chunk c at `radii[c]`. */
  search(query: Uint32Array, radii: Int8Array, maxDistance: number, sink: HitSink): void {
    const keys = this.layout.starts.map((start, c) => chunkKey(query, 0, start, this.keyBits[c]!))
    for (let c = 0; c < radii.length; c++) {
      if (radii[c]! < 0) continue
      const masks = probeMasks(this.keyBits[c]!, radii[c]!)
      this.probe(c, keys, masks, query, radii, maxDistance, sink)
    }
  }

  /** Verifies every entry in the chunk-c buckets at `masks` from the query's key. */
  private probe(
    c: number,
    keys: number[],
    masks: Uint32Array,
    query: Uint32Array,
    radii: Int8Array,
    maxDistance: number,
    sink: HitSink,
  ): void {
    const count = this.gather(c, keys[c]!, masks, sink)
    sink.candidates += count
    const ids = sink.ids
    sink.touched ^= touch(this.hashes, ids, count)
    for (let i = 0; i < count; i++) {
      const id = ids[i]!
      const distance = boundedDistance(this.hashes, id * 8, query, maxDistance)
      if (distance > maxDistance || this.isDead(id) || !this.firstFoundBy(c, id, keys, radii)) {
        continue
      }
      sink.hits.push({ handle: this.handles[id]!, distance })
    }
  }

  /**
   * Local ids in the probed buckets, into sink.ids; their count. Bucket bounds are read first,
   * then ids, then hashes, each in a loop of its own (see touch()).
   */
  private gather(c: number, key: number, masks: Uint32Array, sink: HitSink): number {
    const offsets = this.offsets[c]!
    const bounds = sink.bounds(masks.length * 2)
    let total = 0
    for (let i = 0, j = 0; i < masks.length; i++, j += 2) {
      const bucket = key ^ masks[i]!
      bounds[j] = offsets[bucket]!
      bounds[j + 1] = offsets[bucket + 1]!
      total += bounds[j + 1]! - bounds[j]!
    }
    const ids = sink.grow(total)
    const postings = this.postings[c]!
    let n = 0
    for (let j = 0; j < masks.length * 2; j += 2) {
      const end = bounds[j + 1]!
      if (c === 0) for (let p = bounds[j]!; p < end; p++) ids[n++] = p
      else {
        for (let p = bounds[j]! * 3; p < end * 3; p += 3) {
          ids[n++] = postings[p]! | (postings[p + 1]! << 8) | (postings[p + 2]! << 16)
        }
      }
    }
    return n
  }

  /** True unless an earlier chunk's probes also reach this entry (so each hit is kept once). */
  private firstFoundBy(c: number, id: number, keys: number[], radii: Int8Array): boolean {
    for (let earlier = 0; earlier < c; earlier++) {
      if (radii[earlier]! < 0) continue
      const key = chunkKey(
        this.hashes,
        id * 8,
        this.layout.starts[earlier]!,
        this.keyBits[earlier]!,
      )
      if (popcount32(key ^ keys[earlier]!) <= radii[earlier]!) return false
    }
    return true
  }

  /** Tombstones repeated (hash, handle) pairs, which sorting puts in one chunk-0 bucket. */
  private killDuplicates(): void {
    const offsets = this.offsets[0]!
    for (let bucket = 0; bucket + 1 < offsets.length; bucket++) {
      const end = offsets[bucket + 1]!
      for (let id = offsets[bucket]! + 1; id < end; id++) {
        const found = this.find(this.hashes, id * 8, this.handles[id]!)
        if (found !== -1 && found < id) this.kill(id)
      }
    }
  }
}

/** CSR offsets for a chunk: offsets[k] … offsets[k + 1] − 1 are the entries with key k. */
function countKeys(hashes: Uint32Array, count: number, start: number, bits: number): Uint32Array {
  const offsets = new Uint32Array(2 ** bits + 1)
  for (let id = 0; id < count; id++) offsets[chunkKey(hashes, id * 8, start, bits) + 1]!++
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!
  return offsets
}

/** Local ids of each bucket as 3 little-endian bytes, in id order within a bucket. */
function fillPostings(
  hashes: Uint32Array,
  offsets: Uint32Array,
  start: number,
  bits: number,
): Uint8Array {
  const count = offsets[offsets.length - 1]!
  const next = offsets.slice(0, -1)
  const postings = new Uint8Array(count * 3)
  for (let id = 0; id < count; id++) {
    const p = next[chunkKey(hashes, id * 8, start, bits)]!++ * 3
    postings[p] = id
    postings[p + 1] = id >>> 8
    postings[p + 2] = id >>> 16
  }
  return postings
}

/** Counting sort of the entries by chunk key, in place (cycle by cycle). */
function sortEntries(
  hashes: Uint32Array,
  handles: Uint32Array,
  offsets: Uint32Array,
  start: number,
  bits: number,
): void {
  const next = offsets.slice(0, -1)
  const target = new Uint32Array(handles.length)
  for (let id = 0; id < handles.length; id++) {
    target[id] = next[chunkKey(hashes, id * 8, start, bits)]!++
  }
  for (let id = 0; id < handles.length; id++) {
    for (let to = target[id]!; to !== id; to = target[id]!) {
      swapEntries(hashes, handles, id, to)
      target[id] = target[to]!
      target[to] = to
    }
  }
}

function swapEntries(hashes: Uint32Array, handles: Uint32Array, a: number, b: number): void {
  for (let w = 0; w < 8; w++) {
    const word = hashes[a * 8 + w]!
    hashes[a * 8 + w] = hashes[b * 8 + w]!
    hashes[b * 8 + w] = word
  }
  const handle = handles[a]!
  handles[a] = handles[b]!
  handles[b] = handle
}
