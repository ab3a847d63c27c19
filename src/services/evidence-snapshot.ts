import { AppError } from '../core/errors.js'
import type { EvidenceKind } from '../core/evidence.js'
import type { ModerationCase } from '../core/moderation-case.js'
import type { MediaRecord, Subject } from '../core/subject.js'
import { guardedRequest, OutboundRequestError } from '../net/guarded-request.js'
import type { Db } from '../storage/database.js'
import { listDecisionsForCase } from '../storage/repos/decision-repo.js'
import { listNotificationsFor } from '../storage/repos/notification-repo.js'
import { listReportsForCase } from '../storage/repos/report-repo.js'
import { listSignalsForSubject } from '../storage/repos/signal-repo.js'
import { findSubject } from '../storage/repos/subject-repo.js'
import { canonicalJson } from './canonical-json.js'
import type { ServiceSettings } from './service-context.js'

/** One part of a snapshot: its bytes, a quarantined copy to take over, or why neither. */
export type SnapshotPart = {
  kind: EvidenceKind
  label: string
  contentType: string
} & (
  | { bytes: Buffer; takeOver?: undefined }
  | { bytes?: undefined; takeOver: QuarantinedCopy }
  | {
      bytes?: undefined
      takeOver?: undefined
      unavailable: string
      sha256: string | null
      size: number | null
    }
)

/** An item sealed at ingest, still in quarantine: the preservation takes it over as it is. */
export interface QuarantinedCopy {
  itemId: string
  harm: string | null
  sha256: string | null
  size: number | null
}

/** What Vigil holds of one inline media file: a copy sealed at ingest, its bytes, or neither. */
export type InlineCopy =
  | { takeOver: QuarantinedCopy }
  | { bytes: Buffer; contentType?: string }
  | { unavailable: string }

/** A fetch that failed for a reason that may pass (network, timeout, 5xx): worth a retry. */
export class TransientMediaError extends AppError {
  override name = 'TransientMediaError'
  constructor(why: string) {
    super('internal', `media could not be preserved yet: ${why}; the job will retry`)
  }
}

const JSON_TYPE = 'application/json'

/** The subject and every record about it (signals, reports, decisions, statements) as JSON. */
export async function snapshotRecords(
  db: Db,
  found: ModerationCase,
): Promise<{ subject: Subject | undefined; parts: SnapshotPart[] }> {
  const [subject, signals, reports, decisions] = await Promise.all([
    findSubject(db, found.subjectId),
    listSignalsForSubject(db, found.subjectId),
    listReportsForCase(db, found.id),
    listDecisionsForCase(db, found.id),
  ])
  const statements = (
    await Promise.all(decisions.map((d) => listNotificationsFor(db, { decisionId: d.id })))
  ).flat()
  const json = (kind: EvidenceKind, value: unknown): SnapshotPart => ({
    kind,
    label: kind,
    contentType: JSON_TYPE,
    bytes: Buffer.from(canonicalJson(value), 'utf8'),
  })
  const parts = [
    json('subject', subject ?? null),
    json('signals', signals),
    json('reports', reports),
    json('decisions', decisions),
    json('statements', statements),
  ]
  return { subject, parts }
}

/**
 * The subject's media: each URL fetched again through the SSRF guard within the media limits;
 * inline media (never fetched again) as `inline` finds it, from a copy sealed at ingest. A
 * failure that may pass is thrown as TransientMediaError unless this is the last attempt.
 */
export async function snapshotMedia(
  media: readonly MediaRecord[],
  settings: ServiceSettings,
  lastAttempt: boolean,
  inline: (record: MediaRecord) => Promise<InlineCopy>,
): Promise<SnapshotPart[]> {
  return Promise.all(
    media.map(async (record, index): Promise<SnapshotPart> => {
      const base = { kind: 'media' as const, label: `media[${index}]` }
      const contentType = record.mimeType ?? 'application/octet-stream'
      const missing = (why: string) => ({
        ...base,
        contentType,
        unavailable: why,
        sha256: record.sha256,
        size: record.bytes,
      })
      const found = record.sourceUrl
        ? await fetchMedia(record.sourceUrl, settings, lastAttempt)
        : await inline(record)
      if ('unavailable' in found) return missing(found.unavailable)
      if ('takeOver' in found) return { ...base, contentType, takeOver: found.takeOver }
      return { ...base, contentType: found.contentType ?? contentType, bytes: found.bytes }
    }),
  )
}

export const INLINE_MEDIA =
  'the media was sent inline (base64) and no signal at ingest put it in a preserving harm, so Vigil kept only its hashes; the hash recorded at ingest is kept'

async function fetchMedia(
  url: string,
  settings: ServiceSettings,
  lastAttempt: boolean,
): Promise<{ bytes: Buffer; contentType: string | undefined } | { unavailable: string }> {
  const transient = (why: string) => {
    if (!lastAttempt) throw new TransientMediaError(why)
    return { unavailable: `${why} (after retrying)` }
  }
  try {
    const response = await guardedRequest(
      url,
      { method: 'GET' },
      {
        allowPrivate: settings.network.allowPrivate,
        timeoutMs: settings.media.fetchTimeoutMs,
        maxResponseBytes: settings.media.maxBytes,
      },
    )
    if (response.status >= 500) return transient(`its URL answered HTTP ${response.status}`)
    if (response.status < 200 || response.status >= 300) {
      return { unavailable: `its URL answered HTTP ${response.status}` }
    }
    return { bytes: response.body, contentType: mediaType(response.headers['content-type']) }
  } catch (error) {
    if (!(error instanceof OutboundRequestError)) throw error
    const why = `its URL could not be fetched: ${error.message}`
    const permanent = ['blocked_address', 'bad_url', 'too_large'].includes(error.reason)
    return permanent ? { unavailable: why } : transient(why)
  }
}

function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase()
  return type && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type) ? type : undefined
}
