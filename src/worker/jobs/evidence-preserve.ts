import type { AppContext } from '../../context.js'
import type { PreservationJob } from '../../services/evidence-preserve.js'
import { runPreservation } from '../../services/evidence-preserve-job.js'
import type { JobHandler } from '../job-handler.js'

export const evidencePreserveJob: JobHandler<PreservationJob> = {
  name: 'evidence.preserve',
  batchSize: 2,
  run: async (ctx: AppContext, job) => {
    await runPreservation(ctx, job.data, { lastAttempt: job.retryCount >= job.retryLimit })
  },
}
