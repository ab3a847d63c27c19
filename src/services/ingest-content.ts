import type { Actor } from '../core/roles.js'
import type { SignalInput } from '../core/signal.js'
import type { ContentInput, MediaRecord, Verdict } from '../core/subject.js'
import { verdictOpensCase } from '../core/verdict.js'
import type { DetectionResult } from '../detection/pipeline.js'
import type { Executor } from '../storage/database.js'
import { type IngestWrite, writeIngestedSubjects } from '../storage/repos/ingest-repo.js'
import { type IdempotencyClaim, onceForKey, type StoredResponse } from './idempotency.js'
import { loadMedia } from './load-media.js'
import { openOrJoinCase } from './open-case.js'
import type { ServiceContext } from './service-context.js'
import { emitWebhookEvent } from './webhook-events.js'

export interface IngestResult extends Record<string, unknown> {
  subjectId: string
  verdict: Verdict
  signals: (SignalInput & { id: string })[]
  caseId?: string
  failures?: { matcher: string; reason: string }[]
}

/**
 * Runs detection on content before it is published, then records the subject, its signals and,
 * unless the verdict is allow, a case. Detection runs outside any transaction. Allowed content
 * without an Idempotency-Key goes through the group-commit batcher; the rest runs in one
 * transaction with its case and stored response.
 */
export async function ingestContent(
  ctx: ServiceContext,
  actor: Actor,
  input: ContentInput,
  claim?: IdempotencyClaim,
): Promise<StoredResponse<IngestResult>> {
  return onceForKey<IngestResult>(ctx.db, claim, async (store) => {
    const media = await loadMedia(input.media, ctx.settings)
    const detection = await ctx.detection.run({
      kind: input.kind,
      surface: input.surface,
      text: input.text ?? '',
      url: input.url ?? null,
      media,
    })
    const at = ctx.clock.now()
    const write = ingestWrite(actor, at, input, toMediaRecords(media), detection)
    if (!claim && !verdictOpensCase(detection.verdict)) {
      const subjectId = await ctx.ingest.write(write)
      return { statusCode: 200, body: ingestResult(subjectId, write, detection), replayed: false }
    }
    const body = await ctx.db.transaction().execute(async (tx) => {
      const [subjectId] = await writeIngestedSubjects(tx, [write])
      const result = ingestResult(subjectId as string, write, detection)
      const withCase = await openCaseIfNeeded(tx, ctx, actor, input, result)
      await store(tx, 200, withCase, at)
      return withCase
    })
    return { statusCode: 200, body, replayed: false }
  })
}

function ingestWrite(
  actor: Actor,
  at: Date,
  input: ContentInput,
  media: MediaRecord[],
  detection: DetectionResult,
): IngestWrite {
  const signals = detection.signals.map((s) => ({ ...s, id: crypto.randomUUID(), createdAt: at }))
  return {
    subject: {
      id: crypto.randomUUID(),
      externalId: input.id,
      kind: input.kind,
      surface: input.surface,
      authorId: input.author?.id ?? null,
      text: input.text ?? null,
      url: input.url ?? null,
      media,
      metadata: input.metadata,
      verdict: detection.verdict,
      at,
    },
    signals,
    audit: {
      actor: actor.id,
      action: 'content.ingested',
      data: {
        externalId: input.id,
        kind: input.kind,
        verdict: detection.verdict,
        signals: signals.length,
      },
    },
  }
}

function ingestResult(
  subjectId: string,
  write: IngestWrite,
  detection: DetectionResult,
): IngestResult {
  return {
    subjectId,
    verdict: detection.verdict,
    signals: write.signals.map(({ createdAt: _c, ...signal }) => signal),
    ...(detection.failures.length > 0 ? { failures: detection.failures } : {}),
  }
}

async function openCaseIfNeeded(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  input: ContentInput,
  result: IngestResult,
): Promise<IngestResult> {
  if (!verdictOpensCase(result.verdict)) return result
  const at = ctx.clock.now()
  const strongest = strongestSignal(result.signals, ctx)
  const opened = await openOrJoinCase(tx, ctx.taxonomy, actor, at, {
    subjectId: result.subjectId,
    harm: strongest?.harm ?? null,
    source: strongest?.source ?? 'rule',
  })
  if (result.verdict === 'block') {
    await emitWebhookEvent(tx, ctx.jobs, at, 'content.blocked', {
      subject: { id: input.id, kind: input.kind, authorId: input.author?.id ?? null },
      caseId: opened.case.id,
      harms: [...new Set(result.signals.map((s) => s.harm))],
    })
  }
  return { ...result, caseId: opened.case.id }
}

function toMediaRecords(media: Awaited<ReturnType<typeof loadMedia>>): MediaRecord[] {
  return media.map((m) => ({
    sha256: m.sha256,
    bytes: m.bytes.length,
    ...(m.mimeType ? { mimeType: m.mimeType } : {}),
    ...(m.sourceUrl ? { sourceUrl: m.sourceUrl } : {}),
  }))
}

function strongestSignal(signals: readonly SignalInput[], ctx: ServiceContext) {
  const severity = (s: SignalInput) => ctx.taxonomy.get(s.harm)?.severity ?? 0
  return [...signals].sort((a, b) => severity(b) - severity(a) || b.score - a.score)[0]
}
