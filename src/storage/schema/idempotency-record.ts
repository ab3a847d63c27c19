import type { JSONColumnType } from 'kysely'

export interface IdempotencyRecordTable {
  scope: string
  key: string
  request_hash: string
  status_code: number
  response: JSONColumnType<Record<string, unknown>>
  created_at: Date
}
