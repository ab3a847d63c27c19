/** Where a server-side bank import stands: waiting, in its checking pass, writing, or finished. */
export const BANK_IMPORT_STATUSES = ['queued', 'checking', 'writing', 'done', 'failed'] as const
export type BankImportStatus = (typeof BANK_IMPORT_STATUSES)[number]

/** The problems of a refused file kept with the import; the count says how many there were. */
export const MAX_IMPORT_PROBLEMS_KEPT = 100

/** One line of a bank file that cannot be imported, and why. */
export interface BankImportProblem {
  line: number
  problem: string
}

/** An uploaded bank file on its way into a bank, with the counts of the job writing it. */
export interface BankImport {
  id: string
  bankId: string
  format: string
  status: BankImportStatus
  fileBytes: number
  /** Lines in the file, counted when it was uploaded. */
  linesTotal: number
  linesChecked: number
  /** Entries the checking pass found; null until it has finished. */
  entriesTotal: number | null
  entriesWritten: number
  /** Entries whose value the bank already held. */
  entriesSkipped: number
  /** HMA CSV rows of another signal type than the bank's kind, left out. */
  otherSignalType: number
  problems: BankImportProblem[]
  problemCount: number
  error: string | null
  /** The actor id of whoever uploaded the file. */
  startedBy: string
  createdAt: Date
  startedAt: Date | null
  finishedAt: Date | null
}

export function isImportFinished(status: BankImportStatus): boolean {
  return status === 'done' || status === 'failed'
}
