import { Migrator } from 'kysely'
import type { Db } from './database.js'
import { migrationProvider } from './migrations/index.js'

export interface MigrationReport {
  applied: string[]
}

/** Brings the schema to the latest migration; fails with the migration's own error. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider() })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) throw error
  return {
    applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
  }
}
