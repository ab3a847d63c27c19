// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE The PDQ index's write buffer: recent additions, unindexed and scanned linearly by each
// query, until it is full and becomes a segment. A map from (hash, handle) to position makes
// duplicate checks and removals O(1); removal moves the last entry into the hole.
import { AppError } from '../../core/errors.js'
import { boundedDistance, type HitSink } from './pdq-index-sink.js'

/** (hash, handle) as an 18-character string: the buffer's map key. */
function entryKey(words: Uint32Array, base: number, handle: number): string {
  let key = ''
  for (let w = 0; w < 8; w++) {
    const word = words[base + w]!
    key += String.fromCharCode(word & 0xffff, word >>> 16)
  }
  return key + String.fromCharCode(handle & 0xffff, handle >>> 16)
}

export class PdqBuffer {
  private readonly hashes: Uint32Array
  private readonly handles: Uint32Array
  private readonly positions = new Map<string, number>()
  private length = 0

  constructor(readonly capacity: number) {
    this.hashes = new Uint32Array(capacity * 8)
    this.handles = new Uint32Array(capacity)
  }

  get size(): number {
    return this.length
  }

  get full(): boolean {
    return this.length >= this.capacity
  }

  get bytes(): number {
    return this.hashes.byteLength + this.handles.byteLength
  }

  has(words: Uint32Array, base: number, handle: number): boolean {
    return this.positions.has(entryKey(words, base, handle))
  }

  /** Adds the entry unless it is already here; true if added. The caller flushes when full. */
  add(words: Uint32Array, handle: number): boolean {
    const key = entryKey(words, 0, handle)
    if (this.positions.has(key)) return false
    if (this.full) throw new AppError('internal', 'the PDQ index buffer is full')
    this.hashes.set(words.subarray(0, 8), this.length * 8)
    this.handles[this.length] = handle
    this.positions.set(key, this.length++)
    return true
  }

  remove(words: Uint32Array, handle: number): boolean {
    const key = entryKey(words, 0, handle)
    const position = this.positions.get(key)
    if (position === undefined) return false
    this.positions.delete(key)
    const last = --this.length
    if (position !== last) {
      this.hashes.copyWithin(position * 8, last * 8, last * 8 + 8)
      this.handles[position] = this.handles[last]!
      this.positions.set(entryKey(this.hashes, position * 8, this.handles[position]!), position)
    }
    return true
  }

  /** Appends every entry within `maxDistance` of `query`. */
  search(query: Uint32Array, maxDistance: number, sink: HitSink): void {
    sink.candidates += this.length
    for (let id = 0; id < this.length; id++) {
      const distance = boundedDistance(this.hashes, id * 8, query, maxDistance)
      if (distance <= maxDistance) sink.hits.push({ handle: this.handles[id]!, distance })
    }
  }

  /** Copies of the entries, and an empty buffer. */
  take(): { hashes: Uint32Array; handles: Uint32Array } {
    const taken = {
      hashes: this.hashes.slice(0, this.length * 8),
      handles: this.handles.slice(0, this.length),
    }
    this.positions.clear()
    this.length = 0
    return taken
  }
}
