import type { Generated, JSONColumnType } from 'kysely'

export interface AuditEntryTable {
  id: Generated<number>
  occurred_at: Date
  actor: string
  action: string
  entity_type: string
  entity_id: string
  data: JSONColumnType<Record<string, unknown>>
  chain_seq: number | null
  prev_hash: string | null
  hash: string | null
}
