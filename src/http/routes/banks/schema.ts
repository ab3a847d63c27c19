import { z } from 'zod'
import { BANK_KINDS, BANK_SOURCES } from '../../../core/bank.js'
import { VERDICTS } from '../../../core/subject.js'

export const bankSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(BANK_KINDS),
  harm: z.string(),
  source: z.enum(BANK_SOURCES),
  action: z.enum(VERDICTS).describe('The verdict a match asks for'),
  description: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.date(),
})

export const bankListSchema = z.object({
  banks: z.array(
    bankSchema.extend({
      entries: z.number().describe('Every entry, retracted and expired ones included'),
      activeEntries: z.number().describe('Entries that match now'),
    }),
  ),
})

export const bankEntrySchema = z.object({
  id: z.string(),
  bankId: z.string(),
  value: z.string(),
  note: z.string().nullable(),
  addedBy: z.string(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  disabledAt: z.date().nullable(),
  harm: z.string().nullable().describe("Overrides the bank's harm for this entry"),
  source: z.enum(BANK_SOURCES).nullable(),
  externalRef: z.string().nullable(),
  quality: z.number().nullable(),
  retractedAt: z.date().nullable(),
  retractionReason: z.string().nullable(),
})

export const bankEntryPageSchema = z.object({
  entries: z.array(bankEntrySchema),
  next: z.string().optional().describe('Pass as `after` for the next page; absent on the last'),
})

export const entriesAddedSchema = z.object({
  added: z.number(),
  skipped: z.number().describe('Values the bank already held'),
})
