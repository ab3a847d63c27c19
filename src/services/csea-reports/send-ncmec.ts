import type { ChildAbuseReport } from '../../core/csea-report.js'
import { AppError } from '../../core/errors.js'
import { NCMEC_DRAFT_FORMAT, type NcmecDraft } from '../../core/ncmec-report-build.js'
import { SYSTEM_ACTOR } from '../../core/roles.js'
import { listCaseEvidence, openEvidenceItem } from '../evidence-items.js'
import { isTransientNcmecError, NcmecSendError } from '../ncmec/ncmec-error.js'
import { type NcmecReportFile, sendNcmecReport } from '../ncmec/send-report.js'
import { CseaSendError, type CseaServiceContext } from './senders.js'

/**
 * Files an approved NCMEC draft through the CyberTipline client with the preserved copies of its
 * media (evidence items of the case with the same SHA-256; each opening is in the custody trail).
 * A file with no preserved copy goes without its bytes: its hashes and location are in the report.
 */
export async function sendNcmecDraft(
  ctx: CseaServiceContext,
  report: ChildAbuseReport,
): Promise<string> {
  const client = ctx.csea.ncmec
  if (!client) {
    throw new CseaSendError('no NCMEC endpoint is configured (VIGIL_NCMEC_URL)', {
      permanent: true,
    })
  }
  const draft = report.payload as unknown as NcmecDraft
  if (draft.format !== NCMEC_DRAFT_FORMAT) {
    throw new CseaSendError('the stored NCMEC report is not a Vigil NCMEC draft', {
      permanent: true,
    })
  }
  const files = await preservedFiles(ctx, report, draft)
  try {
    return (await sendNcmecReport(client, { report: draft.report, files })).reportId
  } catch (error) {
    throw new CseaSendError(`NCMEC: ${(error as Error).message}`, {
      permanent: !isTransient(error),
      cause: error,
    })
  }
}

/** Worth another try: NCMEC's or the network's passing trouble; not a refusal of the report. */
function isTransient(error: unknown): boolean {
  if (error instanceof NcmecSendError) return isTransientNcmecError(error.cause)
  if (error instanceof AppError) return isTransientNcmecError(error)
  return true
}

async function preservedFiles(
  ctx: CseaServiceContext,
  report: ChildAbuseReport,
  draft: NcmecDraft,
): Promise<NcmecReportFile[]> {
  if (draft.files.length === 0 || !ctx.evidence.keyring) return []
  const items = await listCaseEvidence(ctx.db, report.caseId)
  const files: NcmecReportFile[] = []
  for (const file of draft.files) {
    const item = items.find(
      (i) => i.kind === 'media' && i.sha256 === file.sha256 && !i.erasedAt && !i.unavailableReason,
    )
    if (!item) continue
    const purpose = `sent to NCMEC with CSEA report ${report.id}`
    const opened = await openEvidenceItem(ctx, SYSTEM_ACTOR, item.id, purpose)
    files.push({ fileName: file.fileName, bytes: opened.bytes, details: file.details })
  }
  return files
}
