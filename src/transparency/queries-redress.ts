import { sql } from 'kysely'
import type { Executor } from '../storage/database.js'
import type { Period } from '../storage/repos/dashboard-repo.js'
import { type FacetRow, num, runFacets } from './facets.js'

// @NOTE The transparency report's aggregations over complaints (appeals), the accuracy of
// automated decisions as appeals found it, suspensions and the automated tools in use.

const COMPLAINT_COLUMNS = ['status'] as const

/** Complaints (appeals) decided in the period: per outcome and in all, with the median time. */
export async function decidedComplaints(
  db: Executor,
  p: Period,
): Promise<Record<'all' | 'byOutcome', FacetRow<'status'>[]>> {
  return runFacets(db, {
    columns: COMPLAINT_COLUMNS,
    sets: { all: [], byOutcome: ['status'] },
    source: sql`
      select status, date_part('epoch', decided_at - created_at) as seconds
      from appeal
      where status <> 'open' and decided_at >= ${p.from} and decided_at < ${p.to}
    `,
    aggregates: sql`count(*) as n,
      percentile_cont(0.5) within group (order by seconds) as median_seconds`,
  })
}

/** Complaints (appeals) received in the period, per kind (their basis). */
export async function receivedComplaints(
  db: Executor,
  p: Period,
): Promise<{ kind: string; count: number }[]> {
  const { rows } = await sql<{ kind: string; n: string }>`
    select kind, count(*) as n
    from appeal
    where created_at >= ${p.from} and created_at < ${p.to}
    group by kind
    order by 2 desc, 1
  `.execute(db)
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }))
}

export interface AutomatedAccuracyRow {
  /** Automated decisions of the period with an appeal against them decided before the end. */
  appealed: number
  /** Of those, decisions an appeal reversed. */
  reversed: number
}

/**
 * Automated decisions (fully or partially) made in the period that an appeal decided before the
 * period's end looked at, and how many of them it reversed: the sample behind the error estimate.
 */
export async function automatedAccuracy(db: Executor, p: Period): Promise<AutomatedAccuracyRow> {
  // @NOTE A scalar subquery per appeal (a primary-key lookup) instead of a join, which the
  // planner would answer by scanning every decision; an appeal comes after its decision.
  const { rows } = await sql<{ appealed: string; reversed: string }>`
    select count(distinct a.decision_id) as appealed,
      count(distinct a.decision_id) filter (where a.status = 'reversed') as reversed
    from appeal a
    where a.status in ('upheld', 'reversed') and a.decided_at < ${p.to}
      and a.created_at >= ${p.from}
      and (select d.automated_decision <> 'not' and d.reverses_decision_id is null
            and d.appeal_id is null and d.created_at >= ${p.from} and d.created_at < ${p.to}
          from decision d where d.id = a.decision_id)
  `.execute(db)
  return { appealed: num(rows[0]?.appealed), reversed: num(rows[0]?.reversed) }
}

export interface DetectorRow {
  source: string
  matcher: string
  /** The bank whose entry matched, for list and hash matchers. */
  bank: string | null
  count: number
}

/** The automated detectors that fired in the period: source, matcher and bank, with counts. */
export async function detectorsInUse(db: Executor, p: Period): Promise<DetectorRow[]> {
  const { rows } = await sql<{ source: string; matcher: string; bank: string | null; n: string }>`
    select source, matcher, evidence->>'bank' as bank, count(*) as n
    from signal
    where created_at >= ${p.from} and created_at < ${p.to}
      and source not in ('user_report', 'trusted_flagger', 'authority')
    group by 1, 2, 3
    order by 4 desc, 1, 2, 3
  `.execute(db)
  return rows.map((r) => ({ source: r.source, matcher: r.matcher, bank: r.bank, count: num(r.n) }))
}

export interface SuspensionCounts {
  /** Account suspensions and terminations the strike policy gave, by the triggering ground. */
  accounts: { ground: string; count: number }[]
  /** Reporters whose notices were deprioritised or refused for manifestly unfounded notices. */
  reporters: number
}

/** Suspensions that started in the period (DSA Art. 23), by cause. */
export async function suspensions(db: Executor, p: Period): Promise<SuspensionCounts> {
  const accounts = await sql<{ ground: string; n: string }>`
    select coalesce(
        (select d.ground->>'type' from decision d where d.id = r.decision_id),
        'unknown'
      ) as ground,
      count(*) as n
    from account_restriction r
    where r.kind in ('suspension', 'termination')
      and r.starts_at >= ${p.from} and r.starts_at < ${p.to}
    group by 1
    order by 1
  `.execute(db)
  const reporters = await sql<{ n: string }>`
    select count(*) as n
    from audit_entry
    where entity_type = 'reporter' and action = 'reporter.restricted'
      and occurred_at >= ${p.from} and occurred_at < ${p.to}
  `.execute(db)
  return {
    accounts: accounts.rows.map((r) => ({ ground: r.ground, count: Number(r.n) })),
    reporters: num(reporters.rows[0]?.n),
  }
}
