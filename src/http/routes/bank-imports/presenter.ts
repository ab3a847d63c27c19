import type { BankImport } from '../../../core/bank-import.js'
import type { BankFileFormat } from '../../../services/bank-files/formats.js'

const iso = (at: Date | null) => (at ? at.toISOString() : null)

export function presentBankImport(job: BankImport) {
  return {
    ...job,
    format: job.format as BankFileFormat,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  }
}
