import { z } from 'zod'

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'use true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

/** Detection settings, by environment variable; merged into the one settings schema. */
export const detectionSettingsShape = {
  VIGIL_DETECTION_DEADLINE_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  VIGIL_SCAN_PRIVATE: bool.default(false),
  VIGIL_PDQ_MAX_DISTANCE: z.coerce.number().int().min(0).max(128).default(31),
  VIGIL_PDQ_MIN_QUALITY: z.coerce.number().int().min(0).max(100).default(50),
  VIGIL_PDQ_FAST: bool.default(false),
  VIGIL_PDQ_DIHEDRAL: bool.default(false),
  VIGIL_PDQ_THREADS: z
    .union([z.literal('auto'), z.coerce.number().int().min(0).max(64)])
    .default('auto'),
  VIGIL_OBSCENITY_LIST: bool.default(false),
  VIGIL_LEXICON: bool.default(true),
  VIGIL_LEXICON_FILE: z.string().min(1).optional(),
  VIGIL_CLASSIFIER_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1_500),
  VIGIL_OPENAI_MODERATION_URL: z.url({ protocol: /^https?$/ }).optional(),
  VIGIL_OPENAI_MODERATION_MODEL: z.string().min(1).optional(),
  VIGIL_OPENAI_API_KEY: z.string().min(1).optional(),
  VIGIL_LLAMA_GUARD_URL: z.url({ protocol: /^https?$/ }).optional(),
  VIGIL_LLAMA_GUARD_MODEL: z.string().min(1).optional(),
  VIGIL_LLAMA_GUARD_API_KEY: z.string().min(1).optional(),
}

/** Settings that must stay out of the printable config. */
export const DETECTION_SECRET_SETTINGS = [
  'VIGIL_OPENAI_API_KEY',
  'VIGIL_LLAMA_GUARD_API_KEY',
] as const

const detectionSettingsSchema = z.object(detectionSettingsShape)
type DetectionSettings = z.infer<typeof detectionSettingsSchema>

export interface DetectionConfig {
  deadlineMs: number
  /** Proactive scanning of private messages; the law does not require it, so off by default. */
  scanPrivate: boolean
  pdq: { maxDistance: number; minQuality: number; fast: boolean; dihedral: boolean }
  /** Threads that decode and hash images ('auto': one per core but one, at most 4; 0: inline). */
  imageThreads: number | 'auto'
  /** The obscenity package's English list as an extra keyword matcher. */
  obscenityList: boolean
  /** Classifiers; the hosted ones get their API keys from Secrets. */
  classifiers: {
    lexicon: { enabled: boolean; path?: string }
    timeoutMs: number
    openai?: { baseUrl: string; model?: string }
    llamaGuard?: { baseUrl: string; model?: string }
  }
}

export interface DetectionSecrets {
  openaiApiKey: string | undefined
  llamaGuardApiKey: string | undefined
}

/** Cross-field problems, named by variable. */
export function detectionProblems(s: DetectionSettings): string[] {
  return s.VIGIL_OPENAI_MODERATION_URL && !s.VIGIL_OPENAI_API_KEY
    ? ['VIGIL_OPENAI_API_KEY: is required when VIGIL_OPENAI_MODERATION_URL is set']
    : []
}

export function toDetectionSecrets(s: DetectionSettings): DetectionSecrets {
  return { openaiApiKey: s.VIGIL_OPENAI_API_KEY, llamaGuardApiKey: s.VIGIL_LLAMA_GUARD_API_KEY }
}

const provider = (baseUrl: string | undefined, model: string | undefined) =>
  baseUrl ? { baseUrl, ...(model ? { model } : {}) } : undefined

export function toDetectionConfig(s: DetectionSettings): DetectionConfig {
  return {
    deadlineMs: s.VIGIL_DETECTION_DEADLINE_MS,
    scanPrivate: s.VIGIL_SCAN_PRIVATE,
    pdq: {
      maxDistance: s.VIGIL_PDQ_MAX_DISTANCE,
      minQuality: s.VIGIL_PDQ_MIN_QUALITY,
      fast: s.VIGIL_PDQ_FAST,
      dihedral: s.VIGIL_PDQ_DIHEDRAL,
    },
    imageThreads: s.VIGIL_PDQ_THREADS,
    obscenityList: s.VIGIL_OBSCENITY_LIST,
    classifiers: {
      lexicon: {
        enabled: s.VIGIL_LEXICON,
        ...(s.VIGIL_LEXICON_FILE ? { path: s.VIGIL_LEXICON_FILE } : {}),
      },
      timeoutMs: s.VIGIL_CLASSIFIER_TIMEOUT_MS,
      openai: provider(s.VIGIL_OPENAI_MODERATION_URL, s.VIGIL_OPENAI_MODERATION_MODEL),
      llamaGuard: provider(s.VIGIL_LLAMA_GUARD_URL, s.VIGIL_LLAMA_GUARD_MODEL),
    },
  }
}
