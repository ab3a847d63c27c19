import type { JSONColumnType } from 'kysely'

/** The table of the bank-imports migration (20261201T010000). */

export interface BankImportTable {
  id: string
  bank_id: string
  format: string
  status: string
  /** The uploaded file; emptied when the import finishes (the entries keep their provenance). */
  file: Uint8Array | null
  file_bytes: number
  lines_total: number
  lines_checked: number
  entries_total: number | null
  entries_written: number
  entries_skipped: number
  other_signal_type: number
  problems: JSONColumnType<{ line: number; problem: string }[]>
  problem_count: number
  error: string | null
  started_by: string
  created_at: Date
  started_at: Date | null
  finished_at: Date | null
}
