export interface ModerationCaseTable {
  id: string
  subject_id: string
  status: string
  queue: string
  priority: number
  harm: string | null
  sla_deadline: Date
  assignee: string | null
  created_at: Date
  updated_at: Date
}
