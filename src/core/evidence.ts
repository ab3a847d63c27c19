import { z } from 'zod'
import type { RecordType } from './policy/evidence.js'
import type { Actor, ConsoleRole } from './roles.js'

// @NOTE Evidence: preserved copies of a subject and what was recorded about it, encrypted at
// rest, with a custody trail in the audit log, a retention date and legal holds. Browser-safe,
// so the console hides what a role may not open by the same rule the server applies.

/** What an evidence item holds: the subject, one media file, or a list of records about it. */
export const EVIDENCE_KINDS = [
  'subject',
  'media',
  'signals',
  'reports',
  'decisions',
  'statements',
] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

/** The subject and its media are content; the rest are records about it. */
export function recordTypeOf(kind: EvidenceKind): RecordType {
  return kind === 'subject' || kind === 'media' ? 'content' : 'records'
}

/**
 * Inline media sealed at ingest is labelled `ingest:media[N]` while it waits in quarantine; a
 * preservation that takes it over relabels it `media[N]`.
 */
export const QUARANTINE_LABEL_PREFIX = 'ingest:'

export function isQuarantined(item: Pick<EvidenceItem, 'label'>): boolean {
  return item.label.startsWith(QUARANTINE_LABEL_PREFIX)
}

export interface EvidenceItem {
  id: string
  /** Items preserved together (one decision, one request) share this id. */
  preservationId: string
  caseId: string
  subjectId: string
  /** The harm its retention period is chosen by; null when the case had none. */
  harm: string | null
  recordType: RecordType
  kind: EvidenceKind
  /** e.g. `subject`, `media[0]`, `reports`. */
  label: string
  contentType: string
  /** Bytes of the original; null when it could not be preserved. */
  size: number | null
  /** SHA-256 (hex) of the original; for media that could not be fetched, the hash seen at ingest. */
  sha256: string | null
  /** Why nothing was stored (e.g. media sent inline); null when the bytes are kept. */
  unavailableReason: string | null
  preservedAt: Date
  preservedBy: string
  reason: string
  retainUntil: Date
  erasedAt: Date | null
  erasureReason: string | null
}

export interface LegalHold {
  id: string
  caseId: string | null
  subjectId: string | null
  reason: string
  /** Who asked for it: a court, an authority, the legal team. */
  requester: string
  placedBy: string
  placedAt: Date
  /** Null: until released. */
  expiresAt: Date | null
  releasedAt: Date | null
  releasedBy: string | null
  releaseReason: string | null
}

/** A hold protects evidence until it is released or expires. */
export function isHoldActive(hold: Pick<LegalHold, 'expiresAt' | 'releasedAt'>, at: Date): boolean {
  return hold.releasedAt === null && (hold.expiresAt === null || hold.expiresAt > at)
}

export const PRESERVATION_REQUEST_STATUSES = ['pending', 'preserved'] as const
export type PreservationRequestStatus = (typeof PRESERVATION_REQUEST_STATUSES)[number]

/** An authority's request to preserve data (e.g. a police preservation notice). */
export interface PreservationRequest {
  id: string
  authority: string
  /** The authority's own reference, to quote back. */
  authorityReference: string
  caseId: string
  subjectId: string
  receivedAt: Date
  /** By when the data must be preserved. */
  preserveBy: Date
  status: PreservationRequestStatus
  preservedAt: Date | null
  preservationId: string
  holdId: string
  notes: string | null
  recordedBy: string
  recordedAt: Date
}

/** Met: preserved by the deadline. Overdue: not preserved and the deadline has passed. */
export function requestStanding(
  request: Pick<PreservationRequest, 'preservedAt' | 'preserveBy'>,
  at: Date,
): { met: boolean; overdue: boolean } {
  const met = request.preservedAt !== null && request.preservedAt <= request.preserveBy
  return { met, overdue: request.preservedAt === null && at > request.preserveBy }
}

/** The console roles that may open evidence (API keys: admin only). */
export const EVIDENCE_CONSOLE_ROLES: readonly ConsoleRole[] = [
  'admin',
  'child_safety',
  'law_enforcement_liaison',
]

export const EVIDENCE_REFUSAL =
  'evidence is for admin API keys and the console roles admin, child_safety and law_enforcement_liaison; ask one of them'

/** Whether the actor may open, export or hold evidence; Vigil itself (CLI, worker) may. */
export function mayHandleEvidence(actor: Pick<Actor, 'role' | 'consoleRole'>): boolean {
  if (actor.role === 'system') return true
  if (actor.consoleRole) return EVIDENCE_CONSOLE_ROLES.includes(actor.consoleRole)
  return actor.role === 'admin'
}

export const MIN_PURPOSE_LENGTH = 10

/** Why the person opens or exports evidence; kept in the custody trail. */
export function purposeProblem(purpose: string | undefined): string | undefined {
  if ((purpose?.trim().length ?? 0) >= MIN_PURPOSE_LENGTH) return undefined
  return `say why you open this evidence: a purpose of at least ${MIN_PURPOSE_LENGTH} characters (e.g. "NCA report NCA-2026-123"); it is kept in the custody log`
}

const reason = z.string().trim().min(1).max(2000)
const when = z.iso.datetime({ offset: true })

export const preserveInputSchema = z.strictObject({
  reason: reason.describe('Why the case is preserved; kept with every item'),
})

export const legalHoldInputSchema = z
  .strictObject({
    caseId: z.uuid().optional().describe('Hold the evidence of this case'),
    subjectId: z.uuid().optional().describe("Or of this subject (Vigil's id), in every case"),
    reason,
    requester: z.string().trim().min(1).max(300).describe('Who asked: a court, an authority'),
    expiresAt: when.optional().describe('When the hold lapses; absent means until released'),
  })
  .refine((input) => (input.caseId === undefined) !== (input.subjectId === undefined), {
    message: 'name exactly one of caseId or subjectId',
    path: ['caseId'],
  })
export type LegalHoldInput = z.infer<typeof legalHoldInputSchema>

export const releaseHoldInputSchema = z.strictObject({ reason })

export const preservationRequestInputSchema = z.strictObject({
  authority: z.string().trim().min(1).max(300).describe('e.g. "Metropolitan Police Service"'),
  reference: z.string().trim().min(1).max(200).describe("The authority's own reference"),
  caseId: z.uuid().describe('The case whose subject is to be preserved'),
  receivedAt: when.optional().describe('When the request arrived; now when absent'),
  preserveBy: when.describe('By when the data must be preserved'),
  notes: z.string().trim().max(5000).optional(),
})
export type PreservationRequestInput = z.infer<typeof preservationRequestInputSchema>

/** Why an item has no bytes to give: erased (when and why), or never kept (why). */
export function absentReason(
  item: Pick<EvidenceItem, 'erasedAt' | 'erasureReason' | 'unavailableReason'>,
): string {
  if (item.erasedAt) {
    return `erased on ${item.erasedAt.toISOString()} (${item.erasureReason ?? 'no reason recorded'})`
  }
  return `never kept: ${item.unavailableReason ?? 'unavailable'}`
}
