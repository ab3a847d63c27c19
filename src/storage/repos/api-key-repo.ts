import type { ApiRole } from '../../core/roles.js'
import type { FlaggerKind } from '../../core/trusted-flagger.js'
import type { Executor } from '../database.js'
import type { ApiKeyTable } from '../schema/api-key.js'

export interface ApiKeyRecord {
  id: string
  name: string
  role: ApiRole
  prefix: string
  /** For a trusted flagger's key: the registered flagger it belongs to. */
  flaggerId: string | null
  createdAt: Date
  revokedAt: Date | null
}

/** An active key with the state of its flagger, for the authenticator. */
export interface ActiveApiKey extends ApiKeyRecord {
  flagger: { name: string; enabled: boolean; kind: FlaggerKind } | null
}

export function rowToApiKey(row: ApiKeyTable): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiRole,
    prefix: row.prefix,
    flaggerId: row.flagger_id,
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
): Promise<ActiveApiKey | undefined> {
  const row = await db
    .selectFrom('api_key')
    .leftJoin('trusted_flagger', 'trusted_flagger.id', 'api_key.flagger_id')
    .selectAll('api_key')
    .select([
      'trusted_flagger.name as flagger_name',
      'trusted_flagger.enabled as flagger_enabled',
      'trusted_flagger.kind as flagger_kind',
    ])
    .where('api_key.key_hash', '=', keyHash)
    .where('api_key.revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  const { flagger_name, flagger_enabled, flagger_kind, ...key } = row
  return {
    ...rowToApiKey(key),
    flagger:
      flagger_name !== null && flagger_enabled !== null && flagger_kind !== null
        ? { name: flagger_name, enabled: flagger_enabled, kind: flagger_kind as FlaggerKind }
        : null,
  }
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

export async function findApiKey(db: Executor, id: string): Promise<ApiKeyRecord | undefined> {
  const row = await db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? rowToApiKey(row) : undefined
}
