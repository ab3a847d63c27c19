import type { SignalInput } from '../core/signal.js'
import type { SubjectKind, Surface } from '../core/subject.js'

export interface MediaItem {
  sha256: string
  bytes: Uint8Array
  mimeType?: string
}

/** Everything a matcher may look at; matchers never touch the database. */
export interface MatchInput {
  kind: SubjectKind
  surface: Surface
  text: string
  url: string | null
  media: readonly MediaItem[]
}

/** One way of finding harm. The detection issue adds PDQ, classifiers and rules behind it. */
export interface Matcher {
  readonly name: string
  match(input: MatchInput, signal: AbortSignal): Promise<SignalInput[]> | SignalInput[]
}

/** A bank entry as matchers see it: flat, with the bank's harm and action. */
export interface ListEntry {
  entryId: string
  bankId: string
  bankName: string
  harm: string
  action: SignalInput['action']
  value: string
}
