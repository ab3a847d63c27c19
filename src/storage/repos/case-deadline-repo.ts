import { type ExpressionBuilder, sql } from 'kysely'
import type { Escalation, ModerationCase } from '../../core/moderation-case.js'
import type { Executor } from '../database.js'
import type { DatabaseSchema } from '../schema/database.js'
import { rowToCase } from './case-repo.js'

export interface DueCase {
  case: ModerationCase
  subject: { externalId: string; kind: string; authorId: string | null }
}

/** The interval of a case's SLA time that counts as "nearing", as SQL. */
function nearingPoint(share: number) {
  return sql<Date>`moderation_case.sla_deadline - (moderation_case.sla_deadline - moderation_case.created_at) * cast(${share} as double precision)`
}

/** Not yet nearing and past the nearing point, or not yet overdue and past a deadline. */
function dueCondition(
  eb: ExpressionBuilder<DatabaseSchema, 'moderation_case' | 'subject'>,
  now: Date,
  nearingShare: number,
) {
  return eb.and([
    eb.or([
      eb('moderation_case.escalation', 'is', null),
      eb('moderation_case.escalation', '<>', 'overdue'),
    ]),
    eb.or([
      eb('moderation_case.sla_deadline', '<=', now),
      eb('moderation_case.legal_deadline', '<=', now),
      eb.and([
        eb('moderation_case.escalation', 'is', null),
        eb(nearingPoint(nearingShare), '<=', now),
      ]),
    ]),
  ])
}

/**
 * Open cases whose next escalation step is due at `now`: not yet nearing and past the nearing
 * point, or not yet overdue and past a deadline (SLA or legal). Soonest deadline first.
 */
export async function listDueForEscalation(
  db: Executor,
  now: Date,
  nearingShare: number,
  limit: number,
): Promise<DueCase[]> {
  const rows = await db
    .selectFrom('moderation_case')
    .innerJoin('subject', 'subject.id', 'moderation_case.subject_id')
    .selectAll('moderation_case')
    .select([
      'subject.external_id as subject_external_id',
      'subject.kind as subject_kind',
      'subject.author_id as subject_author_id',
    ])
    .where('moderation_case.status', '=', 'open')
    .where((eb) => dueCondition(eb, now, nearingShare))
    .orderBy('moderation_case.sla_deadline')
    .orderBy('moderation_case.id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    case: rowToCase(row),
    subject: {
      externalId: row.subject_external_id,
      kind: row.subject_kind,
      authorId: row.subject_author_id,
    },
  }))
}

/**
 * Moves the case from `from` to `step` and adds `boost` to its priority, only if it is still open
 * and still at `from`: of two workers sweeping at once, one takes each step.
 */
export async function markEscalated(
  db: Executor,
  id: string,
  change: { from: Escalation | null; step: Escalation; boost: number; at: Date },
): Promise<ModerationCase | undefined> {
  const row = await db
    .updateTable('moderation_case')
    .set((eb) => ({
      escalation: change.step,
      priority: eb('priority', '+', change.boost),
      priority_basis: sql`case when priority_basis is null then null else jsonb_set(priority_basis, '{escalationBoost}', to_jsonb(coalesce((priority_basis->>'escalationBoost')::int, 0) + ${change.boost}::int)) end`,
      updated_at: change.at,
    }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('escalation', change.from === null ? 'is' : '=', change.from)
    .returningAll()
    .executeTakeFirst()
  return row ? rowToCase(row) : undefined
}

export interface QueueCountsRow {
  queue: string
  open: number
  claimed: number
  /** Open, not yet overdue, with less than `nearingShare` of their SLA time left. */
  nearing: number
  /** Open past their SLA or legal deadline. */
  overdue: number
  oldestOpenedAt: Date | null
  nextDeadline: Date | null
}

/** Open cases per queue, with how many are claimed, nearing their deadline or past it at `now`. */
export async function countOpenByQueue(
  db: Executor,
  now: Date,
  nearingShare: number,
): Promise<QueueCountsRow[]> {
  const deadline = sql`least(sla_deadline, coalesce(legal_deadline, sla_deadline))`
  const rows = await db
    .selectFrom('moderation_case')
    .select([
      'queue',
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where claimed_until > ${now})`.as('claimed'),
      sql<string>`count(*) filter (where ${deadline} <= ${now})`.as('overdue'),
      sql<string>`count(*) filter (where ${deadline} > ${now} and ${nearingPoint(nearingShare)} <= ${now})`.as(
        'nearing',
      ),
      sql<Date | null>`min(created_at)`.as('oldest'),
      sql<Date | null>`min(${deadline})`.as('next_deadline'),
    ])
    .where('status', '=', 'open')
    .groupBy('queue')
    .execute()
  return rows.map((row) => ({
    queue: row.queue,
    open: Number(row.open),
    claimed: Number(row.claimed),
    nearing: Number(row.nearing),
    overdue: Number(row.overdue),
    oldestOpenedAt: row.oldest === null ? null : new Date(row.oldest),
    nextDeadline: row.next_deadline === null ? null : new Date(row.next_deadline),
  }))
}
