import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './20261122T080000-initial.js'
import * as bankEntries from './20261129T010000-bank-entries.js'

/** Migrations in order; a static list so the built binary needs no file-system scan. */
const MIGRATIONS: Record<string, Migration> = {
  '20261122T080000-initial': initial,
  '20261129T010000-bank-entries': bankEntries,
}

export function migrationProvider(): MigrationProvider {
  return { getMigrations: async () => MIGRATIONS }
}
