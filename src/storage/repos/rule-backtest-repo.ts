import { sql } from 'kysely'
import type { Action } from '../../core/decision.js'
import { RULE_SIGNAL_SOURCES } from '../../core/rule.js'
import type { SignalInput, SignalSource } from '../../core/signal.js'
import type { SubjectKind, Surface, Verdict } from '../../core/subject.js'
import type { Executor } from '../database.js'

/** A stored subject as a backtest replays it: what rules look at, not its text. */
export interface ReplaySubject {
  id: string
  externalId: string
  kind: SubjectKind
  surface: Surface
  metadata: Record<string, unknown>
  hasText: boolean
  hasUrl: boolean
  mediaCount: number
  authorId: string | null
  authorCreatedAt: Date | null
  createdAt: Date
}

export interface ReplayWindow {
  since: Date
  until: Date
}

/** Where a page ends, to start the next one after it. */
export interface ReplayCursor {
  createdAt: Date
  id: string
}

export async function countReplaySubjects(db: Executor, window: ReplayWindow): Promise<number> {
  const row = await db
    .selectFrom('subject')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_at', '>=', window.since)
    .where('created_at', '<=', window.until)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Subjects first seen in the window, oldest first, one page after the cursor. */
export async function listReplaySubjects(
  db: Executor,
  window: ReplayWindow,
  after: ReplayCursor | undefined,
  limit: number,
): Promise<ReplaySubject[]> {
  let query = db
    .selectFrom('subject')
    .select(['id', 'external_id', 'kind', 'surface', 'metadata', 'author_id', 'created_at'])
    .select([
      'author_created_at',
      sql<boolean>`coalesce(text, '') <> ''`.as('has_text'),
      sql<boolean>`url is not null`.as('has_url'),
      sql<number>`jsonb_array_length(media)`.as('media_count'),
    ])
    .where('created_at', '>=', window.since)
    .where('created_at', '<=', window.until)
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '>', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    )
  }
  const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute()
  return rows.map((row) => ({
    id: row.id,
    externalId: row.external_id,
    kind: row.kind as SubjectKind,
    surface: row.surface as Surface,
    metadata: row.metadata,
    hasText: row.has_text,
    hasUrl: row.has_url,
    mediaCount: Number(row.media_count),
    authorId: row.author_id,
    authorCreatedAt: row.author_created_at,
    createdAt: row.created_at,
  }))
}

/** The detection signals of the subjects (what rules saw at ingest), by subject id. */
export async function listReplaySignals(
  db: Executor,
  subjectIds: readonly string[],
): Promise<Map<string, SignalInput[]>> {
  const bySubject = new Map<string, SignalInput[]>()
  if (subjectIds.length === 0) return bySubject
  const rows = await db
    .selectFrom('signal')
    .select(['subject_id', 'source', 'harm', 'score', 'action', 'matcher', 'evidence'])
    .where('subject_id', 'in', subjectIds)
    .where('source', 'in', [...RULE_SIGNAL_SOURCES])
    .orderBy('created_at')
    .execute()
  for (const row of rows) {
    const list = bySubject.get(row.subject_id) ?? []
    list.push({
      source: row.source as SignalSource,
      harm: row.harm,
      score: row.score,
      action: row.action as Verdict,
      matcher: row.matcher,
      evidence: row.evidence,
    })
    bySubject.set(row.subject_id, list)
  }
  return bySubject
}

/**
 * The actions of each subject's latest decision made by a person (rules' own automatic decisions,
 * recorded as `rule:<name>@v<n>`, are left out: a rule must not grade itself).
 */
export async function latestHumanDecisions(
  db: Executor,
  subjectIds: readonly string[],
): Promise<Map<string, Action[]>> {
  if (subjectIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('decision')
    .distinctOn('subject_id')
    .select(['subject_id', 'actions'])
    .where('subject_id', 'in', subjectIds)
    .where('decided_by', 'not like', 'rule:%')
    .orderBy('subject_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return new Map(rows.map((row) => [row.subject_id, row.actions]))
}
