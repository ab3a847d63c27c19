import type { JSONColumnType } from 'kysely'

export interface SignalTable {
  id: string
  subject_id: string
  source: string
  harm: string
  score: number
  action: string
  matcher: string
  evidence: JSONColumnType<Record<string, unknown>>
  created_at: Date
}
