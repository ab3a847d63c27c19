import { z } from 'zod'
import type { Policy } from '../core/policy.js'
import { termsNodeInputSchema } from '../core/taxonomy.js'
import {
  type CseaConfig,
  type CseaSecrets,
  cseaProblems,
  cseaSettingsShape,
  toCseaConfig,
  toCseaSecrets,
} from './csea-settings.js'
import {
  type DetectionConfig,
  type DetectionSecrets,
  detectionProblems,
  detectionSettingsShape,
  toDetectionConfig,
  toDetectionSecrets,
} from './detection-settings.js'
import {
  type EuSorConfig,
  euSorProblems,
  euSorSettingsShape,
  toEuSorConfig,
} from './eu-sor-settings.js'
import {
  type EvidenceConfig,
  type EvidenceMasterKey,
  evidenceSettingsShape,
  unknownEvidenceHarms,
} from './evidence-settings.js'
import {
  type NcmecConfig,
  type NcmecSecrets,
  ncmecProblems,
  ncmecSettingsShape,
  toNcmecConfig,
  toNcmecSecrets,
} from './ncmec-settings.js'
import { parsePolicyText, policySettingsShape, unknownRouteHarms } from './policy-settings.js'

const MiB = 1024 * 1024

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'use true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' })
        return z.NEVER
      }
    })
    .pipe(schema)

export type TrustProxy = boolean | number | string[]

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export const ROLES = ['all', 'api', 'worker'] as const

/** Every setting, named by its environment variable; each has a default. */
const settingsSchema = z.object({
  VIGIL_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  VIGIL_DATA_DIR: z.string().min(1).default('./data'),
  VIGIL_HOST: z.string().min(1).default('127.0.0.1'),
  VIGIL_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx): TrustProxy => {
      if (value === 'false' || value === 'true') return value === 'true'
      if (/^\d+$/.test(value)) return Number(value)
      const addresses = value.split(',').map((part) => part.trim())
      if (addresses.every((a) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a))) return addresses
      ctx.addIssue({
        code: 'custom',
        message:
          'use false, true, a number of proxy hops, or a comma-separated list of proxy addresses',
      })
      return z.NEVER
    }),
  VIGIL_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  VIGIL_ROLE: z.enum(ROLES).default('all'),
  VIGIL_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  VIGIL_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * MiB)
    .default(10 * MiB),
  VIGIL_MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * MiB)
    .default(10 * MiB),
  VIGIL_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  VIGIL_ALLOW_PRIVATE_NETWORK: bool.default(false),
  VIGIL_PG_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  VIGIL_INGEST_BATCH_MAX: z.coerce.number().int().min(1).max(5000).default(256),
  VIGIL_INGEST_CONCURRENT_BATCHES: z.coerce.number().int().min(1).max(64).default(2),
  VIGIL_AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  VIGIL_WEBHOOK_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(12),
  VIGIL_WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  VIGIL_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  VIGIL_TERMS: json(z.array(termsNodeInputSchema)).default([]),
  VIGIL_BOOTSTRAP_API_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  VIGIL_EVIDENCE_SIGNING_KEY: z.string().min(1).optional(),
  VIGIL_SESSION_IDLE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  VIGIL_SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  ...detectionSettingsShape,
  ...policySettingsShape,
  ...euSorSettingsShape,
  ...ncmecSettingsShape,
  ...cseaSettingsShape,
  ...evidenceSettingsShape,
})

type Settings = z.infer<typeof settingsSchema>

export interface Config {
  database:
    | { kind: 'postgres'; url: string; poolSize: number }
    | { kind: 'pglite'; dataDir: string }
  dataDir: string
  /**
   * Whom to believe in X-Forwarded-For: nobody (false), every hop (true), the last N hops, or
   * the listed proxy addresses. Rate limits per address rely on it behind a reverse proxy.
   */
  http: { host: string; port: number; bodyLimitBytes: number; trustProxy: TrustProxy }
  role: (typeof ROLES)[number]
  logLevel: (typeof LOG_LEVELS)[number]
  media: { maxBytes: number; fetchTimeoutMs: number }
  /** Group commit of allowed content: batch size and how many batches may be in flight. */
  ingest: { batchMax: number; concurrentBatches: number }
  network: { allowPrivate: boolean }
  audit: { sealIntervalMs: number }
  webhooks: { retryLimit: number; retryDelaySeconds: number; timeoutMs: number }
  terms: Settings['VIGIL_TERMS']
  detection: DetectionConfig
  /** The written moderation policy (VIGIL_POLICY / VIGIL_POLICY_FILE). */
  policy: Policy
  /** Console sessions end after this long unused, and this long after sign-in in any case. */
  sessions: { idleHours: number; maxDays: number }
  /** The EU Transparency Database for statements of reasons; its token is in Secrets. */
  euSor: EuSorConfig
  /** The NCMEC CyberTipline endpoint (VIGIL_NCMEC_URL); undefined when not set up. */
  ncmec: NcmecConfig
  /** Where NCA reports go and how failed sends of CSEA reports are retried. */
  csea: CseaConfig
  /** Evidence blobs' folder; the policy's `evidence` part says what is kept and for how long. */
  evidence: EvidenceConfig
}

export interface Secrets extends DetectionSecrets, NcmecSecrets, CseaSecrets {
  bootstrapApiKey: string | undefined
  /** VIGIL_EU_SOR_TOKEN: the EU Transparency Database API token. */
  euSorToken: string | undefined
  /** VIGIL_EVIDENCE_KEYS: the first wraps new evidence data keys, all unwrap. */
  evidenceKeys: EvidenceMasterKey[] | undefined
  /** VIGIL_EVIDENCE_SIGNING_KEY: the Ed25519 key (PKCS#8) evidence packages are signed with. */
  evidenceSigningKey: string | undefined
}

export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(readonly problems: string[]) {
    super(`Vigil's configuration has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`)
  }
}

/** Validates every setting at once and reports every problem with its variable's name. */
export function parseConfig(raw: Record<string, unknown>): { config: Config; secrets: Secrets } {
  const unknown = Object.keys(raw).filter((name) => name.startsWith('VIGIL_') && !isKnown(name))
  const parsed = settingsSchema.safeParse(raw)
  const problems = unknown.map((name) => `${name}: is not a Vigil setting`)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [name, ...rest] = issue.path.map(String)
      problems.push(`${[name, ...rest].join('.')}: ${issue.message}`)
    }
  }
  if (parsed.success)
    problems.push(
      ...detectionProblems(parsed.data),
      ...sessionProblems(parsed.data),
      ...euSorProblems(parsed.data),
      ...ncmecProblems(parsed.data),
      ...cseaProblems(parsed.data),
    )
  const { policy, problems: policyProblems } = parsePolicyText(
    typeof raw.VIGIL_POLICY === 'string' ? raw.VIGIL_POLICY : undefined,
  )
  problems.push(...policyProblems)
  if (policy && parsed.success) problems.push(...unknownRouteHarms(policy, parsed.data.VIGIL_TERMS))
  if (policy && parsed.success)
    problems.push(...unknownEvidenceHarms(policy, parsed.data.VIGIL_TERMS))
  if (problems.length > 0 || !parsed.success || !policy) throw new ConfigError(problems)
  return {
    config: Object.freeze({ ...toConfig(parsed.data), policy }),
    secrets: toSecrets(parsed.data),
  }
}

const KNOWN = new Set([
  ...Object.keys(settingsSchema.shape),
  'VIGIL_CONFIG_FILE',
  'VIGIL_POLICY_FILE',
])

function isKnown(name: string): boolean {
  return KNOWN.has(name)
}

function toConfig(s: Settings): Omit<Config, 'policy'> {
  return {
    database: s.VIGIL_DATABASE_URL
      ? { kind: 'postgres', url: s.VIGIL_DATABASE_URL, poolSize: s.VIGIL_PG_POOL_SIZE }
      : { kind: 'pglite', dataDir: s.VIGIL_DATA_DIR },
    dataDir: s.VIGIL_DATA_DIR,
    http: {
      host: s.VIGIL_HOST,
      port: s.VIGIL_PORT,
      bodyLimitBytes: s.VIGIL_BODY_LIMIT_BYTES,
      trustProxy: s.VIGIL_TRUST_PROXY,
    },
    role: s.VIGIL_ROLE,
    logLevel: s.VIGIL_LOG_LEVEL,
    media: { maxBytes: s.VIGIL_MEDIA_MAX_BYTES, fetchTimeoutMs: s.VIGIL_FETCH_TIMEOUT_MS },
    ingest: {
      batchMax: s.VIGIL_INGEST_BATCH_MAX,
      concurrentBatches: s.VIGIL_INGEST_CONCURRENT_BATCHES,
    },
    network: { allowPrivate: s.VIGIL_ALLOW_PRIVATE_NETWORK },
    audit: { sealIntervalMs: s.VIGIL_AUDIT_SEAL_INTERVAL_MS },
    webhooks: {
      retryLimit: s.VIGIL_WEBHOOK_RETRY_LIMIT,
      retryDelaySeconds: s.VIGIL_WEBHOOK_RETRY_DELAY_SECONDS,
      timeoutMs: s.VIGIL_WEBHOOK_TIMEOUT_MS,
    },
    terms: s.VIGIL_TERMS,
    detection: toDetectionConfig(s),
    sessions: { idleHours: s.VIGIL_SESSION_IDLE_HOURS, maxDays: s.VIGIL_SESSION_MAX_DAYS },
    euSor: toEuSorConfig(s),
    ncmec: toNcmecConfig(s),
    csea: toCseaConfig(s),
    evidence: { dir: s.VIGIL_EVIDENCE_DIR },
  }
}

function sessionProblems(s: Settings): string[] {
  return s.VIGIL_SESSION_IDLE_HOURS > s.VIGIL_SESSION_MAX_DAYS * 24
    ? ['VIGIL_SESSION_IDLE_HOURS: must not be longer than VIGIL_SESSION_MAX_DAYS']
    : []
}

function toSecrets(s: Settings): Secrets {
  return {
    bootstrapApiKey: s.VIGIL_BOOTSTRAP_API_KEY,
    euSorToken: s.VIGIL_EU_SOR_TOKEN,
    evidenceKeys: s.VIGIL_EVIDENCE_KEYS,
    evidenceSigningKey: s.VIGIL_EVIDENCE_SIGNING_KEY,
    ...toDetectionSecrets(s),
    ...toNcmecSecrets(s),
    ...toCseaSecrets(s),
  }
}

/** What `vigil config print` shows: the config with the database password masked. */
export function printableConfig(config: Config): Config {
  if (config.database.kind !== 'postgres') return config
  const url = new URL(config.database.url)
  if (url.password) url.password = '****'
  if (url.searchParams.has('password')) url.searchParams.set('password', '****')
  return { ...config, database: { ...config.database, url: url.toString() } }
}
