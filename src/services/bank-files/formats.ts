import { z } from 'zod'
import {
  BANK_KINDS,
  BANK_SOURCES,
  type Bank,
  type BankEntry,
  type BankKind,
  bankEntryInputSchema,
} from '../../core/bank.js'
import { VERDICTS } from '../../core/subject.js'

/**
 * Two file formats for bank entries.
 *
 * `jsonl` (Vigil's own, keeps provenance): an optional first line `{"format":"vigil-bank/1",
 * "bank":{name,kind,harm,action,source,description}}`, then one entry per line with `value` and
 * any of harm, source, externalRef, quality, note, addedBy, createdAt, expiresAt, disabledAt,
 * retractedAt, retractionReason.
 *
 * `hma-csv` (the shape HMA and python-threatexchange use for signals): a header row with
 * `signal_type,signal_value` and optionally `note`, `quality`, `external_ref`; signal types are
 * HMA's names (`pdq`, `video_md5`, `url`, `raw_text`) or Vigil's bank kinds (`md5`, `sha256`,
 * `keyword`). Rows of another signal type than the bank's kind are skipped and counted.
 */
export const BANK_FILE_FORMATS = ['jsonl', 'hma-csv'] as const
export type BankFileFormat = (typeof BANK_FILE_FORMATS)[number]

export const JSONL_FORMAT_TAG = 'vigil-bank/1'

const when = z.iso.datetime({ offset: true }).nullish()

/** One JSON-lines entry: the API's entry fields plus the provenance an export carries. */
export const jsonlEntrySchema = bankEntryInputSchema.extend({
  addedBy: z.string().min(1).max(200).optional(),
  createdAt: when,
  expiresAt: when,
  disabledAt: when,
  retractedAt: when,
  retractionReason: z.string().max(500).nullish(),
  harm: bankEntryInputSchema.shape.harm.nullable(),
  source: z.enum(BANK_SOURCES).nullish(),
  externalRef: z.string().max(200).nullish(),
  quality: z.int().min(0).max(100).nullish(),
  note: z.string().max(500).nullish(),
})
export type JsonlEntry = z.infer<typeof jsonlEntrySchema>

export const jsonlHeaderSchema = z.strictObject({
  format: z.literal(JSONL_FORMAT_TAG),
  bank: z.strictObject({
    name: z.string(),
    kind: z.enum(BANK_KINDS),
    harm: z.string(),
    action: z.enum(VERDICTS),
    source: z.enum(BANK_SOURCES),
    description: z.string().nullable(),
  }),
})
export type JsonlHeader = z.infer<typeof jsonlHeaderSchema>

const HMA_SIGNAL_TYPES: Record<string, BankKind> = {
  pdq: 'pdq',
  video_md5: 'md5',
  md5: 'md5',
  sha256: 'sha256',
  url: 'url',
  raw_text: 'keyword',
  keyword: 'keyword',
}

/** The bank kind an HMA signal type names, or undefined for one Vigil has no bank for. */
export function kindOfSignalType(signalType: string): BankKind | undefined {
  return HMA_SIGNAL_TYPES[signalType.trim().toLowerCase()]
}

const SIGNAL_TYPE_OF: Record<BankKind, string> = {
  pdq: 'pdq',
  md5: 'video_md5',
  sha256: 'sha256',
  url: 'url',
  keyword: 'raw_text',
}

export const HMA_CSV_COLUMNS = ['signal_type', 'signal_value', 'note', 'quality', 'external_ref']

/** One entry as an HMA CSV row, in HMA_CSV_COLUMNS order. */
export function toHmaCsvRow(bank: Bank, entry: BankEntry): string[] {
  return [
    SIGNAL_TYPE_OF[bank.kind],
    entry.value,
    entry.note ?? '',
    entry.quality === null ? '' : String(entry.quality),
    entry.externalRef ?? '',
  ]
}

export function toJsonlHeader(bank: Bank): JsonlHeader {
  const { name, kind, harm, action, source, description } = bank
  return { format: JSONL_FORMAT_TAG, bank: { name, kind, harm, action, source, description } }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toJsonlEntry(entry: BankEntry): JsonlEntry {
  return {
    value: entry.value,
    harm: entry.harm,
    source: entry.source,
    externalRef: entry.externalRef,
    quality: entry.quality,
    note: entry.note,
    addedBy: entry.addedBy,
    createdAt: entry.createdAt.toISOString(),
    expiresAt: iso(entry.expiresAt),
    disabledAt: iso(entry.disabledAt),
    retractedAt: iso(entry.retractedAt),
    retractionReason: entry.retractionReason,
  }
}

/** The format a file's name suggests: `.csv` is HMA's CSV, anything else JSON lines. */
export function formatOfFileName(name: string): BankFileFormat {
  return name.toLowerCase().endsWith('.csv') ? 'hma-csv' : 'jsonl'
}
