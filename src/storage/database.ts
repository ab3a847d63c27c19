import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.js'
import { PgliteDialect, PgliteLock, type RawResult, runOnPglite } from './pglite-dialect.js'
import type { DatabaseSchema } from './schema/database.js'

export type Db = Kysely<DatabaseSchema>
/** What services take: the database or a transaction the caller opened. */
export type Executor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>

/** How pg-boss (and anything else speaking raw SQL) reaches the same database. */
export interface SqlRunner {
  executeSql(text: string, values?: unknown[]): Promise<RawResult>
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'pglite'; dataDir?: string; template?: Blob }

export interface DatabaseHandle {
  kind: 'postgres' | 'pglite'
  db: Db
  sql: SqlRunner
  /** PGlite only: the whole database as a tarball (test templates). */
  dump?(): Promise<Blob>
  destroy(): Promise<void>
}

const INT8_OID = 20

/** Told about connection-level errors that no query is waiting for (e.g. a server restart). */
export type ConnectionErrorListener = (error: Error) => void

export async function createDatabase(
  options: DatabaseOptions,
  onConnectionError: ConnectionErrorListener = () => {},
): Promise<DatabaseHandle> {
  return options.kind === 'postgres'
    ? createPostgres(options, onConnectionError)
    : createPglite(options)
}

function createPostgres(
  options: { url: string; poolSize: number },
  onConnectionError: ConnectionErrorListener,
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // @NOTE An idle client the server closed emits 'error' on the pool; without a listener
  // the process would crash. The pool drops that client and opens a new one when needed.
  pool.on('error', onConnectionError)
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) })
  return {
    kind: 'postgres',
    db,
    sql: { executeSql: (text, values) => pool.query(text, values) as Promise<RawResult> },
    destroy: () => db.destroy(),
  }
}

async function createPglite(options: {
  dataDir?: string
  template?: Blob
}): Promise<DatabaseHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {}
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.template ? { loadDataDir: options.template } : {}),
    parsers: { [INT8_OID]: (value: string) => Number(value) },
  }).catch((error: unknown) => {
    unlock()
    throw error
  })
  const lock = new PgliteLock()
  const db = new Kysely<DatabaseSchema>({ dialect: new PgliteDialect(pglite, lock) })
  return {
    kind: 'pglite',
    db,
    sql: { executeSql: (text, values = []) => lock.run(() => runOnPglite(pglite, text, values)) },
    dump: () => lock.run(() => pglite.dumpDataDir('none')),
    destroy: async () => {
      await db.destroy()
      await lock.run(() => pglite.close())
      unlock()
    },
  }
}
