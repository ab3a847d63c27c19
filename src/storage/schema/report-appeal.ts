import type { ColumnType, JSONColumnType } from 'kysely'

/** Tables of the reports-and-appeals migration (20261130T010000). */

export interface InstanceSecretTable {
  name: string
  value: string
  created_at: Date
}

export interface TrustedFlaggerTable {
  id: string
  name: string
  kind: string
  designation: string | null
  contact_email: string | null
  enabled: boolean
  created_by: string
  created_at: Date
}

export interface AppealTable {
  id: string
  reference: string
  kind: string
  decision_id: string | null
  case_id: string | null
  appellant_role: string
  appellant_id: string | null
  appellant_email: string | null
  report_id: string | null
  grounds: string
  status: string
  expedited: boolean
  channel: string
  follow_up: boolean
  token_hash: string | null
  outcome_reasons: string | null
  decided_by: string | null
  decided_at: Date | null
  created_at: Date
}

export interface StrikeTable {
  id: string
  account_id: string
  decision_id: string
  harm: string
  severity: number
  created_at: Date
  expires_at: Date | null
  removed_at: Date | null
  removed_reason: string | null
}

export interface AccountRestrictionTable {
  id: string
  account_id: string
  kind: string
  reason: string
  strike_points: number | null
  decision_id: string | null
  starts_at: Date
  ends_at: Date | null
  lifted_at: Date | null
  lifted_reason: string | null
  created_at: Date
}

export interface ReporterStandingTable {
  reporter_key: string
  warned_at: Date | null
  restriction: string | null
  restricted_until: Date | null
  updated_at: Date
}

export interface NotificationTable {
  id: string
  kind: string
  recipient_role: string
  recipient_id: string | null
  recipient_email: string | null
  report_id: string | null
  decision_id: string | null
  appeal_id: string | null
  subject_line: string
  body: string
  status: string
  created_at: Date
}

export interface RateLimitHitTable {
  bucket: string
  window_start: Date
  hits: ColumnType<number, number, number>
}

export type DeclarationsColumn = JSONColumnType<
  Record<string, boolean> | null,
  string | null | undefined,
  string | null
>

/** A nullable column an insert may leave out. */
export type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>
