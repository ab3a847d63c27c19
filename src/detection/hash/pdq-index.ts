// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads are in bounds by construction.
// @NOTE An exact in-memory index of PDQ hashes: every entry within a Hamming distance bound of a
// query, by multi-index hashing (pdq-index-layout.ts). Log-structured: immutable segments
// (pdq-index-segment.ts), a small write buffer scanned linearly (pdq-index-buffer.ts), and
// tombstones for removals. A full buffer becomes a segment; the smallest segment merges with the
// next while it holds at least half as many entries, and a segment is rewritten alone once half
// of it is removed, so no single change rebuilds the big segment. Handles are the caller's
// uint32 ids (it maps them to bank entries); a hash may carry several handles, a handle several
// hashes. Not safe for concurrent use: queries share scratch arrays (Node runs them one at a time).
import { InvalidInputError } from '../../core/errors.js'
import { PdqBuffer } from './pdq-index-buffer.js'
import {
  checkedInteger,
  checkHandle,
  collect,
  type PdqHashInput,
  toWords,
} from './pdq-index-input.js'
import { PDQ_BITS, segmentLayout } from './pdq-index-layout.js'
import { MAX_SEGMENT_ENTRIES, PdqSegment } from './pdq-index-segment.js'
import { HitSink, type PdqIndexHit } from './pdq-index-sink.js'

export type { PdqHashInput } from './pdq-index-input.js'
export type { PdqIndexHit } from './pdq-index-sink.js'

export interface PdqIndexOptions {
  /** The largest distance a query may ask for, 0–256; default 31 (PDQ's usual match bound). */
  maxDistance?: number
  /**
   * Chunks per segment, 1–64, for experiments. By default each segment picks its own from its
   * size: 12 for large segments at distance 31 (3 bytes an entry per chunk), more for small ones.
   */
  chunks?: number
  /** Entries held unindexed (each query scans them) before they become a segment; 8,192. */
  bufferSize?: number
}

/** Bulk input as parallel arrays: entry i is (hashes[8i … 8i + 7], handles[i]). */
export interface PdqIndexArrays {
  /** 8 words per entry, as pdqHashToWords gives them. */
  hashes: Uint32Array
  handles: Uint32Array
  /**
   * Hands the arrays over instead of copying them: the index keeps them, so the caller must not
   * change them afterwards. Saves their size (36 bytes an entry) while building.
   */
  transfer?: boolean
}

/** Bulk input: (hash, handle) pairs, or parallel arrays. */
export type PdqIndexEntries = Iterable<{ hash: PdqHashInput; handle: number }> | PdqIndexArrays

export interface PdqIndexStats {
  size: number
  segments: number
  buffered: number
  /** Removed entries still held by segments, as tombstones. */
  removed: number
  /** Bytes held by the index's typed arrays. */
  bytes: number
  queries: number
  /** Entries verified by all queries so far. */
  candidates: number
}

const DEFAULT_MAX_DISTANCE = 31
const DEFAULT_BUFFER_SIZE = 8192

export class PdqIndex {
  readonly maxDistance: number
  private readonly chunks: number | undefined
  private readonly buffer: PdqBuffer
  private segments: PdqSegment[] = []
  private readonly sink = new HitSink()
  private queries = 0
  private candidates = 0

  constructor(options: PdqIndexOptions = {}) {
    const { maxDistance = DEFAULT_MAX_DISTANCE, chunks, bufferSize = DEFAULT_BUFFER_SIZE } = options
    this.maxDistance = checkedInteger('maxDistance', maxDistance, [0, PDQ_BITS])
    this.chunks = chunks === undefined ? undefined : checkedInteger('chunks', chunks, [1, 64])
    this.buffer = new PdqBuffer(checkedInteger('bufferSize', bufferSize, [1, 2 ** 20]))
  }

  /** Bulk load for start-up: much faster than add() one by one. Repeated pairs count once. */
  static build(entries: PdqIndexEntries, options: PdqIndexOptions = {}): PdqIndex {
    const index = new PdqIndex(options)
    if ('hashes' in entries && 'handles' in entries) {
      if (entries.hashes.length !== entries.handles.length * 8) {
        throw new InvalidInputError('hashes must hold 8 words per handle')
      }
      index.load(entries.hashes, entries.handles, entries.transfer === true)
    } else {
      const collected = collect(entries)
      index.load(collected.hashes, collected.handles, true)
    }
    return index
  }

  /** Live entries. */
  get size(): number {
    return this.segments.reduce((sum, segment) => sum + segment.live, this.buffer.size)
  }

  /** Adds (hash, handle); adding a pair already present does nothing. */
  add(hash: PdqHashInput, handle: number): void {
    const words = toWords(hash)
    checkHandle(handle)
    if (this.buffer.has(words, 0, handle)) return
    if (this.segments.some((segment) => segment.find(words, 0, handle) !== -1)) return
    if (this.buffer.full) this.flush()
    this.buffer.add(words, handle)
  }

  /** Removes (hash, handle); false if it was not present. */
  remove(hash: PdqHashInput, handle: number): boolean {
    const words = toWords(hash)
    checkHandle(handle)
    if (this.buffer.remove(words, handle)) return true
    for (const segment of this.segments) {
      const id = segment.find(words, 0, handle)
      if (id === -1) continue
      segment.kill(id)
      if (segment.live * 2 < segment.count) this.rewrite(segment)
      return true
    }
    return false
  }

  /**
   * Every entry within `maxDistance` (default and limit: the index's maxDistance) of the hash,
   * nearest first, then by handle.
   */
  query(hash: PdqHashInput, maxDistance = this.maxDistance): PdqIndexHit[] {
    const words = toWords(hash)
    if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > this.maxDistance) {
      throw new InvalidInputError(`maxDistance must be an integer from 0 to ${this.maxDistance}`)
    }
    const sink = this.sink
    sink.reset()
    for (const segment of this.segments) segment.search(words, maxDistance, sink)
    this.buffer.search(words, maxDistance, sink)
    this.queries++
    this.candidates += sink.candidates
    return sink.hits.sort((a, b) => a.distance - b.distance || a.handle - b.handle)
  }

  /** Moves buffered entries into a segment now (tests, or before a quiet period). */
  flush(): void {
    if (this.buffer.size === 0) return
    const { hashes, handles } = this.buffer.take()
    this.segments.push(this.segment(hashes, handles))
    this.rebalance()
  }

  stats(): PdqIndexStats {
    const held = this.segments.reduce((sum, segment) => sum + segment.count, 0)
    const live = this.segments.reduce((sum, segment) => sum + segment.live, 0)
    return {
      size: live + this.buffer.size,
      segments: this.segments.length,
      buffered: this.buffer.size,
      removed: held - live,
      bytes: this.segments.reduce((sum, segment) => sum + segment.bytes, this.buffer.bytes),
      queries: this.queries,
      candidates: this.candidates,
    }
  }

  private segment(hashes: Uint32Array, handles: Uint32Array): PdqSegment {
    const layout = segmentLayout(this.maxDistance, handles.length, this.chunks)
    return new PdqSegment(layout, hashes, handles)
  }

  /** Segments of at most 2^24 entries; pairs already in an earlier segment are tombstoned. */
  private load(hashes: Uint32Array, handles: Uint32Array, owned: boolean): void {
    for (let start = 0; start < handles.length; start += MAX_SEGMENT_ENTRIES) {
      const end = Math.min(handles.length, start + MAX_SEGMENT_ENTRIES)
      const segment =
        owned && start === 0 && end === handles.length
          ? this.segment(hashes, handles)
          : this.segment(hashes.slice(start * 8, end * 8), handles.slice(start, end))
      for (let id = 0; id < segment.count && this.segments.length > 0; id++) {
        const handle = segment.handles[id]!
        if (this.segments.some((s) => s.find(segment.hashes, id * 8, handle) !== -1)) {
          segment.kill(id)
        }
      }
      this.segments.push(segment)
    }
  }

  /** Largest first; the two smallest merge while the smaller holds at least half the other. */
  private rebalance(): void {
    this.segments = this.segments.filter((segment) => segment.live > 0)
    this.segments.sort((a, b) => b.live - a.live)
    while (this.segments.length >= 2) {
      const small = this.segments.at(-1)!
      const next = this.segments.at(-2)!
      if (small.live * 2 < next.live || small.live + next.live > MAX_SEGMENT_ENTRIES) break
      this.segments.splice(-2, 2, this.merged([next, small]))
      this.segments.sort((a, b) => b.live - a.live)
    }
  }

  /** Replaces a segment by one without its tombstones. */
  private rewrite(segment: PdqSegment): void {
    this.segments = this.segments.filter((s) => s !== segment)
    if (segment.live > 0) this.segments.push(this.merged([segment]))
    this.rebalance()
  }

  /** One new segment with the live entries of these. */
  private merged(parts: PdqSegment[]): PdqSegment {
    const count = parts.reduce((sum, part) => sum + part.live, 0)
    const hashes = new Uint32Array(count * 8)
    const handles = new Uint32Array(count)
    let n = 0
    for (const part of parts) {
      for (let id = 0; id < part.count; id++) {
        if (part.isDead(id)) continue
        hashes.set(part.hashes.subarray(id * 8, id * 8 + 8), n * 8)
        handles[n++] = part.handles[id]!
      }
    }
    return this.segment(hashes, handles)
  }
}
