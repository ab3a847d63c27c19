import type { PresenceFact } from '../../core/rule.js'
import type { SignalInput } from '../../core/signal.js'
import type { SubjectKind, Surface } from '../../core/subject.js'

/** What is known about the author when the content arrives. */
export interface AuthorFacts {
  /** Days since `author.createdAt` the platform sent; null when it sent none. */
  accountAgeDays: number | null
  /** The author's earlier subjects within each window a rule asks about, keyed by hours. */
  recentSubjects: Readonly<Record<number, number>>
  /**
   * The author's earlier subjects whose latest decision removed them; null when not looked up.
   * @NOTE The strikes issue replaces this count with the author's strikes.
   */
  priorRemovals: number | null
}

/** Everything a rule may look at; rules never touch the database. */
export interface RuleFacts {
  kind: SubjectKind
  surface: Surface
  metadata: Readonly<Record<string, unknown>>
  present: ReadonlySet<PresenceFact>
  /** Detection signals only (never reports or other rules' signals). */
  signals: readonly SignalInput[]
  /** Null when the content names no author. */
  author: AuthorFacts | null
}

const DAY_MS = 86_400_000

/** Whole and fractional days between the account's creation and `at`; null when unknown. */
export function accountAgeDays(createdAt: Date | null, at: Date): number | null {
  if (!createdAt) return null
  return (at.getTime() - createdAt.getTime()) / DAY_MS
}

/** The parts of a subject rules look at, whether just sent or read back from storage. */
export interface SubjectFacts {
  kind: SubjectKind
  surface: Surface
  metadata: Readonly<Record<string, unknown>>
  hasText: boolean
  hasUrl: boolean
  mediaCount: number
  authorId: string | null
}

export function buildRuleFacts(
  subject: SubjectFacts,
  signals: readonly SignalInput[],
  author: AuthorFacts | null,
): RuleFacts {
  const present = new Set<PresenceFact>()
  if (subject.hasText) present.add('text')
  if (subject.hasUrl) present.add('url')
  if (subject.mediaCount > 0) present.add('media')
  if (subject.authorId) present.add('author')
  return {
    kind: subject.kind,
    surface: subject.surface,
    metadata: subject.metadata,
    present,
    signals,
    author: subject.authorId ? author : null,
  }
}
