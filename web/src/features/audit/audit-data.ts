import type { ApiClient, ResponseOf } from '../../api/client'
import type { paths } from '../../api/schema'

export type AuditPage = ResponseOf<paths['/v1/audit/entries']['get']>
export type AuditEntryView = AuditPage['entries'][number]
export type VerifyView = ResponseOf<paths['/v1/audit/verify']['get']>

export interface AuditFilter {
  entityType: string
  entityId: string
  action: string
}

export const NO_FILTER: AuditFilter = { entityType: '', entityId: '', action: '' }

/** A page of entries, newest first; `before` is the previous page's nextBefore. */
export function loadAuditEntries(
  api: ApiClient,
  filter: AuditFilter,
  before?: number,
): Promise<AuditPage> {
  return api.get('/v1/audit/entries', {
    query: {
      limit: 50,
      ...(filter.entityType.trim() ? { entityType: filter.entityType.trim() } : {}),
      ...(filter.entityId.trim() ? { entityId: filter.entityId.trim() } : {}),
      ...(filter.action.trim() ? { action: filter.action.trim() } : {}),
      ...(before !== undefined ? { before } : {}),
    },
  })
}

export function verifyChain(api: ApiClient): Promise<VerifyView> {
  return api.get('/v1/audit/verify')
}

/** 'user:<id>' with the person's name, or the key, bootstrap or system as recorded. */
export function actorText(entry: AuditEntryView): string {
  return entry.actorName ? `${entry.actorName} (${entry.actor})` : entry.actor
}
