import { z } from 'zod'

/**
 * What Vigil keeps as evidence and for how long. `content` is the subject and its media,
 * `records` the signals, reports, decisions and statements about it, `nca_reference` the
 * reference the NCA gives a CSEA report (kept by the CSEA reporting tables). Defaults follow the
 * OSA s.66 regulations (SI 2026/268): the NCA reference 5 years, content and related data 1 year.
 */
export const RECORD_TYPES = ['content', 'records', 'nca_reference'] as const
export type RecordType = (typeof RECORD_TYPES)[number]

const DAY_MS = 86_400_000
const MAX_DAYS = 36_500

const days = z.number().int().min(1).max(MAX_DAYS)

const periodsSchema = z.strictObject({
  content: days.optional(),
  records: days.optional(),
  nca_reference: days.optional(),
})
export type RetentionPeriods = z.infer<typeof periodsSchema>

/** A year and five years in days, each counting the leap days it may hold: never less than the law asks. */
export const DEFAULT_RETENTION_DAYS: Readonly<Record<RecordType, number>> = Object.freeze({
  content: 366,
  records: 366,
  nca_reference: 1827,
})

export const DEFAULT_PRESERVE_HARMS = [
  'illegal.csea',
  'illegal.terrorism',
  'illegal.harassment.threat_to_life',
] as const

/** Long enough for a case opened at ingest to be decided, short for bytes nobody judged. */
export const DEFAULT_INGEST_QUARANTINE_DAYS = 30

export const evidencePolicySchema = z.strictObject({
  /** Decisions restricting content in these harms (or anything under them) preserve it. */
  preserveHarms: z
    .array(z.string().min(1).max(120))
    .max(100)
    .default([...DEFAULT_PRESERVE_HARMS]),
  retention: z
    .strictObject({
      /** Days each record type is kept when no harm rule says otherwise. */
      default: z
        .strictObject({
          content: days.default(DEFAULT_RETENTION_DAYS.content),
          records: days.default(DEFAULT_RETENTION_DAYS.records),
          nca_reference: days.default(DEFAULT_RETENTION_DAYS.nca_reference),
        })
        .default({ ...DEFAULT_RETENTION_DAYS }),
      /** Per harm id (applies to the harm and everything under it; the most specific wins). */
      harms: z.record(z.string().min(1).max(120), periodsSchema).default({}),
    })
    .default({ default: { ...DEFAULT_RETENTION_DAYS }, harms: {} }),
  /** A preservation request's legal hold lasts this many days past its deadline. */
  requestHoldDays: z.number().int().min(1).max(3650).default(90),
  /**
   * Inline media sealed at ingest because a signal fell in a preserving harm is kept this many
   * days unless a preservation takes it over (then the harm's retention applies).
   */
  ingestQuarantineDays: z
    .number()
    .int()
    .min(1)
    .max(DEFAULT_RETENTION_DAYS.content)
    .default(DEFAULT_INGEST_QUARANTINE_DAYS),
})
export type EvidencePolicy = z.infer<typeof evidencePolicySchema>

/** Whether `harm` is one of `harms` or lies below one (ids are dotted paths). */
export function harmUnderAny(harm: string, harms: readonly string[]): boolean {
  return harms.some((h) => harm === h || harm.startsWith(`${h}.`))
}

/** Whether a restricting decision in `harm` preserves its subject. */
export function preservesHarm(policy: EvidencePolicy, harm: string): boolean {
  return harmUnderAny(harm, policy.preserveHarms)
}

/**
 * How many days a record of `recordType` about `harm` is kept: the rule of the most specific harm
 * that sets this record type (the harm itself, then its parents), else the default.
 */
export function retentionDays(
  policy: EvidencePolicy,
  harm: string | null,
  recordType: RecordType,
): number {
  let id = harm ?? ''
  while (id !== '') {
    const found = policy.retention.harms[id]?.[recordType]
    if (found !== undefined) return found
    const dot = id.lastIndexOf('.')
    id = dot === -1 ? '' : id.slice(0, dot)
  }
  return policy.retention.default[recordType]
}

/** When a record of `recordType` about `harm`, kept from `from`, is due to be erased. */
export function retainUntil(
  policy: EvidencePolicy,
  harm: string | null,
  recordType: RecordType,
  from: Date,
): Date {
  return new Date(from.getTime() + retentionDays(policy, harm, recordType) * DAY_MS)
}

/** When inline media sealed at ingest at `from` is erased if no preservation takes it over. */
export function quarantineUntil(policy: EvidencePolicy, from: Date): Date {
  return new Date(from.getTime() + policy.ingestQuarantineDays * DAY_MS)
}

/** Harm ids the evidence policy names, with their paths, for checking against the taxonomy. */
export function evidencePolicyHarms(
  policy: EvidencePolicy,
): { harm: string; path: (string | number)[] }[] {
  return [
    ...policy.preserveHarms.map((harm, i) => ({ harm, path: ['preserveHarms', i] })),
    ...Object.keys(policy.retention.harms).map((harm) => ({
      harm,
      path: ['retention', 'harms', harm],
    })),
  ]
}
