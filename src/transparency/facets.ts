import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../storage/database.js'

/**
 * One scan, several breakdowns: a GROUP BY GROUPING SETS over a row source, where each named set
 * is one breakdown (its columns) and every set gets the same aggregates. `grouping(...)` tells
 * the sets apart, so a set's rows never mix with another's. Runs on PostgreSQL and PGlite.
 */
export interface FacetQuery<C extends string, S extends string> {
  /** `select … as <column>, … from …`: one row per counted item, with every column. */
  source: RawBuilder<unknown>
  columns: readonly C[]
  sets: Readonly<Record<S, readonly C[]>>
  /** Aggregates over the source's columns, e.g. `count(*) as n`. */
  aggregates: RawBuilder<unknown>
}

export type FacetRow<C extends string> = { [K in C]: unknown } & Record<string, unknown>

/** The rows of each set; a set's columns are set, the others null. */
export async function runFacets<C extends string, S extends string>(
  db: Executor,
  query: FacetQuery<C, S>,
): Promise<Record<S, FacetRow<C>[]>> {
  const names = Object.keys(query.sets) as S[]
  const list = (columns: readonly string[]) => sql.raw(columns.join(', '))
  const sets = sql.raw(names.map((name) => `(${query.sets[name].join(', ')})`).join(', '))
  const { rows } = await sql<FacetRow<C> & { facet_mask: number }>`
    with facet_source as (${query.source})
    select grouping(${list(query.columns)}) as facet_mask, ${list(query.columns)},
      ${query.aggregates}
    from facet_source
    group by grouping sets (${sets})
  `.execute(db)
  const byMask = new Map(names.map((name) => [maskOf(query.columns, query.sets[name]), name]))
  const result = Object.fromEntries(names.map((name) => [name, [] as FacetRow<C>[]])) as Record<
    S,
    FacetRow<C>[]
  >
  for (const row of rows) {
    const name = byMask.get(Number(row.facet_mask))
    if (name) result[name].push(row)
  }
  return result
}

/** `grouping(c1, …, cn)`: bit n-1-i is set when column i is not in the set. */
function maskOf(columns: readonly string[], set: readonly string[]): number {
  return columns.reduce(
    (mask, column, i) => (set.includes(column) ? mask : mask | (1 << (columns.length - 1 - i))),
    0,
  )
}

/** A count column (bigint, a string from pg) as a number. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value)
}

/** A nullable numeric column (e.g. a median) as a number or null. */
export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value)
}
