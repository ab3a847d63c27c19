import type { JSONColumnType } from 'kysely'
import type { HarmAssessment, Person, ServiceProfile } from '../../core/risk-assessment.js'

/** Tables of the risk-assessments migration (20261201T060000). */

type NullableJson<T extends object> = JSONColumnType<T | null, string | null, string | null>

export interface RiskAssessmentTable {
  id: string
  version: number
  status: string
  profile: JSONColumnType<ServiceProfile>
  harms: JSONColumnType<HarmAssessment[]>
  responsible_person: JSONColumnType<Person>
  completed_by: JSONColumnType<Person>
  completed_on: string
  reviewed_on: string | null
  risk_profiles: JSONColumnType<{ consulted: boolean; on?: string; version?: string }>
  notes: string | null
  /** Vigil's own figures per harm, kept as they were when the version was approved. */
  live_evidence: NullableJson<Record<string, unknown>>
  created_by: string
  created_at: Date
  updated_at: Date
  approved_by: NullableJson<Person>
  approved_by_actor: string | null
  approved_at: Date | null
  superseded_at: Date | null
}

export interface AlternativeMeasureTable {
  id: string
  /** `ICU C9`, `PCU B1`: the Code and the measure's id. */
  measure: string
  description: string
  how_it_complies: string
  freedom_of_expression: string
  privacy: string
  recorded_by: JSONColumnType<Person>
  recorded_by_actor: string
  recorded_at: Date
}
