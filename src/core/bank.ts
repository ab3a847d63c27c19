import { z } from 'zod'
import { VERDICTS } from './subject.js'

/** What a bank holds. The detection issue adds perceptual hashes (pdq) and md5. */
export const BANK_KINDS = ['sha256', 'url', 'keyword'] as const
export type BankKind = (typeof BANK_KINDS)[number]

export const BANK_SOURCES = ['local', 'imported', 'exchange'] as const

export const bankInputSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'a bank name is 2-63 lowercase letters, digits, - or _'),
  kind: z.enum(BANK_KINDS),
  harm: z.string().min(1).max(120),
  source: z.enum(BANK_SOURCES).default('local'),
  action: z.enum(VERDICTS).default('review').describe('The verdict a match asks for'),
  description: z.string().max(500).optional(),
})
export type BankInput = z.infer<typeof bankInputSchema>

export const bankEntryInputSchema = z.strictObject({
  value: z.string().min(1).max(2000),
  note: z.string().max(500).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
})
export type BankEntryInput = z.infer<typeof bankEntryInputSchema>

export interface Bank {
  id: string
  name: string
  kind: BankKind
  harm: string
  source: (typeof BANK_SOURCES)[number]
  action: (typeof VERDICTS)[number]
  description: string | null
  enabled: boolean
  createdAt: Date
}

export interface BankEntry {
  id: string
  bankId: string
  value: string
  note: string | null
  addedBy: string
  createdAt: Date
  expiresAt: Date | null
  disabledAt: Date | null
}

/** Normalises a value the way its bank compares it. */
export function normaliseBankValue(kind: BankKind, value: string): string {
  const trimmed = value.trim()
  if (kind === 'sha256') return trimmed.toLowerCase()
  if (kind === 'keyword') return trimmed.normalize('NFKC').toLowerCase()
  return trimmed
}

export function validateBankValue(kind: BankKind, value: string): string | undefined {
  if (kind === 'sha256' && !/^[0-9a-f]{64}$/.test(value)) return 'a sha256 entry is 64 hex digits'
  if (kind === 'keyword' && value.length > 200) return 'a keyword entry is at most 200 characters'
  return undefined
}
