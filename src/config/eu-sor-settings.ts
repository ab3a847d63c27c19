import { z } from 'zod'

/** EU DSA Transparency Database settings (statements of reasons, DSA Art. 24(5)). */
export const euSorSettingsShape = {
  VIGIL_EU_SOR_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .optional()
    .describe('The database address, e.g. https://transparency.dsa.ec.europa.eu (no /api/v1)'),
  VIGIL_EU_SOR_TOKEN: z.string().min(8, 'must be the API token from the database').optional(),
  VIGIL_EU_SOR_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
  VIGIL_EU_SOR_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  VIGIL_EU_SOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  VIGIL_EU_SOR_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  VIGIL_EU_SOR_RETRY_DELAY_MS: z.coerce.number().int().min(1).max(60_000).default(1_000),
}

const schema = z.object(euSorSettingsShape)
type EuSorSettingsRaw = z.infer<typeof schema>

/** Sending is off until both the URL and the token are set. */
export interface EuSorConfig {
  url: string | undefined
  batchSize: number
  intervalSeconds: number
  timeoutMs: number
  retries: number
  retryDelayMs: number
}

export function toEuSorConfig(s: EuSorSettingsRaw): EuSorConfig {
  return {
    url: s.VIGIL_EU_SOR_URL,
    batchSize: s.VIGIL_EU_SOR_BATCH_SIZE,
    intervalSeconds: s.VIGIL_EU_SOR_INTERVAL_SECONDS,
    timeoutMs: s.VIGIL_EU_SOR_TIMEOUT_MS,
    retries: s.VIGIL_EU_SOR_RETRIES,
    retryDelayMs: s.VIGIL_EU_SOR_RETRY_DELAY_MS,
  }
}

export function euSorProblems(s: EuSorSettingsRaw): string[] {
  if (s.VIGIL_EU_SOR_URL && !s.VIGIL_EU_SOR_TOKEN) {
    return ['VIGIL_EU_SOR_TOKEN: is required when VIGIL_EU_SOR_URL is set']
  }
  if (s.VIGIL_EU_SOR_TOKEN && !s.VIGIL_EU_SOR_URL) {
    return ['VIGIL_EU_SOR_URL: is required when VIGIL_EU_SOR_TOKEN is set']
  }
  return []
}
