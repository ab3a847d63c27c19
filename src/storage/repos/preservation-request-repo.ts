import type { Selectable } from 'kysely'
import type { PreservationRequest, PreservationRequestStatus } from '../../core/evidence.js'
import type { Executor } from '../database.js'
import type { PreservationRequestTable } from '../schema/evidence.js'

function rowToRequest(row: Selectable<PreservationRequestTable>): PreservationRequest {
  return {
    id: row.id,
    authority: row.authority,
    authorityReference: row.authority_reference,
    caseId: row.case_id,
    subjectId: row.subject_id,
    receivedAt: row.received_at,
    preserveBy: row.preserve_by,
    status: row.status as PreservationRequestStatus,
    preservedAt: row.preserved_at,
    preservationId: row.preservation_id,
    holdId: row.hold_id,
    notes: row.notes,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  }
}

export async function insertPreservationRequest(
  db: Executor,
  r: PreservationRequest,
): Promise<void> {
  await db
    .insertInto('preservation_request')
    .values({
      id: r.id,
      authority: r.authority,
      authority_reference: r.authorityReference,
      case_id: r.caseId,
      subject_id: r.subjectId,
      received_at: r.receivedAt,
      preserve_by: r.preserveBy,
      status: r.status,
      preserved_at: r.preservedAt,
      preservation_id: r.preservationId,
      hold_id: r.holdId,
      notes: r.notes,
      recorded_by: r.recordedBy,
      recorded_at: r.recordedAt,
    })
    .execute()
}

/** Requests, soonest deadline first; `pending` ones only when asked. */
export async function listPreservationRequests(
  db: Executor,
  filter: { status?: PreservationRequestStatus; caseId?: string; limit: number },
): Promise<PreservationRequest[]> {
  let query = db.selectFrom('preservation_request').selectAll()
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId)
  const rows = await query.orderBy('preserve_by').orderBy('id').limit(filter.limit).execute()
  return rows.map(rowToRequest)
}

/** Marks the pending request of a preservation as preserved; the request, or undefined. */
export async function markRequestPreserved(
  db: Executor,
  preservationId: string,
  at: Date,
): Promise<PreservationRequest | undefined> {
  const row = await db
    .updateTable('preservation_request')
    .set({ status: 'preserved', preserved_at: at })
    .where('preservation_id', '=', preservationId)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst()
  return row && rowToRequest(row)
}
