import { z } from 'zod'
import { VERDICTS } from './subject.js'

/** What a bank holds: exact media hashes, PDQ perceptual hashes, URLs and domains, phrases. */
export const BANK_KINDS = ['sha256', 'md5', 'pdq', 'url', 'keyword'] as const
export type BankKind = (typeof BANK_KINDS)[number]

export const BANK_SOURCES = ['local', 'imported', 'exchange'] as const
export type BankSource = (typeof BANK_SOURCES)[number]

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
  harm: z.string().min(1).max(120).optional().describe("Overrides the bank's harm for this entry"),
  source: z.enum(BANK_SOURCES).optional().describe("Where the entry came from; default the bank's"),
  externalRef: z
    .string()
    .max(200)
    .optional()
    .describe("The exchange's or list provider's own id for the entry"),
  quality: z.int().min(0).max(100).optional().describe('PDQ quality of the banked image, if known'),
})
export type BankEntryInput = z.infer<typeof bankEntryInputSchema>

export const retractionInputSchema = z.strictObject({
  reason: z.string().min(1).max(500).describe('Why the entry is withdrawn (kept with it)'),
})

export interface Bank {
  id: string
  name: string
  kind: BankKind
  harm: string
  source: BankSource
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
  harm: string | null
  source: BankSource | null
  externalRef: string | null
  quality: number | null
  retractedAt: Date | null
  retractionReason: string | null
}

/** An entry counts for matching while it is neither disabled, retracted nor expired. */
export function isEntryActive(entry: BankEntry, at: Date): boolean {
  if (entry.disabledAt || entry.retractedAt) return false
  return entry.expiresAt === null || entry.expiresAt.getTime() > at.getTime()
}

/** Normalises a value the way its bank compares it. */
export function normaliseBankValue(kind: BankKind, value: string): string {
  const trimmed = value.trim()
  if (kind === 'sha256' || kind === 'md5' || kind === 'pdq') return trimmed.toLowerCase()
  if (kind === 'keyword') return trimmed.normalize('NFKC').toLowerCase()
  return trimmed
}

const HEX_PATTERNS: Partial<Record<BankKind, { pattern: RegExp; problem: string }>> = {
  sha256: { pattern: /^[0-9a-f]{64}$/, problem: 'a sha256 entry is 64 hex digits' },
  md5: { pattern: /^[0-9a-f]{32}$/, problem: 'an md5 entry is 32 hex digits' },
  pdq: { pattern: /^[0-9a-f]{64}$/, problem: 'a pdq entry is 64 hex digits (256 bits)' },
}

export function validateBankValue(kind: BankKind, value: string): string | undefined {
  const hex = HEX_PATTERNS[kind]
  if (hex && !hex.pattern.test(value)) return hex.problem
  if (kind === 'keyword' && value.length > 200) return 'a keyword entry is at most 200 characters'
  return undefined
}
