import type { Clock } from '../core/clock.js'
import type { Policy } from '../core/policy.js'
import type { Taxonomy } from '../core/taxonomy.js'
import type { DetectionPipeline } from '../detection/pipeline.js'
import type { RuleSet } from '../detection/rules/rule-set.js'
import type { Db } from '../storage/database.js'
import type { JobQueue } from '../storage/job-queue.js'
import type { EvidenceVault } from './evidence-vault.js'
import type { IngestBatcher } from './ingest-batcher.js'

export interface ServiceSettings {
  media: { maxBytes: number; fetchTimeoutMs: number }
  network: { allowPrivate: boolean }
  webhooks: { timeoutMs: number }
}

/** What every use case needs; built once by context.ts. */
export interface ServiceContext {
  db: Db
  clock: Clock
  taxonomy: Taxonomy
  jobs: JobQueue
  detection: DetectionPipeline
  /** The live and shadow rules this process applies at ingest. */
  rules: RuleSet
  /** Group commit for allowed content on the hot path. */
  ingest: IngestBatcher
  settings: ServiceSettings
  /** The written moderation policy: queues, reporting limits, appeals, strikes, misuse. */
  policy: Policy
  /** Evidence: the blob store and the keyring that seals it (off without a key on PostgreSQL). */
  evidence: EvidenceVault
}

export const JOB = {
  webhookDeliver: 'webhook.deliver',
  evidencePreserve: 'evidence.preserve',
} as const
