import type { Db } from '../storage/database.js'
import {
  type AuditEntryFilter,
  type ListedAuditEntry,
  listAuditEntries,
} from '../storage/repos/audit-repo.js'

export interface AuditEntryPage {
  entries: ListedAuditEntry[]
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null
}

/** A page of the audit log, newest first, filtered by entity and action. */
export async function listAuditLog(db: Db, filter: AuditEntryFilter): Promise<AuditEntryPage> {
  const rows = await listAuditEntries(db, { ...filter, limit: filter.limit + 1 })
  const entries = rows.slice(0, filter.limit)
  const more = rows.length > filter.limit
  return { entries, nextBefore: more ? (entries.at(-1)?.id ?? null) : null }
}
