import type { SignalInput } from '../../core/signal.js'
import { DEFAULT_DECODE_LIMITS } from '../hash/decode-image.js'
import { sniffImageFormat } from '../hash/image-format.js'
import { type ImageHasher, type ImageHashes, inlineImageHasher } from '../hash/image-hasher.js'
import { PDQ_MATCH_DISTANCE, PDQ_MIN_USEFUL_QUALITY } from '../hash/pdq.js'
import { PdqIndex } from '../hash/pdq-index.js'
import type { BankMatcher, ListEntry, MatchInput } from '../matcher.js'
import { PdqEntryStore } from './pdq-entry-store.js'

export interface PdqMatcherOptions {
  /** Largest Hamming distance that matches (0–256; default 31, as Meta recommends). */
  maxDistance: number
  /** Images whose hash quality is below this are not acted on (default 50). */
  minQuality: number
  /** Shrink on decode to ≤ 512 px: several times faster, a few bits of drift. */
  fast: boolean
  /** Also look up the 7 rotations and mirror images of each image. */
  dihedral: boolean
  maxInputBytes: number
  maxPixels: number
}

export const DEFAULT_PDQ_MATCHER_OPTIONS: Readonly<PdqMatcherOptions> = Object.freeze({
  maxDistance: PDQ_MATCH_DISTANCE,
  minQuality: PDQ_MIN_USEFUL_QUALITY,
  fast: false,
  dihedral: false,
  ...DEFAULT_DECODE_LIMITS,
})

/**
 * PDQ perceptual hashes of images against PDQ banks, through an in-memory index that changes one
 * entry at a time. Images of quality below `minQuality` still get looked up, but their matches
 * come back with action `allow`, score 0 and `suppressed: 'low_quality'` in the evidence: the
 * signal says why nothing was done. Other media (video, unknown bytes) are skipped.
 */
export class PdqMatcher implements BankMatcher {
  readonly name = 'pdq'
  readonly options: PdqMatcherOptions
  #index: PdqIndex
  readonly #entries = new PdqEntryStore()
  readonly #hasher: ImageHasher

  constructor(options: Partial<PdqMatcherOptions> = {}, hasher: ImageHasher = inlineImageHasher) {
    this.options = { ...DEFAULT_PDQ_MATCHER_OPTIONS, ...options }
    this.#hasher = hasher
    this.#index = new PdqIndex({ maxDistance: this.options.maxDistance })
  }

  get size(): number {
    return this.#entries.size
  }

  async match(input: MatchInput): Promise<SignalInput[]> {
    if (this.#entries.size === 0) return []
    const signals: SignalInput[] = []
    for (const [mediaIndex, item] of input.media.entries()) {
      if (!item.pdq && !sniffImageFormat(item.bytes)) continue
      const image = item.pdq ?? (await this.hashImage(item.bytes))
      signals.push(...this.#lookup(image, mediaIndex))
    }
    return signals
  }

  /** The image's PDQ hashes as this matcher computes them (its decode and dihedral options). */
  hashImage(bytes: Uint8Array): Promise<ImageHashes> {
    return this.#hasher.hash(bytes, this.options)
  }

  /** A bank entry's value never changes, so (id, value) finds the entry being replaced. */
  upsert(entry: ListEntry, isNew = false): void {
    if (!isNew) this.remove(entry)
    this.#index.add(entry.value, this.#entries.add(entry))
  }

  remove(entry: Pick<ListEntry, 'entryId' | 'value'>): void {
    for (const hit of this.#index.query(entry.value, 0)) {
      if (this.#entries.entryId(hit.handle) !== entry.entryId) continue
      this.#index.remove(entry.value, hit.handle)
      this.#entries.release(hit.handle)
    }
  }

  clear(): void {
    this.#index = new PdqIndex({ maxDistance: this.options.maxDistance })
    this.#entries.clear()
  }

  #lookup(image: ImageHashes, mediaIndex: number): SignalInput[] {
    const best = new Map<number, SignalInput>()
    for (const [variant, hash] of image.hashes) {
      for (const hit of this.#index.query(hash, this.options.maxDistance)) {
        const known = best.get(hit.handle)
        if (known && (known.evidence.distance as number) <= hit.distance) continue
        const entry = this.#entries.entry(hit.handle, '')
        best.set(
          hit.handle,
          this.#signal(entry, { hash, variant, distance: hit.distance }, image, mediaIndex),
        )
      }
    }
    return [...best.values()]
  }

  #signal(
    entry: ListEntry,
    hit: { hash: string; variant: string; distance: number },
    image: ImageHashes,
    mediaIndex: number,
  ): SignalInput {
    const lowQuality = image.quality < this.options.minQuality
    return {
      source: 'hash_match',
      harm: entry.harm,
      score: lowQuality ? 0 : 1 - hit.distance / 256,
      action: lowQuality ? 'allow' : entry.action,
      matcher: 'pdq',
      evidence: {
        bank: entry.bankName,
        bankId: entry.bankId,
        entryId: entry.entryId,
        hashType: 'pdq',
        hash: hit.hash,
        distance: hit.distance,
        maxDistance: this.options.maxDistance,
        quality: image.quality,
        mediaIndex,
        ...(hit.variant === 'original' ? {} : { variant: hit.variant }),
        ...(lowQuality ? { suppressed: 'low_quality', minQuality: this.options.minQuality } : {}),
      },
    }
  }
}
