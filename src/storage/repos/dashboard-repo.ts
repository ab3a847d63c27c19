import { sql } from 'kysely'
import type { Executor } from '../database.js'

export interface Period {
  from: Date
  to: Date
}

export interface DayHarmRow {
  day: string
  harm: string | null
  count: number
}

/** Content cases opened in the period, per UTC day and harm. */
export async function casesPerDayAndHarm(db: Executor, p: Period): Promise<DayHarmRow[]> {
  const { rows } = await sql<{ day: string; harm: string | null; n: string }>`
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, harm, count(*) as n
    from moderation_case
    where kind = 'content' and created_at >= ${p.from} and created_at < ${p.to}
    group by 1, 2
  `.execute(db)
  return rows.map((r) => ({ day: r.day, harm: r.harm, count: Number(r.n) }))
}

/**
 * Content cases opened in the period by what opened them: the signal source recorded in the
 * case's `case.opened` audit entry (a later, more urgent notice may change the priority basis
 * but not what opened the case), else the priority basis, else `unknown`.
 */
export async function casesPerSource(
  db: Executor,
  p: Period,
): Promise<{ source: string; count: number }[]> {
  const { rows } = await sql<{ source: string; n: string }>`
    select coalesce(
        (select a.data->'basis'->>'source' from audit_entry a
          where a.action = 'case.opened' and a.entity_type = 'case' and a.entity_id = c.id::text
          order by a.id limit 1),
        c.priority_basis->>'source',
        'unknown'
      ) as source,
      count(*) as n
    from moderation_case c
    where c.kind = 'content' and c.created_at >= ${p.from} and c.created_at < ${p.to}
    group by 1
    order by 2 desc, 1
  `.execute(db)
  return rows.map((r) => ({ source: r.source, count: Number(r.n) }))
}

export interface QueueSlaRow {
  queue: string
  withinSla: number
  late: number
  openOverdue: number
  openInTime: number
  medianSeconds: number | null
}

/**
 * Cases opened in the period, per queue, against their deadline (the sooner of the SLA and the
 * legal deadline): decided in time, decided late, open past it at `now`, open in time.
 */
export async function slaPerQueue(db: Executor, p: Period, now: Date): Promise<QueueSlaRow[]> {
  const deadline = sql`least(sla_deadline, coalesce(legal_deadline, sla_deadline))`
  const { rows } = await sql<{
    queue: string
    within: string
    late: string
    overdue: string
    in_time: string
    median_seconds: number | string | null
  }>`
    select queue,
      count(*) filter (where decided_at is not null and decided_at <= ${deadline}) as within,
      count(*) filter (where decided_at is not null and decided_at > ${deadline}) as late,
      count(*) filter (where decided_at is null and ${deadline} <= ${now}) as overdue,
      count(*) filter (where decided_at is null and ${deadline} > ${now}) as in_time,
      percentile_cont(0.5) within group (order by extract(epoch from (decided_at - created_at)))
        filter (where decided_at is not null) as median_seconds
    from moderation_case
    where created_at >= ${p.from} and created_at < ${p.to}
    group by queue
  `.execute(db)
  return rows.map((r) => ({
    queue: r.queue,
    withinSla: Number(r.within),
    late: Number(r.late),
    openOverdue: Number(r.overdue),
    openInTime: Number(r.in_time),
    medianSeconds: r.median_seconds === null ? null : Number(r.median_seconds),
  }))
}

/** Decisions made in the period, per value of automated_decision. */
export async function decisionsByAutomation(
  db: Executor,
  p: Period,
): Promise<Record<string, number>> {
  const { rows } = await sql<{ automated: string; n: string }>`
    select automated_decision as automated, count(*) as n
    from decision
    where created_at >= ${p.from} and created_at < ${p.to}
    group by 1
  `.execute(db)
  return Object.fromEntries(rows.map((r) => [r.automated, Number(r.n)]))
}

/** Appeals against decisions settled in the period: how many, and how many reversed. */
export async function appealOutcomes(
  db: Executor,
  p: Period,
): Promise<{ decided: number; reversed: number }> {
  const { rows } = await sql<{ decided: string; reversed: string }>`
    select count(*) as decided, count(*) filter (where status = 'reversed') as reversed
    from appeal
    where status in ('upheld', 'reversed') and decided_at >= ${p.from} and decided_at < ${p.to}
  `.execute(db)
  return { decided: Number(rows[0]?.decided ?? 0), reversed: Number(rows[0]?.reversed ?? 0) }
}
