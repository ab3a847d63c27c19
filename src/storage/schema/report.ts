import type { ColumnType, JSONColumnType } from 'kysely'
import type { DeclarationsColumn, Optional } from './report-appeal.js'

export interface ReportTable {
  id: string
  reference: string
  case_id: string
  subject_id: string
  harm: string
  explanation: string
  content_urls: JSONColumnType<string[]>
  reporter_kind: string
  reporter_id: string | null
  reporter_name: string | null
  reporter_email: string | null
  filed_by: string
  created_at: Date
  channel: ColumnType<string, string | undefined, string>
  reporter_address: Optional<string>
  follow_up: ColumnType<boolean, boolean | undefined, boolean>
  status_token_hash: Optional<string>
  declarations: DeclarationsColumn
  flagger_id: Optional<string>
  triage: ColumnType<string, string | undefined, string>
  outcome: Optional<string>
  outcome_at: Optional<Date>
  outcome_decision_id: Optional<string>
}
