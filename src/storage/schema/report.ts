import type { JSONColumnType } from 'kysely'

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
}
