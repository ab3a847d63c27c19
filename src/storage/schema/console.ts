import type { JSONColumnType } from 'kysely'

/** Tables of the console-users migration (20261130T050000). */

export interface ConsoleUserTable {
  id: string
  email: string
  name: string
  role: string
  /** `$scrypt$n=…,r=…,p=…,l=…$<salt>$<hash>`: the parameters travel with the hash. */
  password_hash: string
  preferences: JSONColumnType<Record<string, unknown>>
  created_at: Date
  disabled_at: Date | null
}

export interface ConsoleSessionTable {
  /** SHA-256 (hex) of the cookie's token; the token itself is never stored. */
  id: string
  user_id: string
  csrf_token: string
  created_at: Date
  expires_at: Date
  last_seen_at: Date
  revoked_at: Date | null
}
