import type { ModerationCase } from '../../../src/core/moderation-case'

// @TODO GET /v1/queues, GET /v1/cases and the claim routes declare no response schema yet, so
// the generated schema.d.ts types their answers as unknown. These views state what the console
// reads from them; replace each with the generated type once its route declares a response.

/** A value as it arrives over JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T

export interface QueueSummaryView {
  id: string
  label: string
  defined: boolean
  slaHours: number | null
  legalDeadlineHours: number | null
  open: number
  claimed: number
  nearing: number
  overdue: number
  oldestOpenedAt: string | null
  nextDeadline: string | null
}

export interface QueueListView {
  queues: QueueSummaryView[]
  nearingShare: number
  /** The server's time when it counted: the console's countdowns run from it. */
  at: string
}

export type CaseView = Json<ModerationCase> & {
  slaRemainingSeconds: number
  overdue: boolean
  claimed: boolean
}

export interface CaseListView {
  cases: CaseView[]
  total: number
}

/** The console session, as `/console/api/session` answers it. */
export interface ConsoleUser {
  id: string
  email: string
  name: string
  role: string
  preferences: { revealMedia: boolean }
}

export interface ConsoleSession {
  user: ConsoleUser
  csrfToken: string
}
