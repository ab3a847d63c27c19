import type { ColumnType } from 'kysely'
import type { PriorityBasis } from '../../core/routing.js'

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
  /** Migration 20261130T020000: the parts of the priority, for the case view. */
  priority_basis: ColumnType<PriorityBasis | null, string | null | undefined, string | null>
}
