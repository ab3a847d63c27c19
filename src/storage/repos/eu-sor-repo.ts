import type { Selectable } from 'kysely'
import type { Executor } from '../database.js'
import type { EuSorState, EuSorSubmissionTable } from '../schema/eu-sor-submission.js'

export type { EuSorState } from '../schema/eu-sor-submission.js'

/** A decision that carries a statement of reasons. */
export interface StatementRow {
  decisionId: string
  statementOfReasons: Record<string, unknown>
  createdAt: Date
}

export interface EuSorSubmission {
  decisionId: string
  puid: string
  state: EuSorState
  attempts: number
  submittedAt: Date | null
  euUuid: string | null
  euPermalink: string | null
  alreadyThere: boolean
  lastError: string | null
  problems: { field: string; rule: string; message: string }[] | null
  updatedAt: Date
}

function rowToSubmission(row: Selectable<EuSorSubmissionTable>): EuSorSubmission {
  return {
    decisionId: row.decision_id,
    puid: row.puid,
    state: row.state,
    attempts: row.attempts,
    submittedAt: row.submitted_at,
    euUuid: row.eu_uuid,
    euPermalink: row.eu_permalink,
    alreadyThere: row.already_there,
    lastError: row.last_error,
    problems: row.problems,
    updatedAt: row.updated_at,
  }
}

/**
 * Decisions whose statement is still to be sent, oldest first: no submission row yet, or one
 * left pending by a failed attempt; plus those in `retry` states when asked.
 */
export async function listUnsentStatements(
  db: Executor,
  limit: number,
  retry: readonly EuSorState[] = [],
): Promise<StatementRow[]> {
  const states: EuSorState[] = ['pending', ...retry]
  const rows = await db
    .selectFrom('decision as d')
    .leftJoin('eu_sor_submission as s', 's.decision_id', 'd.id')
    .select(['d.id', 'd.statement_of_reasons', 'd.created_at'])
    .where('d.statement_of_reasons', 'is not', null)
    .where((eb) => eb.or([eb('s.decision_id', 'is', null), eb('s.state', 'in', states)]))
    .orderBy('d.created_at')
    .orderBy('d.id')
    .limit(limit)
    .execute()
  return rows.map(toStatementRow)
}

/** Decisions with a statement made in [from, to), in time order, a page after `after`. */
export async function listStatementsBetween(
  db: Executor,
  range: { from: Date; to: Date },
  page: { limit: number; after?: { createdAt: Date; decisionId: string } },
): Promise<StatementRow[]> {
  let query = db
    .selectFrom('decision as d')
    .select(['d.id', 'd.statement_of_reasons', 'd.created_at'])
    .where('d.statement_of_reasons', 'is not', null)
    .where('d.created_at', '>=', range.from)
    .where('d.created_at', '<', range.to)
  const after = page.after
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('d.created_at', '>', after.createdAt),
        eb.and([eb('d.created_at', '=', after.createdAt), eb('d.id', '>', after.decisionId)]),
      ]),
    )
  }
  const rows = await query.orderBy('d.created_at').orderBy('d.id').limit(page.limit).execute()
  return rows.map(toStatementRow)
}

export async function countStatementsBetween(
  db: Executor,
  range: { from: Date; to: Date },
): Promise<number> {
  const row = await db
    .selectFrom('decision')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('statement_of_reasons', 'is not', null)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

function toStatementRow(row: {
  id: string
  statement_of_reasons: Record<string, unknown> | null
  created_at: Date
}): StatementRow {
  return {
    decisionId: row.id,
    statementOfReasons: row.statement_of_reasons ?? {},
    createdAt: row.created_at,
  }
}

/**
 * For each decision, the identifiers of the people and content involved, so they can be kept
 * out of what is sent: the subject's id, author and link, the moderator's id and name, and every
 * reporter's id, name, email, address and the links they gave.
 */
export async function listPersonalIdentifiers(
  db: Executor,
  decisionIds: readonly string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>(decisionIds.map((id) => [id, []]))
  if (decisionIds.length === 0) return found
  const rows = await db
    .selectFrom('decision as d')
    .innerJoin('subject as s', 's.id', 'd.subject_id')
    .leftJoin('report as r', 'r.case_id', 'd.case_id')
    .select([
      'd.id',
      'd.decided_by',
      'd.decided_by_name',
      's.external_id',
      's.author_id',
      's.url',
      'r.reporter_id',
      'r.reporter_name',
      'r.reporter_email',
      'r.reporter_address',
      'r.content_urls',
    ])
    .where('d.id', 'in', [...decisionIds])
    .execute()
  for (const row of rows) {
    const { id, content_urls, ...values } = row
    const list = found.get(id) ?? []
    for (const value of [...Object.values(values), ...(content_urls ?? [])]) {
      if (typeof value === 'string' && value.length > 0) list.push(value)
    }
    found.set(id, list)
  }
  return found
}

export type SubmissionUpdate = Pick<EuSorSubmission, 'decisionId' | 'puid' | 'state'> &
  Partial<
    Pick<
      EuSorSubmission,
      'submittedAt' | 'euUuid' | 'euPermalink' | 'alreadyThere' | 'lastError' | 'problems'
    >
  >

/** Records the outcome of an attempt for each decision; `attempts` counts the sends. */
export async function saveSubmissions(
  db: Executor,
  updates: readonly SubmissionUpdate[],
  at: Date,
  sent: boolean,
): Promise<void> {
  if (updates.length === 0) return
  const rows = updates.map((u) => ({
    decision_id: u.decisionId,
    puid: u.puid,
    state: u.state,
    attempts: sent ? 1 : 0,
    submitted_at: u.submittedAt ?? null,
    eu_uuid: u.euUuid ?? null,
    eu_permalink: u.euPermalink ?? null,
    already_there: u.alreadyThere ?? false,
    last_error: u.lastError ?? null,
    problems: u.problems ? JSON.stringify(u.problems) : null,
    updated_at: at,
  }))
  await db
    .insertInto('eu_sor_submission')
    .values(rows)
    .onConflict((oc) =>
      oc.column('decision_id').doUpdateSet((eb) => ({
        state: eb.ref('excluded.state'),
        submitted_at: eb.ref('excluded.submitted_at'),
        eu_uuid: eb.ref('excluded.eu_uuid'),
        eu_permalink: eb.ref('excluded.eu_permalink'),
        already_there: eb.ref('excluded.already_there'),
        last_error: eb.ref('excluded.last_error'),
        problems: eb.ref('excluded.problems'),
        updated_at: eb.ref('excluded.updated_at'),
        attempts: eb('eu_sor_submission.attempts', '+', eb.ref('excluded.attempts')),
      })),
    )
    .execute()
}

export async function findSubmission(
  db: Executor,
  decisionId: string,
): Promise<EuSorSubmission | undefined> {
  const row = await db
    .selectFrom('eu_sor_submission')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .executeTakeFirst()
  return row ? rowToSubmission(row) : undefined
}
