import { InvalidInputError } from '../../core/errors.js'
import type { Executor } from '../../storage/database.js'
import { countStatementsBetween, listStatementsBetween } from '../../storage/repos/eu-sor-repo.js'
import { type Prepared, prepareStatements } from './prepare.js'

export interface ExportRange {
  /** Inclusive, 00:00 UTC. */
  from: Date
  /** Exclusive: 00:00 UTC of the day after the last day asked for. */
  to: Date
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
/** Decisions read per query. */
const PAGE = 200

/**
 * The UTC days `[from, to)`, both written YYYY-MM-DD: `to` is the day after the last, as in
 * `vigil report transparency`, so a month is `--from 2026-11-01 --to 2026-12-01`.
 */
export function exportRange(from: string, to: string): ExportRange {
  const start = parseDay('--from', from)
  const end = parseDay('--to', to)
  if (end <= start) {
    throw new InvalidInputError(
      `--to (${to}) must come after --from (${from}): it is the day after the last one exported, not included`,
    )
  }
  return { from: start, to: end }
}

function parseDay(flag: string, value: string): Date {
  const date = new Date(`${value}T00:00:00.000Z`)
  if (!DAY.test(value) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value)) {
    throw new InvalidInputError(`${flag} must be a day written YYYY-MM-DD, e.g. 2026-01-31`)
  }
  return date
}

/** How many decisions in the range carry a statement of reasons. */
export function countExportable(db: Executor, range: ExportRange): Promise<number> {
  return countStatementsBetween(db, range)
}

/**
 * Every statement of reasons of decisions made in the range, oldest first, as the EU database
 * takes it (no personal data) or with the reason it is left out. Reads page by page.
 */
export async function* exportEuStatements(
  db: Executor,
  range: ExportRange,
): AsyncGenerator<Prepared> {
  let after: { createdAt: Date; decisionId: string } | undefined
  for (;;) {
    const rows = await listStatementsBetween(db, range, {
      limit: PAGE,
      ...(after ? { after } : {}),
    })
    if (rows.length === 0) return
    yield* await prepareStatements(db, rows)
    const last = rows[rows.length - 1]
    if (!last || rows.length < PAGE) return
    after = { createdAt: last.createdAt, decisionId: last.decisionId }
  }
}
