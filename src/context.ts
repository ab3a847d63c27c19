import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EuSorSettings } from './compliance/eu-sor/submit.js'
import type { Config, Secrets } from './config/config.js'
import { loadOrCreateEvidenceKeyFile } from './config/evidence-key-file.js'
import type { Clock } from './core/clock.js'
import { systemClock } from './core/clock.js'
import { buildTaxonomy } from './core/taxonomy.js'
import { createClassifierMatchers } from './detection/classifiers/create-classifiers.js'
import { createImageHashPool } from './detection/hash/image-hash-pool.js'
import { type ImageHasher, inlineImageHasher } from './detection/hash/image-hasher.js'
import type { Matcher } from './detection/matcher.js'
import { DetectionPipeline } from './detection/pipeline.js'
import { RuleSet } from './detection/rules/rule-set.js'
import { obscenityMatcher } from './detection/text/obscenity-matcher.js'
import { createLogger, type Logger } from './logger.js'
import { ApiKeyAuthenticator } from './services/api-keys.js'
import { BANK_IMPORT_JOB } from './services/bank-files/bank-imports.js'
import { syncBankMatchers } from './services/banks.js'
import { createCseaSenders } from './services/csea-reports/create-senders.js'
import {
  CSEA_SEND_JOB,
  CSEA_SEND_URGENT_JOB,
  type CseaSenders,
  type NcaTransport,
} from './services/csea-reports/senders.js'
import { createKeyring } from './services/evidence-crypto.js'
import type { PackageSigningKey } from './services/evidence-package/signing.js'
import { signingKeyLoader } from './services/evidence-signing-key.js'
import type { EvidenceVault } from './services/evidence-vault.js'
import { IngestBatcher } from './services/ingest-batcher.js'
import { reloadRules } from './services/rules.js'
import { JOB, type ServiceContext } from './services/service-context.js'
import { createDatabase, type DatabaseHandle, type DatabaseOptions } from './storage/database.js'
import { FsBlobStore } from './storage/fs-blob-store.js'
import { JobQueue } from './storage/job-queue.js'
import { migrateToLatest } from './storage/migrate.js'

export interface AppContext extends ServiceContext {
  config: Config
  logger: Logger
  auth: ApiKeyAuthenticator
  databaseKind: DatabaseHandle['kind']
  /** Where CSEA reports are sent: the NCA transport and the NCMEC client, when configured. */
  csea: CseaSenders
  /** The key evidence packages are signed with; loaded (or generated) on first use. */
  evidenceSigningKey: () => PackageSigningKey
  /** The EU Transparency Database for statements of reasons; undefined when not configured. */
  euSor: EuSorSettings | undefined
  destroy(): Promise<void>
}

export interface ContextOverrides {
  clock?: Clock
  logger?: Logger
  database?: DatabaseOptions
  matchers?: Matcher[]
  /** Skip migrations (the caller migrated already, e.g. a test template). */
  migrate?: boolean
  /** False for tools that never detect: bank entries are then not loaded into memory. */
  holdsBanks?: boolean
  /** Replaces the HTTP transport of NCA reports. */
  ncaTransport?: NcaTransport
}

/** The only composition root: picks every implementation from the config. */
export async function createAppContext(
  config: Config,
  secrets: Secrets,
  overrides: ContextOverrides = {},
): Promise<AppContext> {
  const logger = overrides.logger ?? createLogger(config.logLevel)
  const database = await createDatabase(overrides.database ?? config.database, (error) =>
    logger.warn({ err: error }, 'a database connection was closed; it will be replaced'),
  )
  if (overrides.migrate !== false) await migrateToLatest(database.db)
  const jobs = new JobQueue(database.sql, {
    [JOB.evidencePreserve]: { retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true },
    [CSEA_SEND_URGENT_JOB]: cseaQueue(config),
    [CSEA_SEND_JOB]: cseaQueue(config),
    [JOB.webhookDeliver]: {
      retryLimit: config.webhooks.retryLimit,
      retryDelaySeconds: config.webhooks.retryDelaySeconds,
      retryBackoff: true,
    },
    // @NOTE A retry resumes after the batches already written; a big file may take minutes.
    [BANK_IMPORT_JOB]: {
      retryLimit: 3,
      retryDelaySeconds: 10,
      retryBackoff: true,
      expireInSeconds: 60 * 60,
    },
  })
  await jobs.start()
  const imageHasher = createImageHasher(config.detection.imageThreads)
  const evidence = createEvidenceVault(config, secrets, overrides.database ?? config.database)
  const { disabledReason } = evidence.vault
  if (disabledReason) logger.warn(`evidence preservation is off: ${disabledReason}`)
  const ctx: AppContext = {
    config,
    logger,
    db: database.db,
    databaseKind: database.kind,
    clock: overrides.clock ?? systemClock(),
    taxonomy: buildTaxonomy(config.terms),
    jobs,
    detection: createDetection(config, secrets, overrides, imageHasher),
    rules: new RuleSet(),
    ingest: new IngestBatcher(database.db, config.ingest.batchMax, config.ingest.concurrentBatches),
    settings: { media: config.media, network: config.network, webhooks: config.webhooks },
    policy: config.policy,
    evidence: evidence.vault,
    csea: cseaSenders(config, secrets, overrides),
    euSor: euSorSettings(config, secrets),
    auth: new ApiKeyAuthenticator(database.db, secrets.bootstrapApiKey),
    evidenceSigningKey: signingKeyLoader({
      secret: secrets.evidenceSigningKey,
      database: overrides.database ?? config.database,
    }),
    destroy: async () => {
      await ctx.ingest.drain()
      await jobs.stop()
      await imageHasher.close()
      await database.destroy()
      evidence.cleanUp()
    },
  }
  await syncBankMatchers(ctx)
  await reloadRules(ctx)
  return ctx
}

/**
 * The evidence keyring and blob store. Keys: VIGIL_EVIDENCE_KEYS; else, for embedded PGlite on
 * disk, `<dataDir>/evidence.key` (made on first start); for an in-memory database, a key and a
 * folder that live and die with it; on PostgreSQL without a key, preservation is off (and says so).
 */
function createEvidenceVault(
  config: Config,
  secrets: Secrets,
  database: DatabaseOptions,
): { vault: EvidenceVault; cleanUp(): void } {
  const embedded = database.kind === 'pglite'
  const dataDir = embedded ? database.dataDir : config.dataDir
  const temporary = dataDir === undefined && !config.evidence.dir
  const dir = temporary
    ? mkdtempSync(join(tmpdir(), 'vigil-evidence-'))
    : (config.evidence.dir ?? join(dataDir ?? config.dataDir, 'evidence'))
  const keys =
    secrets.evidenceKeys ??
    (embedded && dataDir !== undefined ? loadOrCreateEvidenceKeyFile(dataDir) : undefined) ??
    (embedded ? [{ id: 'memory', key: randomBytes(32) }] : undefined)
  const vault: EvidenceVault = {
    keyring: keys ? createKeyring(keys) : undefined,
    disabledReason: keys
      ? undefined
      : 'set VIGIL_EVIDENCE_KEYS (id:base64key, 32 random bytes; see docs/evidence.md) to preserve evidence on PostgreSQL',
    blobs: new FsBlobStore(dir),
  }
  return { vault, cleanUp: () => temporary && rmSync(dir, { recursive: true, force: true }) }
}

function cseaQueue(config: Config) {
  const { retryLimit, retryDelaySeconds } = config.csea.send
  return { retryLimit, retryDelaySeconds, retryBackoff: true }
}

function cseaSenders(config: Config, secrets: Secrets, overrides: ContextOverrides): CseaSenders {
  const { nca } = config.csea
  const ncmec = config.ncmec && secrets.ncmec ? { ...config.ncmec, ...secrets.ncmec } : undefined
  return createCseaSenders(
    {
      ...(nca && secrets.ncaToken ? { nca: { ...nca, token: secrets.ncaToken } } : {}),
      ...(ncmec ? { ncmec } : {}),
      allowPrivate: config.network.allowPrivate,
    },
    overrides.ncaTransport ? { nca: overrides.ncaTransport } : {},
  )
}

/** A pool of image-hashing threads, or this thread when there is no core to spare or 0 is set. */
function createImageHasher(threads: number | 'auto'): ImageHasher {
  const size = threads === 'auto' ? Math.min(4, availableParallelism() - 1) : threads
  return size > 0 ? createImageHashPool(size) : inlineImageHasher
}

function createDetection(
  config: Config,
  secrets: Secrets,
  overrides: ContextOverrides,
  imageHasher: ImageHasher,
): DetectionPipeline {
  const { detection } = config
  const matchers: Matcher[] = [
    ...classifierMatchers(config, secrets),
    ...(detection.obscenityList ? [obscenityMatcher()] : []),
    ...(overrides.matchers ?? []),
  ]
  const clock = overrides.clock
  return new DetectionPipeline({
    deadlineMs: detection.deadlineMs,
    matchers,
    scanPrivate: detection.scanPrivate,
    holdsBanks: overrides.holdsBanks !== false,
    pdq: { ...detection.pdq, maxInputBytes: config.media.maxBytes },
    imageHasher,
    ...(clock ? { now: () => clock.now().getTime() } : {}),
  })
}

function classifierMatchers(config: Config, secrets: Secrets): Matcher[] {
  const { lexicon, timeoutMs, openai, llamaGuard } = config.detection.classifiers
  return createClassifierMatchers(
    {
      lexicon,
      ...(openai && secrets.openaiApiKey
        ? { openai: { ...openai, apiKey: secrets.openaiApiKey, timeoutMs } }
        : {}),
      ...(llamaGuard
        ? {
            llamaGuard: {
              ...llamaGuard,
              timeoutMs,
              ...(secrets.llamaGuardApiKey ? { apiKey: secrets.llamaGuardApiKey } : {}),
            },
          }
        : {}),
      allowPrivateNetwork: config.network.allowPrivate,
    },
    { taxonomy: buildTaxonomy(config.terms) },
  )
}

/** Statements go to the EU database only when both its address and token are set. */
function euSorSettings(config: Config, secrets: Secrets): EuSorSettings | undefined {
  const { url, ...rest } = config.euSor
  if (!url || !secrets.euSorToken) return undefined
  const { allowPrivate } = config.network
  return { baseUrl: url, token: secrets.euSorToken, allowPrivate, ...rest }
}
