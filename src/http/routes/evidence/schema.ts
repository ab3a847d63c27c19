import { z } from 'zod'
import { EVIDENCE_KINDS, PRESERVATION_REQUEST_STATUSES } from '../../../core/evidence.js'
import { RECORD_TYPES } from '../../../core/policy/evidence.js'

export const caseParams = z.object({ id: z.uuid({ error: 'a case id is a UUID' }) })
export const itemParams = z.object({ id: z.uuid({ error: 'an evidence item id is a UUID' }) })
export const holdParams = z.object({ id: z.uuid({ error: 'a legal hold id is a UUID' }) })

export const contentQuery = z.strictObject({
  purpose: z
    .string()
    .max(500)
    .optional()
    .describe('Why you open it (10 characters or more); kept in the custody log. Required'),
})

const bool = z.enum(['true', 'false']).transform((value) => value === 'true')

export const holdListQuery = z.strictObject({
  caseId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  active: bool.optional().describe('true: only holds that are unreleased and unexpired now'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const requestListQuery = z.strictObject({
  status: z.enum(PRESERVATION_REQUEST_STATUSES).optional(),
  caseId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

const when = z.string().describe('ISO 8601')

export const evidenceItemSchema = z.object({
  id: z.string(),
  preservationId: z.string().describe('Items preserved together share it'),
  caseId: z.string(),
  subjectId: z.string(),
  harm: z.string().nullable(),
  recordType: z.enum(RECORD_TYPES),
  kind: z.enum(EVIDENCE_KINDS),
  label: z.string().describe('subject, media[0], signals, reports, decisions, statements'),
  contentType: z.string(),
  size: z.number().nullable().describe('Bytes of the original'),
  sha256: z.string().nullable().describe('SHA-256 (hex) of the original'),
  available: z.boolean().describe('Whether the bytes can be opened now'),
  unavailableReason: z.string().nullable(),
  preservedAt: when,
  preservedBy: z.string(),
  reason: z.string(),
  retainUntil: when.describe('When the retention sweep erases it, unless a legal hold applies'),
  erasedAt: when.nullable(),
  erasureReason: z.string().nullable(),
})

export const evidenceListSchema = z.object({ items: z.array(evidenceItemSchema) })

export const preservationReceiptSchema = z.object({
  preservationId: z.string(),
  caseId: z.string(),
  status: z.literal('queued'),
  queuedAt: when,
})

export const legalHoldSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  subjectId: z.string().nullable(),
  reason: z.string(),
  requester: z.string(),
  placedBy: z.string(),
  placedAt: when,
  expiresAt: when.nullable().describe('Null: until released'),
  releasedAt: when.nullable(),
  releasedBy: z.string().nullable(),
  releaseReason: z.string().nullable(),
  active: z.boolean().describe('Unreleased and unexpired now'),
})

export const legalHoldListSchema = z.object({ holds: z.array(legalHoldSchema) })

export const preservationRequestSchema = z.object({
  id: z.string(),
  authority: z.string(),
  reference: z.string().describe("The authority's own reference"),
  caseId: z.string(),
  subjectId: z.string(),
  receivedAt: when,
  preserveBy: when.describe('The deadline'),
  status: z.enum(PRESERVATION_REQUEST_STATUSES),
  preservedAt: when.nullable(),
  met: z.boolean().describe('Preserved by the deadline'),
  overdue: z.boolean().describe('Not preserved and past the deadline'),
  holdId: z.string(),
  preservationId: z.string(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: when,
})

export const preservationRequestListSchema = z.object({
  requests: z.array(preservationRequestSchema),
})
