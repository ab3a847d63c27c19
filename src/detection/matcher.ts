import type { SignalInput } from '../core/signal.js'
import type { SubjectKind, Surface } from '../core/subject.js'
import type { ImageHashes } from './hash/image-hasher.js'

export interface MediaItem {
  sha256: string
  md5: string
  bytes: Uint8Array
  mimeType?: string
  /** The image's PDQ hashes when the caller computed them already (ingest keeps them). */
  pdq?: ImageHashes
}

/** Everything a matcher may look at; matchers never touch the database. */
export interface MatchInput {
  kind: SubjectKind
  surface: Surface
  text: string
  url: string | null
  media: readonly MediaItem[]
}

/** One way of finding harm: bank matchers, PDQ, classifiers, rules. */
export interface Matcher {
  readonly name: string
  match(input: MatchInput, signal: AbortSignal): Promise<SignalInput[]> | SignalInput[]
}

/** A bank entry as matchers see it: flat, with its harm (the entry's or the bank's) and action. */
export interface ListEntry {
  entryId: string
  bankId: string
  bankName: string
  harm: string
  action: SignalInput['action']
  value: string
  /** Epoch milliseconds after which the entry no longer matches; null for never. */
  expiresAt: number | null
  /** PDQ quality of the banked image when the list said. */
  quality?: number | null
}

/**
 * A matcher over bank entries of one kind, changed one entry at a time as banks change. Matchers
 * match every entry they hold; the pipeline drops signals of disabled banks and expired entries.
 */
export interface BankMatcher extends Matcher {
  /**
   * Adds an entry, or replaces the one with its id. `isNew` says the matcher cannot hold it yet
   * (the first load), so no replacement need be looked for.
   */
  upsert(entry: ListEntry, isNew?: boolean): void
  remove(entry: Pick<ListEntry, 'entryId' | 'value'>): void
  clear(): void
  /** Called after a batch of changes, for matchers that rebuild a structure once per batch. */
  flush?(): void
}
