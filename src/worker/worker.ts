import type { AppContext } from '../context.js'
import { sealAuditLog } from '../services/audit-seal.js'
import type { JobContext, JobHandler } from './job-handler.js'
import { webhookDeliverJob } from './jobs/webhook-deliver.js'

const HANDLERS: JobHandler<never>[] = [webhookDeliverJob as JobHandler<never>]

/**
 * Runs queued jobs and seals the audit log. `drain()` runs until nothing is due (tests, CLI);
 * `start()` keeps polling until stopped.
 */
export class Worker {
  #stopped = true
  #loop: Promise<void> | undefined

  readonly #idleMs: number

  /** Polls every VIGIL_AUDIT_SEAL_INTERVAL_MS when idle: that bounds how long an entry stays unsealed. */
  constructor(private readonly ctx: AppContext) {
    this.#idleMs = ctx.config.audit.sealIntervalMs
  }

  /**
   * Seals every pending audit entry and runs one batch of due jobs per queue. `done` counts
   * both; `backlog` says a queue filled its batch, so more jobs may be waiting right now.
   */
  async runOnce(): Promise<{ done: number; backlog: boolean }> {
    let done = await sealAuditLog(this.ctx)
    let backlog = false
    for (const handler of HANDLERS) {
      const jobs = await this.ctx.jobs.fetch<never>(handler.name, handler.batchSize)
      await Promise.all(jobs.map((job) => this.#runJob(handler, job)))
      done += jobs.length
      backlog ||= jobs.length === handler.batchSize
    }
    return { done, backlog }
  }

  async drain(maxRounds = 1000): Promise<void> {
    for (let round = 0; round < maxRounds; round += 1) {
      if ((await this.runOnce()).done === 0) return
    }
    throw new Error(`the queue did not drain in ${maxRounds} rounds`)
  }

  start(): void {
    if (!this.#stopped) return
    this.#stopped = false
    this.#loop = this.#poll()
  }

  async stop(): Promise<void> {
    this.#stopped = true
    await this.#loop
  }

  async #poll(): Promise<void> {
    while (!this.#stopped) {
      try {
        // @NOTE Sealing takes everything pending, so only a job backlog skips the pause:
        // under a stream of writes the sealer runs every interval, not in a tight loop.
        const { backlog } = await this.runOnce()
        if (!backlog) await sleep(this.#idleMs)
      } catch (error) {
        this.ctx.logger.error({ err: error }, 'worker round failed')
        await sleep(this.#idleMs * 4)
      }
    }
  }

  async #runJob(handler: JobHandler<never>, job: JobContext<never> & { name: string }) {
    try {
      await handler.run(this.ctx, job)
      await this.ctx.jobs.complete(handler.name, job.id)
    } catch (error) {
      this.ctx.logger.warn(
        { job: handler.name, jobId: job.id, err: error },
        'job failed; it will be retried',
      )
      await this.ctx.jobs.fail(handler.name, job.id, error as Error)
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
