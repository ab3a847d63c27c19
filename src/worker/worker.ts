import type { AppContext } from '../context.js'
import { sealAuditLog } from '../services/audit-seal.js'
import { pruneConsoleSessions } from '../services/console-sessions.js'
import { escalateDueCases } from '../services/escalate-cases.js'
import { eraseExpiredEvidence, OrphanBlobSweep } from '../services/evidence-retention.js'
import { pruneRateLimitWindows } from '../services/report-rate-limit.js'
import type { JobContext, JobHandler } from './job-handler.js'
import { bankImportJob } from './jobs/bank-import.js'
import { cseaReportSendJob, cseaReportSendUrgentJob } from './jobs/csea-report-send.js'
import { EuSorSweep } from './jobs/eu-sor-sweep.js'
import { evidencePreserveJob } from './jobs/evidence-preserve.js'
import { webhookDeliverJob } from './jobs/webhook-deliver.js'

const HANDLERS: JobHandler<never>[] = [
  cseaReportSendUrgentJob as JobHandler<never>,
  webhookDeliverJob as JobHandler<never>,
  bankImportJob as JobHandler<never>,
  evidencePreserveJob as JobHandler<never>,
  cseaReportSendJob as JobHandler<never>,
]

/** Cases the deadline sweep moves per round; a full batch counts as backlog. */
const ESCALATION_BATCH = 100
/** How often the polling loop sweeps for cases nearing or past their deadline. */
const ESCALATION_SWEEP_MS = 10_000

/**
 * Runs queued jobs and seals the audit log. `drain()` runs until nothing is due (tests, CLI);
 * `start()` keeps polling until stopped.
 */
export class Worker {
  #stopped = true
  #loop: Promise<void> | undefined
  #nextSweep = 0

  readonly #idleMs: number
  readonly #euSor: EuSorSweep
  readonly #orphanBlobs: OrphanBlobSweep

  /** Polls every VIGIL_AUDIT_SEAL_INTERVAL_MS when idle: that bounds how long an entry stays unsealed. */
  constructor(private readonly ctx: AppContext) {
    this.#idleMs = ctx.config.audit.sealIntervalMs
    this.#euSor = new EuSorSweep(ctx)
    this.#orphanBlobs = new OrphanBlobSweep(ctx)
  }

  /**
   * Seals every pending audit entry, sweeps for cases whose deadline nears or has passed (every
   * round when `sweep` is true, else every ESCALATION_SWEEP_MS) and runs one batch of due jobs
   * per queue. `done` counts all three; `backlog` says a batch was full, so more may be waiting.
   */
  async runOnce(options: { sweep?: boolean } = {}): Promise<{ done: number; backlog: boolean }> {
    let done = await sealAuditLog(this.ctx)
    let backlog = false
    if (options.sweep ?? this.#sweepDue()) {
      const escalated = await escalateDueCases(this.ctx, ESCALATION_BATCH)
      done += escalated
      backlog ||= escalated === ESCALATION_BATCH
      done += await eraseExpiredEvidence(this.ctx)
      // @NOTE Not counted in `done`: pruning dead counters and sessions is housekeeping.
      await pruneRateLimitWindows(this.ctx)
      await pruneConsoleSessions({ ...this.ctx, sessions: this.ctx.config.sessions })
      await this.#orphanBlobs.run()
    }
    done += await this.#euSor.run(options.sweep === true)
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
      if ((await this.runOnce({ sweep: true })).done === 0) return
    }
    throw new Error(`the queue did not drain in ${maxRounds} rounds`)
  }

  /**
   * @NOTE The deadline escalation is a sweep in this loop, not a pg-boss job: it needs no
   * payload, runs on the worker's clock, and every worker may run it at once because each step
   * is a conditional UPDATE that only one of them wins.
   */
  #sweepDue(): boolean {
    const now = Date.now()
    if (now < this.#nextSweep) return false
    this.#nextSweep = now + ESCALATION_SWEEP_MS
    return true
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
