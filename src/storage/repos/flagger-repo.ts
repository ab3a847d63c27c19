import { type Selectable, sql } from 'kysely'
import type { FlaggerKind, TrustedFlagger } from '../../core/trusted-flagger.js'
import type { Executor } from '../database.js'
import type { TrustedFlaggerTable } from '../schema/report-appeal.js'

export function rowToFlagger(row: Selectable<TrustedFlaggerTable>): TrustedFlagger {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as FlaggerKind,
    designation: row.designation,
    contactEmail: row.contact_email,
    enabled: row.enabled,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

/** Inserts unless the name is taken; returns whether it inserted. */
export async function insertFlagger(db: Executor, f: TrustedFlagger): Promise<boolean> {
  const result = await db
    .insertInto('trusted_flagger')
    .values({
      id: f.id,
      name: f.name,
      kind: f.kind,
      designation: f.designation,
      contact_email: f.contactEmail,
      enabled: f.enabled,
      created_by: f.createdBy,
      created_at: f.createdAt,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export async function findFlagger(db: Executor, id: string): Promise<TrustedFlagger | undefined> {
  const row = await db
    .selectFrom('trusted_flagger')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? rowToFlagger(row) : undefined
}

export async function findFlaggerByName(
  db: Executor,
  name: string,
): Promise<TrustedFlagger | undefined> {
  const row = await db
    .selectFrom('trusted_flagger')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst()
  return row ? rowToFlagger(row) : undefined
}

export async function listFlaggers(db: Executor): Promise<TrustedFlagger[]> {
  const rows = await db.selectFrom('trusted_flagger').selectAll().orderBy('name').execute()
  return rows.map(rowToFlagger)
}

export interface FlaggerChanges {
  enabled?: boolean | undefined
  designation?: string | null | undefined
  contactEmail?: string | null | undefined
}

export async function updateFlagger(
  db: Executor,
  id: string,
  changes: FlaggerChanges,
): Promise<TrustedFlagger | undefined> {
  const row = await db
    .updateTable('trusted_flagger')
    .set({
      ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
      ...(changes.designation !== undefined ? { designation: changes.designation } : {}),
      ...(changes.contactEmail !== undefined ? { contact_email: changes.contactEmail } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row ? rowToFlagger(row) : undefined
}

export interface FlaggerFiguresRow {
  sent: number
  decided: number
  upheld: number
  medianSeconds: number | null
}

/**
 * One flagger's notices sent in [from, to): how many, how many decided, how many upheld, and the
 * median seconds from notice to decision. The decision on a notice is the first decision on its
 * case that is neither a reversal nor an appeal outcome; it upholds the notice when any action
 * restricts (the SQL twin of isRestrictive in core/decision.ts: not no_action, not restore).
 */
export async function flaggerFigures(
  db: Executor,
  flaggerId: string,
  range: { from: Date; to: Date },
): Promise<FlaggerFiguresRow> {
  const result = await figuresQuery(flaggerId, range).execute(db)
  const row = result.rows[0]
  return {
    sent: Number(row?.sent ?? 0),
    decided: Number(row?.decided ?? 0),
    upheld: Number(row?.upheld ?? 0),
    medianSeconds:
      row?.median_seconds === null || row?.median_seconds === undefined
        ? null
        : Number(row.median_seconds),
  }
}

function figuresQuery(flaggerId: string, range: { from: Date; to: Date }) {
  return sql<{
    sent: string
    decided: string
    upheld: string
    median_seconds: number | string | null
  }>`
    select count(*) as sent,
      count(d.id) as decided,
      count(d.id) filter (where d.restrictive) as upheld,
      percentile_cont(0.5) within group (
        order by extract(epoch from (d.created_at - r.created_at))
      ) as median_seconds
    from report r
    left join lateral (
      select d.id, d.created_at,
        exists (
          select 1 from jsonb_array_elements(d.actions) a
          where a->>'type' not in ('no_action', 'restore')
        ) as restrictive
      from decision d
      where d.case_id = r.case_id and d.reverses_decision_id is null and d.appeal_id is null
      order by d.created_at, d.id
      limit 1
    ) d on true
    where r.flagger_id = ${flaggerId} and r.created_at >= ${range.from} and r.created_at < ${range.to}
  `
}
