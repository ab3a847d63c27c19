import type { Selectable } from 'kysely'
import type { LegalHold } from '../../core/evidence.js'
import type { Executor } from '../database.js'
import type { LegalHoldTable } from '../schema/evidence.js'

function rowToLegalHold(row: Selectable<LegalHoldTable>): LegalHold {
  return {
    id: row.id,
    caseId: row.case_id,
    subjectId: row.subject_id,
    reason: row.reason,
    requester: row.requester,
    placedBy: row.placed_by,
    placedAt: row.placed_at,
    expiresAt: row.expires_at,
    releasedAt: row.released_at,
    releasedBy: row.released_by,
    releaseReason: row.release_reason,
  }
}

export async function insertLegalHold(db: Executor, h: LegalHold): Promise<void> {
  await db
    .insertInto('legal_hold')
    .values({
      id: h.id,
      case_id: h.caseId,
      subject_id: h.subjectId,
      reason: h.reason,
      requester: h.requester,
      placed_by: h.placedBy,
      placed_at: h.placedAt,
      expires_at: h.expiresAt,
      released_at: h.releasedAt,
      released_by: h.releasedBy,
      release_reason: h.releaseReason,
    })
    .execute()
}

export async function findLegalHold(db: Executor, id: string): Promise<LegalHold | undefined> {
  const row = await db.selectFrom('legal_hold').selectAll().where('id', '=', id).executeTakeFirst()
  return row && rowToLegalHold(row)
}

export interface LegalHoldFilter {
  caseId?: string
  subjectId?: string
  /** Only holds that are unreleased and unexpired at this time. */
  activeAt?: Date
  limit: number
}

/** Holds, newest first. */
export async function listLegalHolds(db: Executor, filter: LegalHoldFilter): Promise<LegalHold[]> {
  let query = db.selectFrom('legal_hold').selectAll()
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId)
  if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId)
  const at = filter.activeAt
  if (at) {
    query = query
      .where('released_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
  }
  const rows = await query.orderBy('placed_at', 'desc').orderBy('id').limit(filter.limit).execute()
  return rows.map(rowToLegalHold)
}

/** Releases a hold that is not yet released; the released hold, or undefined. */
export async function releaseLegalHold(
  db: Executor,
  id: string,
  release: { at: Date; by: string; reason: string },
): Promise<LegalHold | undefined> {
  const row = await db
    .updateTable('legal_hold')
    .set({ released_at: release.at, released_by: release.by, release_reason: release.reason })
    .where('id', '=', id)
    .where('released_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
  return row && rowToLegalHold(row)
}
