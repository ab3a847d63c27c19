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
  VIGIL_OBSCENITY_LIST: bool.default(false),
}

type DetectionSettings = {
  [K in keyof typeof detectionSettingsShape]: z.infer<(typeof detectionSettingsShape)[K]>
}

export interface DetectionConfig {
  deadlineMs: number
  /** Proactive scanning of private messages; the law does not require it, so off by default. */
  scanPrivate: boolean
  pdq: { maxDistance: number; minQuality: number; fast: boolean; dihedral: boolean }
  /** The obscenity package's English list as an extra keyword matcher. */
  obscenityList: boolean
}

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
    obscenityList: s.VIGIL_OBSCENITY_LIST,
  }
}
