import { CompiledQuery } from 'kysely'
import PgBoss from 'pg-boss'
import type { Executor, SqlRunner } from './database.js'

export interface QueueSettings {
  retryLimit: number
  retryDelaySeconds: number
  retryBackoff: boolean
  expireInSeconds?: number
}

export interface FetchedJob<T = Record<string, unknown>> {
  id: string
  name: string
  data: T
  retryCount: number
  retryLimit: number
}

/** Jobs through pg-boss, enqueued in the caller's transaction so a job exists iff its cause does. */
export class JobQueue {
  readonly #boss: PgBoss
  readonly #queues: Map<string, QueueSettings>

  constructor(sql: SqlRunner, queues: Record<string, QueueSettings>) {
    this.#boss = new PgBoss({
      db: { executeSql: (text, values) => sql.executeSql(text, values) },
      schema: 'pgboss',
      supervise: true,
      schedule: false,
    })
    this.#boss.on('error', () => {})
    this.#queues = new Map(Object.entries(queues))
  }

  get names(): string[] {
    return [...this.#queues.keys()]
  }

  /** Creates pg-boss's schema and the queues; safe to call from every process. */
  async start(): Promise<void> {
    await this.#boss.start()
    for (const [name, settings] of this.#queues) {
      const options = {
        name,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
        retryBackoff: settings.retryBackoff,
        expireInSeconds: settings.expireInSeconds ?? 15 * 60,
      }
      const existing = await this.#boss.getQueue(name)
      if (existing) await this.#boss.updateQueue(name, options)
      else await this.#boss.createQueue(name, options)
    }
  }

  async send(executor: Executor, name: string, data: object): Promise<string> {
    if (!this.#queues.has(name)) throw new Error(`unknown job queue ${name}`)
    const id = await this.#boss.send(name, data, { db: transactionRunner(executor) })
    if (!id) throw new Error(`pg-boss did not create a ${name} job`)
    return id
  }

  async fetch<T>(name: string, batchSize: number): Promise<FetchedJob<T>[]> {
    const jobs = await this.#boss.fetch<T>(name, { batchSize, includeMetadata: true })
    return jobs.map((job) => ({
      id: job.id,
      name: job.name,
      data: job.data,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
    }))
  }

  async complete(name: string, id: string): Promise<void> {
    await this.#boss.complete(name, id)
  }

  async fail(name: string, id: string, error: Error): Promise<void> {
    await this.#boss.fail(name, id, { message: error.message })
  }

  /** Counts of jobs waiting or retrying, per queue. */
  async backlog(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {}
    for (const name of this.#queues.keys()) counts[name] = await this.#boss.getQueueSize(name)
    return counts
  }

  async stop(): Promise<void> {
    await this.#boss.stop({ graceful: false, close: false, wait: true })
  }
}

function transactionRunner(executor: Executor): SqlRunner {
  return {
    executeSql: async (text, values = []) => {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values))
      return { rows: result.rows as Record<string, unknown>[] }
    },
  }
}
