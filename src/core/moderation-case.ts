import { z } from 'zod'

export const CASE_STATUSES = ['open', 'decided'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export interface ModerationCase {
  id: string
  subjectId: string
  status: CaseStatus
  queue: string
  priority: number
  harm: string | null
  slaDeadline: Date
  assignee: string | null
  createdAt: Date
  updatedAt: Date
}

export const caseListQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  queue: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})
export type CaseListQuery = z.infer<typeof caseListQuerySchema>
