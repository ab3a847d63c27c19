import type { ChildAbuseReport, CseaChannel } from '../../core/csea-report.js'
import { ConflictError } from '../../core/errors.js'
import type { Executor } from '../../storage/database.js'
import { findReportAboutSame } from '../../storage/repos/child-abuse-report-repo.js'

type Keys = Pick<ChildAbuseReport, 'id' | 'channel' | 'caseId' | 'mediaSha256'>

const OTHER: Record<CseaChannel, CseaChannel> = { nca: 'ncmec', ncmec: 'nca' }

/** The live report through the other channel about the same case or any of the same media. */
export function duplicateFor(db: Executor, report: Keys): Promise<ChildAbuseReport | undefined> {
  return findReportAboutSame(db, {
    channel: OTHER[report.channel],
    caseId: report.caseId,
    mediaSha256: report.mediaSha256,
    excludeId: report.id,
  })
}

/**
 * The NCA asks providers not to duplicate reports made to NCMEC (which passes UK reports on), so
 * an NCA report with a live NCMEC report about the same case or media is sent only with a reason
 * a person gives; the reason is kept. NCMEC reports are never held back: flagged, not refused.
 */
export function overrideReasonFor(
  report: Pick<ChildAbuseReport, 'id' | 'channel' | 'overrideReason'>,
  duplicate: ChildAbuseReport | undefined,
  override: { reason: string } | undefined,
): string | null {
  if (override) return override.reason
  if (report.channel !== 'nca' || !duplicate) return null
  if (report.overrideReason) return report.overrideReason
  throw new ConflictError(
    `NCA report ${report.id} duplicates NCMEC report ${duplicate.id} (${duplicate.status}) about the same case or media; the NCA asks providers not to duplicate reports made to NCMEC. Send it anyway only with duplicateOverride.reason saying why`,
    { reason: 'duplicate', duplicateOf: duplicate.id, duplicateStatus: duplicate.status },
  )
}
