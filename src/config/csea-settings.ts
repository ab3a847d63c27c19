import { z } from 'zod'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Why `value` cannot be where NCA reports are posted: a bearer token travels with each. */
function ncaEndpointProblem(value: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    return 'is not a URL'
  }
  if (parsed.username || parsed.password) return 'must not carry credentials'
  if (parsed.protocol === 'https:') return undefined
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return undefined
  return 'must be an https:// URL (http:// only for a loopback test server)'
}

/** Reporting child sexual abuse to the NCA, by environment variable; merged into the one schema. */
export const cseaSettingsShape = {
  /** Where the HTTP transport posts NCA reports; unset, NCA reports cannot be sent from Vigil. */
  VIGIL_NCA_URL: z
    .string()
    .superRefine((value, ctx) => {
      const problem = ncaEndpointProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .optional(),
  VIGIL_NCA_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  VIGIL_NCA_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(30_000),
  /** Retries of a failed NCA or NCMEC send before it waits for a person. */
  VIGIL_CSEA_SEND_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(10),
  VIGIL_CSEA_SEND_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
}

const cseaSettingsSchema = z.object(cseaSettingsShape)
type CseaSettings = z.infer<typeof cseaSettingsSchema>

export interface CseaConfig {
  /** The NCA endpoint; undefined when not set up. */
  nca: { url: string; timeoutMs: number } | undefined
  send: { retryLimit: number; retryDelaySeconds: number }
}

export interface CseaSecrets {
  /** The bearer token for the NCA endpoint; never logged or printed. */
  ncaToken: string | undefined
}

/** The URL and the token come together. */
export function cseaProblems(s: CseaSettings): string[] {
  if ((s.VIGIL_NCA_URL === undefined) === (s.VIGIL_NCA_TOKEN === undefined)) return []
  return ['VIGIL_NCA_URL: VIGIL_NCA_URL and VIGIL_NCA_TOKEN must be set together']
}

export function toCseaConfig(s: CseaSettings): CseaConfig {
  return {
    nca: s.VIGIL_NCA_URL ? { url: s.VIGIL_NCA_URL, timeoutMs: s.VIGIL_NCA_TIMEOUT_MS } : undefined,
    send: {
      retryLimit: s.VIGIL_CSEA_SEND_RETRY_LIMIT,
      retryDelaySeconds: s.VIGIL_CSEA_SEND_RETRY_DELAY_SECONDS,
    },
  }
}

export function toCseaSecrets(s: CseaSettings): CseaSecrets {
  return { ncaToken: s.VIGIL_NCA_TOKEN }
}
