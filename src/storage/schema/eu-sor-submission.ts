import type { JSONColumnType } from 'kysely'

/** Tables of the eu-sor-submissions migration (20261201T040000). */

export const EU_SOR_STATES = [
  'pending',
  'submitted',
  'invalid',
  'rejected',
  'not_applicable',
] as const
export type EuSorState = (typeof EU_SOR_STATES)[number]

/** One restrictive decision's statement of reasons and the EU Transparency Database. */
export interface EuSorSubmissionTable {
  decision_id: string
  puid: string
  state: EuSorState
  attempts: number
  submitted_at: Date | null
  eu_uuid: string | null
  eu_permalink: string | null
  /** The database already held this puid (an earlier send whose answer was lost). */
  already_there: boolean
  last_error: string | null
  /** Why Vigil did not send it, or why the database refused it: { field, rule, message }[]. */
  problems: JSONColumnType<
    { field: string; rule: string; message: string }[] | null,
    string | null,
    string | null
  >
  updated_at: Date
}
