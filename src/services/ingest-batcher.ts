import type { Db } from '../storage/database.js'
import { type IngestWrite, writeIngestedSubjects } from '../storage/repos/ingest-repo.js'

interface Waiter {
  item: IngestWrite
  resolve(id: string): void
  reject(error: unknown): void
}

/**
 * Group commit for the hot path: writes that arrive while earlier ones are being committed are
 * written together, in one statement and one commit. Nobody is answered before their batch has
 * committed, so a 2xx still means durable. Under light load a batch is one write and adds no wait.
 */
export class IngestBatcher {
  readonly #pending: Waiter[] = []
  readonly #flushes = new Set<Promise<void>>()
  #scheduled = false
  /** How many batches and writes were committed: batches < writes means writes were grouped. */
  readonly stats = { batches: 0, writes: 0 }

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 256,
    private readonly maxInFlight = 2,
  ) {}

  write(item: IngestWrite): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.#pending.push({ item, resolve, reject })
      this.#schedule()
    })
  }

  /** Resolves when every write handed in so far has been committed or has failed. */
  async drain(): Promise<void> {
    while (this.#pending.length > 0 || this.#flushes.size > 0) {
      this.#pump()
      await Promise.allSettled([...this.#flushes])
    }
  }

  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      this.#pump()
    })
  }

  #pump(): void {
    while (this.#flushes.size < this.maxInFlight && this.#pending.length > 0) {
      const batch = this.#takeBatch()
      const flush = this.#flush(batch).finally(() => {
        this.#flushes.delete(flush)
        if (this.#pending.length > 0) this.#schedule()
      })
      this.#flushes.add(flush)
    }
  }

  /** The oldest writes, stopping before a second write of the same subject. */
  #takeBatch(): Waiter[] {
    const keys = new Set<string>()
    let size = 0
    for (const waiter of this.#pending) {
      const key = `${waiter.item.subject.kind}\u0000${waiter.item.subject.externalId}`
      if (keys.has(key) || size === this.maxBatch) break
      keys.add(key)
      size += 1
    }
    return this.#pending.splice(0, size)
  }

  async #flush(batch: Waiter[]): Promise<void> {
    try {
      const ids = await writeIngestedSubjects(
        this.db,
        batch.map((w) => w.item),
      )
      this.stats.batches += 1
      this.stats.writes += batch.length
      for (const [i, waiter] of batch.entries()) waiter.resolve(ids[i] as string)
    } catch (error) {
      for (const waiter of batch) waiter.reject(error)
    }
  }
}
