import type { SignalInput } from '../../core/signal.js'
import type { ListEntry, Matcher, MatchInput } from '../matcher.js'
import { EntryIndex } from './entry-index.js'

/** Exact SHA-256 of media bytes against hash banks. */
export class Sha256Matcher implements Matcher {
  readonly name = 'sha256'
  readonly index = new EntryIndex()

  match(input: MatchInput): SignalInput[] {
    const signals: SignalInput[] = []
    input.media.forEach((item, mediaIndex) => {
      for (const entry of this.index.get(item.sha256)) {
        signals.push(toSignal(entry, mediaIndex, item.sha256))
      }
    })
    return signals
  }

  load(entries: readonly ListEntry[]): void {
    this.index.replace(entries, (value) => value.toLowerCase())
  }
}

function toSignal(entry: ListEntry, mediaIndex: number, sha256: string): SignalInput {
  return {
    source: 'hash_match',
    harm: entry.harm,
    score: 1,
    action: entry.action,
    matcher: 'sha256',
    evidence: {
      bank: entry.bankName,
      bankId: entry.bankId,
      entryId: entry.entryId,
      hashType: 'sha256',
      hash: sha256,
      distance: 0,
      mediaIndex,
    },
  }
}
