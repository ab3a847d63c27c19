import type { Config, Secrets } from './config/config.js'
import type { Clock } from './core/clock.js'
import { systemClock } from './core/clock.js'
import { buildTaxonomy } from './core/taxonomy.js'
import type { Matcher } from './detection/matcher.js'
import { DetectionPipeline } from './detection/pipeline.js'
import { createLogger, type Logger } from './logger.js'
import { ApiKeyAuthenticator } from './services/api-keys.js'
import { reloadBankMatchers } from './services/banks.js'
import { IngestBatcher } from './services/ingest-batcher.js'
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
  })
  await jobs.start()
  const ctx: AppContext = {
    config,
    logger,
    db: database.db,
    databaseKind: database.kind,
    clock: overrides.clock ?? systemClock(),
    taxonomy: buildTaxonomy(config.terms),
    jobs,
    detection: new DetectionPipeline(2_000, overrides.matchers),
    ingest: new IngestBatcher(database.db, config.ingest.batchMax, config.ingest.concurrentBatches),
    settings: { media: config.media, network: config.network, webhooks: config.webhooks },
    auth: new ApiKeyAuthenticator(database.db, secrets.bootstrapApiKey),
    destroy: async () => {
      await ctx.ingest.drain()
      await jobs.stop()
      await database.destroy()
    },
  }
  await reloadBankMatchers(ctx)
  return ctx
}
