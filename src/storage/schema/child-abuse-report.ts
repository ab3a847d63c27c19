import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { SuppliedDetails } from '../../core/csea-report.js'

export interface ChildAbuseReportTable {
  id: string
  case_id: string
  decision_id: string | null
  subject_id: string
  account_id: string | null
  media_sha256: ColumnType<string[], string[] | undefined, string[]>
  channel: string
  priority: string
  status: string
  /** The report as built for its channel (NcaReport for the NCA). */
  payload: JSONColumnType<Record<string, unknown>>
  /** Account and upload details the platform supplied. */
  supplied: JSONColumnType<SuppliedDetails | null, string | null, string | null>
  due_at: Date
  external_reference: string | null
  duplicate_of: string | null
  override_reason: string | null
  created_by: string
  created_at: Date
  approved_by: string | null
  approved_at: Date | null
  sent_by: string | null
  sent_at: Date | null
  attempts: Generated<number>
  last_error: string | null
  retrying: Generated<boolean>
  reference_retain_until: Date | null
  updated_at: Date
}
