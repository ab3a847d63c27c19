import { z } from 'zod'

export const CASE_STATUSES = ['open', 'decided'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** A case reviews content (or an account) or an appeal or complaint about an earlier decision. */
export const CASE_KINDS = ['content', 'appeal'] as const
export type CaseKind = (typeof CASE_KINDS)[number]

/** Set by the escalation job as the SLA deadline nears and then passes. */
export const ESCALATIONS = ['nearing', 'overdue'] as const
export type Escalation = (typeof ESCALATIONS)[number]

export interface ModerationCase {
  id: string
  subjectId: string
  kind: CaseKind
  status: CaseStatus
  queue: string
  priority: number
  harm: string | null
  slaDeadline: Date
  assignee: string | null
  /** The assignee's claim lapses at this time unless renewed. */
  claimedUntil: Date | null
  /** A deadline set by law, e.g. 48 hours for reported intimate images (OSA s.10(3A)). */
  legalDeadline: Date | null
  escalation: Escalation | null
  decidedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/** True while someone holds an unexpired claim on the case. */
export function isClaimLive(
  c: Pick<ModerationCase, 'assignee' | 'claimedUntil'>,
  now: Date,
): boolean {
  return c.assignee !== null && c.claimedUntil !== null && c.claimedUntil > now
}

export const caseListQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  queue: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})
export type CaseListQuery = z.infer<typeof caseListQuerySchema>
