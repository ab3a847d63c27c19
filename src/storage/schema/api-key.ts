export interface ApiKeyTable {
  id: string
  name: string
  role: string
  prefix: string
  key_hash: string
  created_at: Date
  revoked_at: Date | null
  flagger_id: string | null
}
