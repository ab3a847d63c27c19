import type { SignalInput } from '../../core/signal.js'
import type { BankMatcher, ListEntry, MatchInput } from '../matcher.js'
import { EntryIndex } from './entry-index.js'

export type ExactHashType = 'sha256' | 'md5'

/** Exact SHA-256 or MD5 of media bytes (images, video, any file) against hash banks. */
export class ExactHashMatcher implements BankMatcher {
  readonly name: ExactHashType
  readonly index = new EntryIndex((value) => value.toLowerCase())

  constructor(readonly hashType: ExactHashType) {
    this.name = hashType
  }

  match(input: MatchInput): SignalInput[] {
    if (this.index.size === 0) return []
    const signals: SignalInput[] = []
    input.media.forEach((item, mediaIndex) => {
      const hash = item[this.hashType]
      for (const entry of this.index.get(hash)) {
        signals.push(toSignal(this.hashType, entry, mediaIndex, hash))
      }
    })
    return signals
  }

  upsert(entry: ListEntry): void {
    this.index.upsert(entry)
  }

  remove(entry: Pick<ListEntry, 'entryId'>): void {
    this.index.remove(entry.entryId)
  }

  clear(): void {
    this.index.clear()
  }
}

function toSignal(
  hashType: ExactHashType,
  entry: ListEntry,
  mediaIndex: number,
  hash: string,
): SignalInput {
  return {
    source: 'hash_match',
    harm: entry.harm,
    score: 1,
    action: entry.action,
    matcher: hashType,
    evidence: {
      bank: entry.bankName,
      bankId: entry.bankId,
      entryId: entry.entryId,
      hashType,
      hash,
      distance: 0,
      mediaIndex,
    },
  }
}
