import { AppError, ForbiddenError, NotFoundError } from '../core/errors.js'
import { CSEA_MEDIA_REFUSAL, mayOpenMedia, VIEWABLE_IMAGE_TYPES } from '../core/media-access.js'
import type { Actor } from '../core/roles.js'
import { guardedRequest, OutboundRequestError } from '../net/guarded-request.js'
import type { Db } from '../storage/database.js'
import { findCase } from '../storage/repos/case-repo.js'
import { listReportsForCase } from '../storage/repos/report-repo.js'
import { listSignalsForSubject } from '../storage/repos/signal-repo.js'
import { findSubject } from '../storage/repos/subject-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

export interface CaseMedia {
  bytes: Buffer
  contentType: string
}

type MediaContext = Pick<ServiceContext, 'db' | 'clock' | 'settings'>

/**
 * The bytes of a case's media item, fetched again from its URL through the SSRF guard (inline
 * media is not kept). CSEA media only for a child safety session; every opening is audited.
 */
export async function openCaseMedia(
  ctx: MediaContext,
  actor: Actor,
  caseId: string,
  index: number,
): Promise<CaseMedia> {
  const { url, subjectId, harms, mimeType } = await findMediaItem(ctx.db, caseId, index)
  if (!mayOpenMedia(actor, harms))
    throw new ForbiddenError(CSEA_MEDIA_REFUSAL, { reason: 'csea_media' })
  if (!url)
    throw unavailable(caseId, index, 'inline', 'it was sent inline and inline media is not kept')
  const media = await fetchImage(ctx, url, mimeType, caseId, index)
  const at = ctx.clock.now()
  await ctx.db.transaction().execute((tx) =>
    recordAudit(tx, actor, at, [
      {
        action: 'media.viewed',
        entityType: 'case',
        entityId: caseId,
        data: { index, subjectId, contentType: media.contentType },
      },
    ]),
  )
  return media
}

async function findMediaItem(db: Db, caseId: string, index: number) {
  const found = await findCase(db, caseId)
  if (!found) throw new NotFoundError('case', caseId)
  const [subject, reports, signals] = await Promise.all([
    findSubject(db, found.subjectId),
    listReportsForCase(db, caseId),
    listSignalsForSubject(db, found.subjectId),
  ])
  const item = subject?.media[index]
  if (!item) throw new NotFoundError('media item', `${caseId}/${index}`)
  const harms = [found.harm, ...reports.map((r) => r.harm), ...signals.map((s) => s.harm)]
  return { url: item.sourceUrl, subjectId: found.subjectId, harms, mimeType: item.mimeType }
}

async function fetchImage(
  ctx: MediaContext,
  url: string,
  recorded: string | undefined,
  caseId: string,
  index: number,
): Promise<CaseMedia> {
  try {
    const response = await guardedRequest(
      url,
      { method: 'GET' },
      {
        allowPrivate: ctx.settings.network.allowPrivate,
        timeoutMs: ctx.settings.media.fetchTimeoutMs,
        maxResponseBytes: ctx.settings.media.maxBytes,
      },
    )
    if (response.status < 200 || response.status >= 300) {
      throw unavailable(caseId, index, 'fetch_failed', `its URL answered HTTP ${response.status}`)
    }
    const contentType = imageType(response.headers['content-type']) ?? imageType(recorded)
    if (!contentType) {
      throw unavailable(caseId, index, 'not_image', 'it is not an image the console can show')
    }
    return { bytes: response.body, contentType }
  } catch (error) {
    if (!(error instanceof OutboundRequestError)) throw error
    throw unavailable(
      caseId,
      index,
      'fetch_failed',
      `its URL could not be fetched: ${error.message}`,
    )
  }
}

function imageType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase()
  return type && VIEWABLE_IMAGE_TYPES.includes(type) ? type : undefined
}

function unavailable(caseId: string, index: number, reason: string, why: string): AppError {
  return new AppError(
    'not_found',
    `media item ${index} of case ${caseId} cannot be shown: ${why}`,
    {
      details: { entity: 'media item', id: `${caseId}/${index}`, reason },
    },
  )
}
