import { z } from 'zod'
import { ncmecEndpointProblem } from '../core/ncmec-report.js'

/** NCMEC CyberTipline settings, by environment variable; merged into the one settings schema. */
export const ncmecSettingsShape = {
  /** https://report.cybertip.org/ispws (production) or https://exttest.cybertip.org/ispws. */
  VIGIL_NCMEC_URL: z
    .string()
    .superRefine((value, ctx) => {
      const problem = ncmecEndpointProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .optional(),
  VIGIL_NCMEC_USERNAME: z.string().min(1).optional(),
  VIGIL_NCMEC_PASSWORD: z.string().min(1).optional(),
  /** For each request to NCMEC, file uploads included. */
  VIGIL_NCMEC_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
}

/** Settings that must stay out of the printable config. */
export const NCMEC_SECRET_SETTINGS = ['VIGIL_NCMEC_USERNAME', 'VIGIL_NCMEC_PASSWORD'] as const

const ncmecSettingsSchema = z.object(ncmecSettingsShape)
type NcmecSettings = z.infer<typeof ncmecSettingsSchema>

/** Where CyberTipline reports go; undefined when reporting to NCMEC is not set up. */
export type NcmecConfig = { baseUrl: string; timeoutMs: number } | undefined

export interface NcmecSecrets {
  /** The HTTP Basic credentials NCMEC issued; never logged or printed. */
  ncmec: { username: string; password: string } | undefined
}

/** Cross-field problems, named by variable: the URL and both credentials come together. */
export function ncmecProblems(s: NcmecSettings): string[] {
  const set = [s.VIGIL_NCMEC_URL, s.VIGIL_NCMEC_USERNAME, s.VIGIL_NCMEC_PASSWORD]
  if (set.every((value) => value === undefined) || set.every((value) => value !== undefined)) {
    return []
  }
  return [
    'VIGIL_NCMEC_URL: VIGIL_NCMEC_URL, VIGIL_NCMEC_USERNAME and VIGIL_NCMEC_PASSWORD must be set together',
  ]
}

export function toNcmecConfig(s: NcmecSettings): NcmecConfig {
  return s.VIGIL_NCMEC_URL
    ? { baseUrl: s.VIGIL_NCMEC_URL, timeoutMs: s.VIGIL_NCMEC_TIMEOUT_MS }
    : undefined
}

export function toNcmecSecrets(s: NcmecSettings): NcmecSecrets {
  const { VIGIL_NCMEC_USERNAME: username, VIGIL_NCMEC_PASSWORD: password } = s
  return { ncmec: username && password ? { username, password } : undefined }
}
