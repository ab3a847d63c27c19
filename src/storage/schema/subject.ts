import type { ColumnType, JSONColumnType } from 'kysely'
import type { MediaRecord } from '../../core/subject.js'

export interface SubjectTable {
  id: string
  external_id: string
  kind: string
  surface: string
  author_id: string | null
  /** The author account's creation time, when the platform sent it (rules: account age). */
  author_created_at: Date | null
  text: string | null
  url: string | null
  media: JSONColumnType<MediaRecord[]>
  metadata: JSONColumnType<Record<string, unknown>>
  verdict: string | null
  created_at: ColumnType<Date, Date, never>
  updated_at: Date
}
