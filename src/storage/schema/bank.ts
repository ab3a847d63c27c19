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
}

export interface BankRevisionTable {
  id: boolean
  revision: number
}
