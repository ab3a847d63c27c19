import { ConflictError } from '../core/errors.js'
import { absentReason, type EvidenceItem } from '../core/evidence.js'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { type AuditEntry, lastSealedEntry, listEntriesFor } from '../storage/repos/audit-repo.js'
import { listLegalHolds } from '../storage/repos/legal-hold-repo.js'
import { sealAuditLog } from './audit-seal.js'
import { listCaseEvidence, type OpenedEvidence, readEvidenceForExport } from './evidence-items.js'
import { type BuiltPackage, buildEvidencePackage } from './evidence-package/build-package.js'
import type { PackageSigningKey } from './evidence-package/signing.js'
import type { ServiceContext } from './service-context.js'

/** What an export needs beyond the services' context: the key packages are signed with. */
export interface ExportContext extends ServiceContext {
  evidenceSigningKey: () => PackageSigningKey
}

/** Holds of a case or its subjects that a package lists in its custody extract (at most). */
const MAX_HOLDS = 1000

/**
 * A signed evidence package of a case: every item (its bytes when kept), the custody extract and
 * the audit-chain segment behind it. Each item's export is audited with the purpose and committed
 * before any byte is read; those entries are sealed (when no other sealer is busy) and included.
 * 409 when the case has no evidence, so nothing is recorded for an empty export.
 */
export async function exportEvidencePackage(
  ctx: ExportContext,
  actor: Actor,
  caseId: string,
  purpose: string | undefined,
): Promise<BuiltPackage> {
  const key = ctx.evidenceSigningKey()
  if ((await listCaseEvidence(ctx.db, caseId)).length === 0) {
    throw new ConflictError(
      `case ${caseId} has no preserved evidence: preserve it first (vigil evidence preserve)`,
      { reason: 'no_evidence' },
    )
  }
  const opened = await readEvidenceForExport(ctx, actor, caseId, purpose)
  await sealAuditLog(ctx)
  const items = opened.map((o) => o.item)
  const custody = await custodyEntries(ctx.db, caseId, items)
  const head = await lastSealedEntry(ctx.db)
  return buildEvidencePackage(
    {
      caseId,
      createdAt: ctx.clock.now(),
      exporter: { id: actor.id, name: actor.name },
      purpose: (purpose ?? '').trim(),
      items: opened.map(packageItem),
      custody,
      chainHead: head?.chainSeq && head.hash ? { seq: head.chainSeq, hash: head.hash } : undefined,
    },
    key,
  )
}

function packageItem({ item, bytes }: OpenedEvidence) {
  return {
    id: item.id,
    kind: item.kind,
    label: item.label,
    contentType: item.contentType,
    preservedAt: item.preservedAt,
    bytes,
    recorded: { size: item.size, sha256: item.sha256 },
    ...(bytes ? {} : { absentReason: absentReason(item) }),
  }
}

/**
 * The custody extract: the case's evidence entries (preservation asked for and done), every
 * entry about its items (viewed, exported, erased) and about legal holds on the case or its
 * subjects, in id order.
 */
async function custodyEntries(
  db: Executor,
  caseId: string,
  items: readonly EvidenceItem[],
): Promise<AuditEntry[]> {
  const subjects = [...new Set(items.map((i) => i.subjectId))]
  const holds = [
    ...(await listLegalHolds(db, { caseId, limit: MAX_HOLDS })),
    ...(
      await Promise.all(
        subjects.map((subjectId) => listLegalHolds(db, { subjectId, limit: MAX_HOLDS })),
      )
    ).flat(),
  ]
  const entries = await listEntriesFor(db, [
    { type: 'case', id: caseId },
    ...items.map((i) => ({ type: 'evidence_item', id: i.id })),
    ...[...new Set(holds.map((h) => h.id))].map((id) => ({ type: 'legal_hold', id })),
  ])
  return entries.filter((e) => e.entityType !== 'case' || e.action.startsWith('evidence.'))
}
