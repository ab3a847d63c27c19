import type { AuditEntryPage } from '../../../services/audit-entries.js'

export function presentAuditPage(page: AuditEntryPage) {
  return {
    entries: page.entries.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      actor: e.actor,
      actorName: e.actorName,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      data: e.data,
      sealed: e.chainSeq !== null,
      chainSeq: e.chainSeq,
    })),
    nextBefore: page.nextBefore,
  }
}
