import type { Generated, JSONColumnType } from 'kysely'
import type { RuleDocument } from '../../core/rule.js'

export interface RuleTable {
  id: string
  name: string
  state: string
  current_version: number
  created_by: string
  created_at: Date
  updated_at: Date
}

export interface RuleVersionTable {
  rule_id: string
  version: number
  format: string
  source: string
  document: JSONColumnType<RuleDocument>
  created_by: string
  created_at: Date
}

export interface RuleOutcomeTable {
  id: Generated<number>
  subject_id: string
  rule_id: string
  version: number
  mode: string
  verdict: string | null
  harm: string | null
  queue: string | null
  priority: number | null
  action: string | null
  created_at: Date
}

export interface RuleRevisionTable {
  id: boolean
  revision: number
}
