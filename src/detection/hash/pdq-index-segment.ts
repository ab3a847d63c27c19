// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE An immutable segment of the PDQ index: up to 2^24 entries in insertion order, hashes in
// one flat Uint32Array (8 words each), and per chunk a CSR bucket table (pdq-index-postings.ts).
// Removal only sets a tombstone bit. Sorting the entries by chunk-0 key, so that chunk 0 needs
// no id list, saved 3 bytes an entry but cost a random in-place permutation (4.7 s at 10M).
import { popcount32 } from './pdq-hex.js'
import { type ChunkLayout, chunkKey, chunkRadii, probeMasks } from './pdq-index-layout.js'
import { buildPostings, postingAt } from './pdq-index-postings.js'
import { boundedDistance, type HitSink, sameHash, touch } from './pdq-index-sink.js'

/** Local ids take 3 bytes, so a segment holds at most 2^24 entries. */
export const MAX_SEGMENT_ENTRIES = 2 ** 24

export class PdqSegment {
  readonly count: number
  readonly hashes: Uint32Array
  readonly handles: Uint32Array
  private readonly layout: ChunkLayout
  private readonly keyBits: readonly number[]
  /** Probe radius per chunk, by query distance. */
  private readonly radii: Int8Array[] = []
  private readonly offsets: Uint32Array[] = []
  private readonly postings: Uint8Array[] = []
  private dead: Uint8Array | undefined
  private deadCount = 0

  /** Keeps the arrays (8 words per handle); repeated (hash, handle) pairs are tombstoned. */
  constructor(layout: ChunkLayout, hashes: Uint32Array, handles: Uint32Array) {
    this.count = handles.length
    this.hashes = hashes
    this.handles = handles
    this.layout = layout
    this.keyBits = layout.keyBits
    const scratch = new Uint32Array(this.count)
    layout.starts.forEach((start, c) => {
      const built = buildPostings(hashes, this.count, start, this.keyBits[c]!, scratch)
      this.offsets.push(built.offsets)
      this.postings.push(built.postings)
    })
    this.killDuplicates(scratch)
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
    const offsets = this.offsets[0]!
    const key = chunkKey(words, base, this.layout.starts[0]!, this.keyBits[0]!)
    for (let p = offsets[key]!; p < offsets[key + 1]!; p++) {
      const id = postingAt(this.postings[0]!, p)
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

  /** Appends the live entries within `maxDistance` of `query`. */
  search(query: Uint32Array, maxDistance: number, sink: HitSink): void {
    const radii = this.radii[maxDistance] ?? chunkRadii(this.keyBits.length, maxDistance)
    this.radii[maxDistance] = radii
    const keys = this.layout.starts.map((start, c) => chunkKey(query, 0, start, this.keyBits[c]!))
    for (let c = 0; c < radii.length; c++) {
      if (radii[c]! < 0) continue
      const count = this.gather(c, keys[c]!, probeMasks(this.keyBits[c]!, radii[c]!), sink)
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
  }

  /**
   * Local ids in the chunk-c buckets at `masks` from the query's key, into sink.ids; their
   * count. Bucket bounds are read first, then ids, then hashes, each in a loop of its own.
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
      const end = bounds[j + 1]! * 3
      for (let p = bounds[j]! * 3; p < end; p += 3) {
        ids[n++] = postings[p]! | (postings[p + 1]! << 8) | (postings[p + 2]! << 16)
      }
    }
    return n
  }

  /** True unless an earlier chunk's probes also reach this entry (so each hit is kept once). */
  private firstFoundBy(c: number, id: number, keys: number[], radii: Int8Array): boolean {
    for (let earlier = 0; earlier < c; earlier++) {
      if (radii[earlier]! < 0) continue
      const { starts } = this.layout
      const key = chunkKey(this.hashes, id * 8, starts[earlier]!, this.keyBits[earlier]!)
      if (popcount32(key ^ keys[earlier]!) <= radii[earlier]!) return false
    }
    return true
  }

  /**
   * Tombstones repeated (hash, handle) pairs, which share a chunk-0 bucket. Entries are compared
   * by fingerprint first (computed in one sequential pass), then by hash and handle; within a
   * small bucket pair by pair, within a large one (one hash under many handles) after sorting.
   */
  private killDuplicates(fingerprints: Uint32Array): void {
    for (let id = 0; id < this.count; id++) {
      fingerprints[id] = fingerprint(this.hashes, id * 8, this.handles[id]!)
    }
    const offsets = this.offsets[0]!
    const postings = this.postings[0]!
    for (let bucket = 0; bucket + 1 < offsets.length; bucket++) {
      const start = offsets[bucket]!
      const end = offsets[bucket + 1]!
      if (end - start > 32) this.killSortedDuplicates(start, end, fingerprints)
      else {
        for (let p = start + 1; p < end; p++) {
          const id = postingAt(postings, p)
          for (let q = start; q < p; q++) {
            const other = postingAt(postings, q)
            if (fingerprints[other] !== fingerprints[id] || !this.sameEntry(other, id)) continue
            this.kill(id)
            break
          }
        }
      }
    }
  }

  /** killDuplicates for a large chunk-0 bucket: equal fingerprints are adjacent once sorted. */
  private killSortedDuplicates(start: number, end: number, fingerprints: Uint32Array): void {
    const ids = Array.from({ length: end - start }, (_, i) =>
      postingAt(this.postings[0]!, start + i),
    )
    ids.sort((a, b) => fingerprints[a]! - fingerprints[b]! || a - b)
    for (let i = 1; i < ids.length; i++) {
      const id = ids[i]!
      for (let j = i - 1; j >= 0 && fingerprints[ids[j]!] === fingerprints[id]; j--) {
        if (!this.sameEntry(ids[j]!, id)) continue
        this.kill(id)
        break
      }
    }
  }

  private sameEntry(a: number, b: number): boolean {
    return this.handles[a] === this.handles[b] && sameHash(this.hashes, a * 8, this.hashes, b * 8)
  }
}

/** A 32-bit mix of a hash and its handle. */
function fingerprint(hashes: Uint32Array, base: number, handle: number): number {
  let mixed = handle
  for (let w = 0; w < 8; w++) {
    mixed = Math.imul(mixed ^ hashes[base + w]!, 0x9e3779b1) ^ (mixed >>> 15)
  }
  return mixed >>> 0
}
