import { z } from 'zod'
import { BANK_IMPORT_STATUSES } from '../../../core/bank-import.js'
import { BANK_FILE_FORMATS } from '../../../services/bank-files/formats.js'

export const bankParams = z.object({ id: z.uuid({ error: 'a bank id is a UUID' }) })
export const importParams = bankParams.extend({
  importId: z.uuid({ error: 'an import id is a UUID' }),
})

export const importBody = z.strictObject({
  format: z.enum(BANK_FILE_FORMATS),
  content: z
    .string()
    .min(1, { error: 'the file is empty' })
    .describe('The whole file; the request is limited to VIGIL_BODY_LIMIT_BYTES (413 above it)'),
})

export const importListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

export const bankImportSchema = z.object({
  id: z.uuid(),
  bankId: z.uuid(),
  format: z.enum(BANK_FILE_FORMATS),
  status: z
    .enum(BANK_IMPORT_STATUSES)
    .describe('queued, then checking every line, then writing batches; done or failed at the end'),
  fileBytes: z.int(),
  linesTotal: z.int().describe('Lines in the file, counted at upload'),
  linesChecked: z.int(),
  entriesTotal: z.int().nullable().describe('Entries the checking pass found; null before'),
  entriesWritten: z.int(),
  entriesSkipped: z.int().describe('Entries whose value the bank already held'),
  otherSignalType: z.int().describe('HMA CSV rows of another signal type, left out'),
  problems: z
    .array(z.object({ line: z.int(), problem: z.string() }))
    .describe('Why the file was refused, line by line (the first 100); nothing was written'),
  problemCount: z.int(),
  error: z.string().nullable().describe('Why the import failed'),
  startedBy: z.string().describe('The actor id of whoever uploaded the file'),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
})

export const bankImportListSchema = z.object({ imports: z.array(bankImportSchema) })
