export interface ModerationCaseTable {
  id: string
  subject_id: string
  kind: string
  status: string
  queue: string
  priority: number
  harm: string | null
  sla_deadline: Date
  assignee: string | null
  claimed_until: Date | null
  legal_deadline: Date | null
  escalation: string | null
  decided_at: Date | null
  created_at: Date
  updated_at: Date
}
