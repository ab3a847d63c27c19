import { availableParallelism } from 'node:os'
import type { Config, Secrets } from './config/config.js'
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
import { IngestBatcher } from './services/ingest-batcher.js'
import { reloadRules } from './services/rules.js'
import { JOB, type ServiceContext } from './services/service-context.js'
import { createDatabase, type DatabaseHandle, type DatabaseOptions } from './storage/database.js'
import { JobQueue } from './storage/job-queue.js'
import { migrateToLatest } from './storage/migrate.js'

export interface AppContext extends ServiceContext {
  config: Config
  logger: Logger
  auth: ApiKeyAuthenticator
  databaseKind: DatabaseHandle['kind']
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
    auth: new ApiKeyAuthenticator(database.db, secrets.bootstrapApiKey),
    destroy: async () => {
      await ctx.ingest.drain()
      await jobs.stop()
      await imageHasher.close()
      await database.destroy()
    },
  }
  await syncBankMatchers(ctx)
  await reloadRules(ctx)
  return ctx
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
