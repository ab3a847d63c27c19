import type { JSONColumnType } from 'kysely'
import type { Action, Ground } from '../../core/decision.js'

export interface DecisionTable {
  id: string
  case_id: string
  subject_id: string
  harm: string
  ground: JSONColumnType<Ground>
  actions: JSONColumnType<Action[]>
  statement: string
  automated_detection: boolean
  automated_decision: string
  decided_by: string
  created_at: Date
}
