export interface BankTable {
  id: string
  name: string
  kind: string
  harm: string
  source: string
  action: string
  description: string | null
  enabled: boolean
  created_at: Date
  /** The bank revision of the last change to this row. */
  revision: number
}

export interface BankEntryTable {
  id: string
  bank_id: string
  value: string
  note: string | null
  added_by: string
  created_at: Date
  expires_at: Date | null
  disabled_at: Date | null
  harm: string | null
  source: string | null
  external_ref: string | null
  quality: number | null
  retracted_at: Date | null
  retraction_reason: string | null
  /** The bank revision of the last change to this row. */
  revision: number
}

export interface BankRevisionTable {
  id: boolean
  revision: number
}
