import type { JSONColumnType } from 'kysely'
import type { Action, Ground } from '../../core/decision.js'
import type { RecordedJudgement } from '../../core/judgement.js'

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
  /** The structured statement of reasons (DSA Art. 17), as built when the decision was made. */
  statement_of_reasons: JSONColumnType<Record<string, unknown> | null, string | null, string | null>
  reverses_decision_id: string | null
  appeal_id: string | null
  source_type: string
  decided_by_name: string | null
  /** The illegal content judgement (Ofcom ICU C1) the moderator recorded, if any. */
  judgement: JSONColumnType<RecordedJudgement | null, string | null, string | null>
  /**
   * What opened the decision's case (its priority basis's source) when the decision was made:
   * the transparency report's detection method. The other facet_* columns are generated.
   */
  facet_method: string | null
}
