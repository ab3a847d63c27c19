import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../database.js'

/** Action types that take content or an account down: what `priorRemovals` counts. */
export const REMOVING_ACTIONS = ['remove', 'disable', 'suspend_account', 'terminate_account']

/** One author at one moment; `kind`/`externalId` name the subject being judged, left out. */
export interface AuthorHistoryQuery {
  authorId: string
  at: Date
  kind: string
  externalId: string
}

export interface AuthorHistory {
  /** Earlier subjects by the author, by window in hours. */
  recentSubjects: Record<number, number>
  /** Earlier subjects whose latest decision removed them; null when not asked for. */
  priorRemovals: number | null
}

/**
 * The author's history as of each query's moment, for many queries in one statement: subjects
 * created within each window before `at`, and earlier subjects whose latest decision (made
 * before `at`) took them down.
 */
export async function readAuthorHistory(
  db: Executor,
  queries: readonly AuthorHistoryQuery[],
  needs: { windows: readonly number[]; priorRemovals: boolean },
): Promise<AuthorHistory[]> {
  if (queries.length === 0) return []
  const input = JSON.stringify(
    queries.map((q, n) => ({
      n,
      author_id: q.authorId,
      at: q.at.toISOString(),
      kind: q.kind,
      external_id: q.externalId,
    })),
  )
  const counts = needs.windows.map(
    (w, i) =>
      sql`count(*) filter (where s.created_at >= q.at - make_interval(hours => ${w}::int))::int
        as ${sql.ref(`w${i}`)}`,
  )
  const result = await sql<Record<string, number | null>>`
    with q as (
      select * from jsonb_to_recordset(${input}::jsonb)
        as q(n int, author_id text, at timestamptz, kind text, external_id text)
    )
    select q.n, ${needs.priorRemovals ? removals() : sql`null::int`} as removals
      ${counts.length > 0 ? sql`, ${sql.join(counts)}` : sql``}
    from q
    left join subject s on s.author_id = q.author_id and s.created_at < q.at
      and s.created_at >= q.at - make_interval(hours => ${Math.max(0, ...needs.windows)}::int)
      and not (s.kind = q.kind and s.external_id = q.external_id)
    group by q.n, q.author_id, q.at, q.kind, q.external_id
    order by q.n`.execute(db)
  return result.rows.map((row) => ({
    recentSubjects: Object.fromEntries(needs.windows.map((w, i) => [w, Number(row[`w${i}`])])),
    priorRemovals:
      row.removals === null || row.removals === undefined ? null : Number(row.removals),
  }))
}

function removals(): RawBuilder<number> {
  return sql<number>`(
    select count(*)::int from (
      select distinct on (d.subject_id) d.actions
      from decision d join subject p on p.id = d.subject_id
      where p.author_id = q.author_id and d.created_at < q.at
        and not (p.kind = q.kind and p.external_id = q.external_id)
      order by d.subject_id, d.created_at desc
    ) latest
    where exists (
      select 1 from jsonb_array_elements(latest.actions) a
      where a->>'type' in (${sql.join(REMOVING_ACTIONS)})
    )
  )`
}
