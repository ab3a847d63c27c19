import { type RawBuilder, sql } from 'kysely'
import { REPORTER_KINDS } from '../core/report.js'
import type { Executor } from '../storage/database.js'
import type { Period } from '../storage/repos/dashboard-repo.js'
import { type FacetRow, runFacets } from './facets.js'

// @NOTE The transparency report's aggregations over decisions and notices, in the database: a
// million decisions come back as a few hundred counted combinations, never as rows. Reversals
// and decisions that settle an appeal are left out of the measures: they are counted as the
// complaints' outcomes.

// @NOTE The decision's facets (its ground's type, whether it restricts something, its action
// types) are generated columns (migration 20261201T070000-report-facets): small columns to read
// instead of JSON to unpack per decision.

/** SQL: the decision is an original one, not a reversal nor the decision on an appeal. */
const ORIGINAL = sql`d.reverses_decision_id is null and d.appeal_id is null`

const DECISION_COLUMNS = [
  'src',
  'ground',
  'harm',
  'auto',
  'detected',
  'type1',
  'type2',
  'more',
] as const
export type DecisionColumn = (typeof DECISION_COLUMNS)[number]

export interface DecisionFacets {
  /** Decisions per source, ground, harm, automation and action types. */
  combos: FacetRow<DecisionColumn>[]
  /** Own-initiative decisions per detection method and restriction. */
  origins: FacetRow<'method' | 'restrictive'>[]
}

/**
 * Decisions made in the period (not reversals, not appeal decisions), in one scan: counted per
 * combination of source (notice, trusted flagger, authority, own initiative), ground, harm,
 * automation and the action types taken, which the report sums into its breakdowns; and the
 * own-initiative ones per detection method (what opened their case: a hash match, a list, a
 * classifier or a rule) and whether they restricted something. Action types come as the first,
 * the second and (rarely) a list of the rest.
 */
export async function decisionFacets(db: Executor, p: Period): Promise<DecisionFacets> {
  const result = await runFacets(db, {
    columns: [...DECISION_COLUMNS, 'method', 'restrictive'],
    sets: { combos: DECISION_COLUMNS, origins: ['method', 'restrictive'] },
    source: sql`
      select d.source_type as src,
        d.facet_ground as ground,
        d.harm,
        d.automated_decision as auto,
        d.automated_detection as detected,
        d.facet_action1 as type1,
        d.facet_action2 as type2,
        d.facet_actions_more as more,
        case when d.source_type = 'own_initiative'
          then coalesce(d.facet_method, 'unknown') end as method,
        d.facet_restrictive as restrictive
      from decision d
      where d.created_at >= ${p.from} and d.created_at < ${p.to} and ${ORIGINAL}
    `,
    aggregates: sql`count(*) as n`,
  })
  return { combos: result.combos, origins: result.origins.filter((row) => row.method !== null) }
}

/** A decision combination's action types, in order. */
export function actionTypesOf(row: FacetRow<DecisionColumn>): string[] {
  const more = Array.isArray(row.more) ? (row.more as string[]) : []
  return [row.type1, row.type2, ...more].filter((t): t is string => typeof t === 'string')
}

const NOTICE_COLUMNS = ['kind', 'harm', 'ground', 'restrictive', 'auto'] as const
export type NoticeColumn = (typeof NOTICE_COLUMNS)[number]

export interface NoticeFigures {
  /** Notices per sender kind, harm, and ground, restriction and automation of their decision. */
  combos: FacetRow<NoticeColumn>[]
  /**
   * Median seconds from notice to decision per sender kind (`kind:user`, …) and per side
   * (`side:notice`, `side:order`), and from an order to its acknowledgement (`ack:order`, DSA
   * Art. 15(1)(a) "time to inform"); null where nothing was decided.
   */
  medians: Record<string, number | null>
}

/** The medians of NoticeFigures: each an ordered-set aggregate over the notices it filters. */
const MEDIANS: [name: string, over: RawBuilder<unknown>, where: RawBuilder<unknown>][] = [
  ...REPORTER_KINDS.map((kind): [string, RawBuilder<unknown>, RawBuilder<unknown>] => [
    `kind:${kind}`,
    sql`seconds`,
    sql`kind = ${kind}`,
  ]),
  ['side:notice', sql`seconds`, sql`kind <> 'authority'`],
  ['side:order', sql`seconds`, sql`kind = 'authority'`],
  ['ack:order', sql`ack_seconds`, sql`kind = 'authority'`],
]

const MEDIAN_OBJECT = sql`jsonb_build_object(${sql.join(
  MEDIANS.map(
    ([name, over, where]) =>
      sql`${name}::text, percentile_cont(0.5) within group (order by ${over}) filter (where ${where})`,
  ),
)})`

/**
 * Notices received in the period (authorities' notices are the orders' side) with the original
 * decision on their case made before the period ended, if any: counted per combination of
 * sender kind, harm, ground, restriction and automation, and the medians above. One statement,
 * so the notices are joined to their decisions once; the medians filter one pass rather than
 * sort per group. A decision on a notice's case comes after the notice and is not an
 * own-initiative one, which narrows the decisions joined. The acknowledgement is looked up for
 * orders only, which are few.
 */
export async function noticeFigures(db: Executor, p: Period): Promise<NoticeFigures> {
  const { rows } = await sql<FacetRow<NoticeColumn> & { medians: unknown }>`
    with notice as materialized (
      select r.reporter_kind as kind,
        r.harm,
        d.facet_ground as ground,
        d.facet_restrictive as restrictive,
        d.automated_decision as auto,
        date_part('epoch', d.created_at - r.created_at) as seconds,
        case when r.reporter_kind = 'authority' then date_part('epoch',
          (select min(n.created_at) from notification n
            where n.report_id = r.id and n.kind = 'report_acknowledged') - r.created_at
        ) end as ack_seconds
      from report r
      left join decision d on d.case_id = r.case_id and ${ORIGINAL}
        and d.source_type <> 'own_initiative' and d.created_at >= ${p.from} and d.created_at < ${p.to}
      where r.created_at >= ${p.from} and r.created_at < ${p.to}
    )
    select kind, harm, ground, restrictive, auto, count(*) as n, null::jsonb as medians
    from notice group by kind, harm, ground, restrictive, auto
    union all
    select null, null, null, null, null, null, ${MEDIAN_OBJECT} from notice
  `.execute(db)
  const medians = rows.find((row) => row.medians !== null)?.medians
  return {
    combos: rows.filter((row) => row.medians === null),
    medians: (medians ?? {}) as Record<string, number | null>,
  }
}
