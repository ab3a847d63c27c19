import type { ApiRole } from '../../core/roles.js'
import type { Executor } from '../database.js'
import type { ApiKeyTable } from '../schema/api-key.js'

export interface ApiKeyRecord {
  id: string
  name: string
  role: ApiRole
  prefix: string
  createdAt: Date
  revokedAt: Date | null
}

export function rowToApiKey(row: ApiKeyTable): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiRole,
    prefix: row.prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }
}

export async function insertApiKey(db: Executor, row: ApiKeyTable): Promise<void> {
  await db.insertInto('api_key').values(row).execute()
}

export async function findActiveApiKeyByHash(
  db: Executor,
  keyHash: string,
): Promise<ApiKeyRecord | undefined> {
  const row = await db
    .selectFrom('api_key')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row ? rowToApiKey(row) : undefined
}

export async function listApiKeys(db: Executor): Promise<ApiKeyRecord[]> {
  const rows = await db.selectFrom('api_key').selectAll().orderBy('created_at').execute()
  return rows.map(rowToApiKey)
}

export async function revokeApiKey(db: Executor, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_key')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
