/** Tables of the appeal-tokens migration (20261130T040000). */

export interface AppealTokenTable {
  decision_id: string
  token_hash: string
  created_at: Date
}

export interface NoticeAssessmentTable {
  report_id: string
  decision_id: string
  reporter_key: string
  assessment: string | null
  notice_at: Date
  assessed_at: Date
}
