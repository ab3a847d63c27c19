import type { AppContext } from '../../context.js'
import { BANK_IMPORT_JOB } from '../../services/bank-files/bank-imports.js'
import { runBankImport } from '../../services/bank-files/run-bank-import.js'
import type { JobHandler } from '../job-handler.js'

/** @NOTE One at a time: each import writes its own batches, and a file can be large. */
export const bankImportJob: JobHandler<{ importId: string }> = {
  name: BANK_IMPORT_JOB,
  batchSize: 1,
  run: (ctx: AppContext, job) =>
    runBankImport(ctx, {
      importId: job.data.importId,
      final: job.retryCount >= job.retryLimit,
    }),
}
