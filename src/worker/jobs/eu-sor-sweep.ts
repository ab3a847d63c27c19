import { submitPendingStatements } from '../../compliance/eu-sor/submit.js'
import type { AppContext } from '../../context.js'
import { SYSTEM_ACTOR } from '../../core/roles.js'

/** Calls of statements one sweep sends at most, so a long backlog never holds the worker long. */
const CALLS_PER_SWEEP = 5

/**
 * Sends statements of reasons to the EU Transparency Database every VIGIL_EU_SOR_INTERVAL_SECONDS
 * when VIGIL_EU_SOR_URL and VIGIL_EU_SOR_TOKEN are set (off otherwise). A sweep, not a job: it
 * needs no payload, and a statement's state lives in eu_sor_submission, so every worker may run it
 * (a statement sent twice is answered as a duplicate puid and recorded as already there).
 */
export class EuSorSweep {
  #next = 0

  constructor(private readonly ctx: AppContext) {}

  /** Statements settled this round (sent, found already there, or refused); 0 when not due. */
  async run(force: boolean): Promise<number> {
    const settings = this.ctx.euSor
    if (!settings) return 0
    const now = Date.now()
    if (!force && now < this.#next) return 0
    this.#next = now + this.ctx.config.euSor.intervalSeconds * 1000
    try {
      const limit = settings.batchSize * CALLS_PER_SWEEP
      const s = await submitPendingStatements(this.ctx, SYSTEM_ACTOR, { limit })
      const settled = s.submitted + s.alreadyThere + s.invalid + s.rejected + s.notApplicable
      if (settled > 0 || s.error) {
        const log = s.error ? this.ctx.logger.warn : this.ctx.logger.info
        log.call(this.ctx.logger, { euSor: s }, 'statements of reasons sent to the EU database')
      }
      return settled
    } catch (error) {
      this.ctx.logger.error(
        { err: error },
        'sending statements of reasons to the EU database failed',
      )
      return 0
    }
  }
}
