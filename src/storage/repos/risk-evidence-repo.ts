import { sql } from 'kysely'
import type { Executor } from '../database.js'

export interface HarmPeriodRow {
  harm: string
  /** 0 is the period ending at `to`, 1 the one before it, and so on. */
  period: number
  reports: number
  detections: number
  restricted: number
}

/** Signal sources that are people telling us, not detection. */
const NOTICE_SOURCES = ['user_report', 'trusted_flagger', 'authority']

/**
 * Per harm and period (equal periods of `periodSeconds` counted back from `to`, `periods` of
 * them): notices filed, detections (signals from banks, lists, classifiers and rules) and
 * original decisions (not reversals, not appeal decisions) that restricted something, as the
 * transparency report counts them. Aggregated in the database; only counts come back.
 */
export async function harmFiguresByPeriod(
  db: Executor,
  to: Date,
  periodSeconds: number,
  periods: number,
): Promise<HarmPeriodRow[]> {
  const from = new Date(to.getTime() - periodSeconds * periods * 1000)
  const period = (column: string) =>
    sql`floor(extract(epoch from (${to}::timestamptz - ${sql.ref(column)})) / ${periodSeconds}::float8)::int`
  const { rows } = await sql<{ harm: string; period: number; r: string; s: string; d: string }>`
    select harm, period, sum(r) as r, sum(s) as s, sum(d) as d from (
      select harm, ${period('created_at')} as period, count(*) as r, 0 as s, 0 as d
      from report where created_at >= ${from} and created_at < ${to}
      group by 1, 2
      union all
      select harm, ${period('created_at')} as period, 0, count(*), 0
      from signal
      where created_at >= ${from} and created_at < ${to}
        and source not in (${sql.join(NOTICE_SOURCES)})
      group by 1, 2
      union all
      select d.harm, ${period('d.created_at')} as period, 0, 0, count(*)
      from decision d
      where d.created_at >= ${from} and d.created_at < ${to}
        and d.reverses_decision_id is null and d.appeal_id is null
        and not (d.actions @> '[{"type":"no_action"}]'::jsonb)
      group by 1, 2
    ) counted
    group by harm, period
  `.execute(db)
  return rows.map((r) => ({
    harm: r.harm,
    period: Number(r.period),
    reports: Number(r.r),
    detections: Number(r.s),
    restricted: Number(r.d),
  }))
}

/** Public or group image content whose PDQ hash was taken at ingest since `since`. */
export async function countPublicImagesHashed(db: Executor, since: Date): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from subject
    where created_at >= ${since} and surface in ('public', 'group')
      and jsonb_path_exists(media, '$[*].pdq')
  `.execute(db)
  return Number(rows[0]?.n ?? 0)
}
