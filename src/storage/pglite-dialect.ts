import type { PGlite } from '@electric-sql/pglite'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'

/**
 * PGlite is one session in one process: every caller (Kysely, pg-boss) takes turns through
 * this lock, and a transaction holds it from BEGIN to COMMIT.
 */
export class PgliteLock {
  #tail: Promise<void> = Promise.resolve()

  async acquire(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => {
      release = resolve
    })
    const previous = this.#tail
    this.#tail = previous.then(() => next)
    await previous
    return release
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }
}

export interface RawResult {
  rows: Record<string, unknown>[]
  affectedRows?: number
}

/** Runs SQL on PGlite; parameterless text goes through the simple protocol so scripts work. */
export async function runOnPglite(
  pglite: PGlite,
  text: string,
  values: readonly unknown[],
): Promise<RawResult> {
  if (values.length === 0) {
    const results = await pglite.exec(text)
    const last = results[results.length - 1]
    return {
      rows: (last?.rows ?? []) as Record<string, unknown>[],
      affectedRows: last?.affectedRows,
    }
  }
  const result = await pglite.query<Record<string, unknown>>(text, values as unknown[])
  return { rows: result.rows, affectedRows: result.affectedRows }
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await runOnPglite(this.pglite, query.sql, query.parameters)
    const affected = result.affectedRows
    return {
      rows: result.rows as R[],
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    }
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors across the lock; not supported
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite')
  }
}

class PgliteDriver implements Driver {
  readonly #connection: PgliteConnection
  readonly #releases = new WeakMap<DatabaseConnection, () => void>()

  constructor(
    pglite: PGlite,
    private readonly lock: PgliteLock,
  ) {
    this.#connection = new PgliteConnection(pglite)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.lock.acquire()
    this.#releases.set(this.#connection, release)
    return this.#connection
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : ''
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#releases.get(connection)?.()
  }

  async destroy(): Promise<void> {}
}

export class PgliteDialect implements Dialect {
  constructor(
    private readonly pglite: PGlite,
    private readonly lock: PgliteLock,
  ) {}

  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver() {
    return new PgliteDriver(this.pglite, this.lock)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db)
  }
}
