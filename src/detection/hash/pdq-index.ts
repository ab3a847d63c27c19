// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads are in bounds by construction.
// @NOTE An exact in-memory index of PDQ hashes: every entry within a Hamming distance bound of a
// query, by multi-index hashing (pdq-index-layout.ts). Log-structured: large immutable segments
// (pdq-index-segment.ts), a small write buffer scanned linearly (pdq-index-buffer.ts), tombstones
// for removals. A full buffer becomes a segment; a segment merges with the next larger one once
// it holds half as many entries, and is rewritten alone once half of it is removed, so a change
// never rebuilds the big segment. Handles are the caller's uint32 ids (its own map to bank
// entries); a hash may carry several handles, and a handle several hashes.
import { InvalidInputError } from '../../core/errors.js'
import { pdqHashToWords } from './pdq-hex.js'
import { PdqBuffer } from './pdq-index-buffer.js'
import {
  type ChunkLayout,
  chunkLayout,
  chunkRadii,
  defaultChunkCount,
  PDQ_BITS,
} from './pdq-index-layout.js'
import { MAX_SEGMENT_ENTRIES, PdqSegment } from './pdq-index-segment.js'
import { HitSink, type PdqIndexHit } from './pdq-index-sink.js'

export type { PdqIndexHit } from './pdq-index-sink.js'

/** A PDQ hash as 64 hex digits or as 8 words (pdqHashToWords). */
export type PdqHashInput = Uint32Array | string

export interface PdqIndexOptions {
  /** The largest distance a query may ask for, 0–256; default 31 (PDQ's usual match bound). */
  maxDistance?: number
  /**
   * Chunks the 256 bits are cut into; default from maxDistance (12 at 31). More chunks mean
   * fewer candidates per probe but more memory (3 bytes per entry per chunk).
   */
  chunks?: number
  /** Entries held unindexed before they become a segment; default 8,192. */
  bufferSize?: number
}

/** Bulk input as parallel arrays: entry i is (hashes[8i … 8i + 7], handles[i]). */
export interface PdqIndexArrays {
  /** 8 words per entry, as pdqHashToWords gives them. */
  hashes: Uint32Array
  handles: Uint32Array
  /**
   * Hands the arrays over instead of copying them: the index reorders and keeps them, so the
   * caller must not use them again. Saves their size (36 bytes an entry) while building.
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
  private readonly layout: ChunkLayout
  private readonly buffer: PdqBuffer
  private segments: PdqSegment[] = []
  private readonly radii: Int8Array[] = []
  private readonly sink = new HitSink()
  private queries = 0
  private candidates = 0

  constructor(options: PdqIndexOptions = {}) {
    this.maxDistance = checkedInteger('maxDistance', options.maxDistance, DEFAULT_MAX_DISTANCE, 0)
    const chunks = defaultChunkCount(this.maxDistance)
    this.layout = chunkLayout(this.maxDistance, checkedInteger('chunks', options.chunks, chunks, 1))
    this.buffer = new PdqBuffer(
      checkedInteger('bufferSize', options.bufferSize, DEFAULT_BUFFER_SIZE, 1),
    )
  }

  /** Bulk load for start-up: much faster than add() one by one. Duplicate pairs count once. */
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
    if (this.segments.some((segment) => segment.find(words, 0, handle) !== -1)) return
    if (this.buffer.add(words, handle) && this.buffer.full) this.flush()
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
    const radii = this.radii[maxDistance] ?? chunkRadii(this.layout.widths.length, maxDistance)
    this.radii[maxDistance] = radii
    const sink = this.sink
    sink.reset()
    for (const segment of this.segments) segment.search(words, radii, maxDistance, sink)
    this.buffer.search(words, maxDistance, sink)
    this.queries++
    this.candidates += sink.candidates
    return sink.hits.sort((a, b) => a.distance - b.distance || a.handle - b.handle)
  }

  /** Moves buffered entries into a segment now (tests, or before a quiet period). */
  flush(): void {
    if (this.buffer.size === 0) return
    const { hashes, handles } = this.buffer.take()
    this.segments.push(new PdqSegment(this.layout, hashes, handles))
    this.rebalance()
  }

  stats(): PdqIndexStats {
    const held = this.segments.reduce((sum, segment) => sum + segment.count, 0)
    return {
      size: this.size,
      segments: this.segments.length,
      buffered: this.buffer.size,
      removed: held - this.segments.reduce((sum, segment) => sum + segment.live, 0),
      bytes: this.segments.reduce((sum, segment) => sum + segment.bytes, this.buffer.bytes),
      queries: this.queries,
      candidates: this.candidates,
    }
  }

  /** Segments of at most 2^24 entries; pairs already in an earlier segment are tombstoned. */
  private load(hashes: Uint32Array, handles: Uint32Array, owned: boolean): void {
    for (let start = 0; start < handles.length; start += MAX_SEGMENT_ENTRIES) {
      const end = Math.min(handles.length, start + MAX_SEGMENT_ENTRIES)
      const whole = owned && start === 0 && end === handles.length
      const segment = whole
        ? new PdqSegment(this.layout, hashes, handles)
        : new PdqSegment(this.layout, hashes.slice(start * 8, end * 8), handles.slice(start, end))
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
    return new PdqSegment(this.layout, hashes, handles)
  }
}

function checkedInteger(name: string, value: number | undefined, fallback: number, min: number) {
  const result = value ?? fallback
  if (!Number.isInteger(result) || result < min || (name !== 'bufferSize' && result > PDQ_BITS)) {
    throw new InvalidInputError(`${name} must be an integer from ${min} to ${PDQ_BITS}`, { value })
  }
  return result
}

function checkHandle(handle: number): void {
  if (!Number.isInteger(handle) || handle < 0 || handle > 0xffffffff) {
    throw new InvalidInputError('a handle is an integer from 0 to 2^32 − 1', { handle })
  }
}

function toWords(hash: PdqHashInput): Uint32Array {
  if (typeof hash === 'string') return pdqHashToWords(hash)
  if (hash.length !== 8) throw new InvalidInputError('a PDQ hash is 8 words of 32 bits')
  return hash
}

const BLOCK_ENTRIES = 2 ** 16

/** The pairs as parallel arrays of exactly their size (gathered in blocks, then copied once). */
function collect(entries: Iterable<{ hash: PdqHashInput; handle: number }>) {
  const blocks: { hashes: Uint32Array; handles: Uint32Array }[] = []
  let count = 0
  for (const { hash, handle } of entries) {
    checkHandle(handle)
    const at = count % BLOCK_ENTRIES
    if (at === 0) {
      blocks.push({
        hashes: new Uint32Array(BLOCK_ENTRIES * 8),
        handles: new Uint32Array(BLOCK_ENTRIES),
      })
    }
    const block = blocks.at(-1)!
    block.hashes.set(toWords(hash), at * 8)
    block.handles[at] = handle
    count++
  }
  const hashes = new Uint32Array(count * 8)
  const handles = new Uint32Array(count)
  blocks.forEach((block, b) => {
    const size = Math.min(BLOCK_ENTRIES, count - b * BLOCK_ENTRIES)
    hashes.set(block.hashes.subarray(0, size * 8), b * BLOCK_ENTRIES * 8)
    handles.set(block.handles.subarray(0, size), b * BLOCK_ENTRIES)
  })
  return { hashes, handles }
}
