import {
  type ChildAbuseReport,
  mergeSupplied,
  type SuppliedDetails,
} from '../../core/csea-report.js'
import { ConflictError, NotFoundError } from '../../core/errors.js'
import type { Actor } from '../../core/roles.js'
import { findCase } from '../../storage/repos/case-repo.js'
import {
  listUnsentReportsOfCase,
  updateChildAbuseReport,
} from '../../storage/repos/child-abuse-report-repo.js'
import { recordAudit } from '../audit-log.js'
import type { ServiceContext } from '../service-context.js'
import { buildPayload } from './build-payload.js'

/**
 * Attaches account and upload details only the platform holds (emails, phones, billing, login
 * and upload addresses, EXIF) to every draft CSEA report of the case, NCA and NCMEC alike, and
 * rebuilds them. Approved and sent reports do not change. The audit entry names the sections
 * given, not their contents.
 */
export async function attachSuppliedDetails(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  details: SuppliedDetails,
): Promise<ChildAbuseReport[]> {
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await findCase(tx, caseId))) throw new NotFoundError('case', caseId)
    const drafts = (await listUnsentReportsOfCase(tx, caseId)).filter((r) => r.status === 'draft')
    if (drafts.length === 0) {
      throw new ConflictError(
        `case ${caseId} has no draft CSEA report; details are attached before approval (a report is drafted when a decision restricts CSEA content, or by POST /v1/csea-reports)`,
        { reason: 'no_draft' },
      )
    }
    const at = ctx.clock.now()
    const updated: ChildAbuseReport[] = []
    for (const draft of drafts) {
      const next = { ...draft, supplied: mergeSupplied(draft.supplied, details), updatedAt: at }
      next.payload = await buildPayload(tx, ctx, next, null)
      await updateChildAbuseReport(tx, draft.id, ['draft'], {
        supplied: JSON.stringify(next.supplied),
        payload: JSON.stringify(next.payload),
        updated_at: at,
      })
      updated.push(next)
    }
    const sections = Object.keys(details).sort()
    const audit = updated.map((r) => ({
      action: 'csea_report.details_attached',
      entityType: 'csea_report',
      entityId: r.id,
      data: { caseId, channel: r.channel, sections },
    }))
    await recordAudit(tx, actor, at, audit)
    return updated
  })
}
