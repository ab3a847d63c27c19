import type { Actor } from '../core/roles.js'
import type { SignalInput } from '../core/signal.js'
import type { ContentInput, MediaRecord, Verdict } from '../core/subject.js'
import { verdictOpensCase } from '../core/verdict.js'
import type { Executor } from '../storage/database.js'
import { writeIngestedSubject } from '../storage/repos/ingest-repo.js'
import type { SubjectUpsert } from '../storage/repos/subject-repo.js'
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
 * Runs detection on content before it is published and records the subject, its signals and,
 * unless the verdict is allow, a case. Detection runs outside the transaction.
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
    const records: MediaRecord[] = media.map((m) => ({
      sha256: m.sha256,
      bytes: m.bytes.length,
      ...(m.mimeType ? { mimeType: m.mimeType } : {}),
      ...(m.sourceUrl ? { sourceUrl: m.sourceUrl } : {}),
    }))
    const at = ctx.clock.now()
    const write = async (db: Executor) => {
      const result = await recordIngest(db, ctx, actor, at, input, records, detection)
      await store(db, 200, result, at)
      return result
    }
    // @NOTE Allowed content without an Idempotency-Key is one statement: no transaction needed.
    const alone = !claim && !verdictOpensCase(detection.verdict)
    const body = alone ? await write(ctx.db) : await ctx.db.transaction().execute(write)
    return { statusCode: 200, body, replayed: false }
  })
}

async function recordIngest(
  db: Executor,
  ctx: ServiceContext,
  actor: Actor,
  at: Date,
  input: ContentInput,
  media: MediaRecord[],
  detection: Awaited<ReturnType<ServiceContext['detection']['run']>>,
): Promise<IngestResult> {
  const signals = detection.signals.map((s) => ({ ...s, id: crypto.randomUUID(), createdAt: at }))
  const subjectId = await writeIngestedSubject(
    db,
    subjectFromInput(input, media, detection.verdict, at),
    signals,
    {
      occurredAt: at,
      actor: actor.id,
      action: 'content.ingested',
      entityType: 'subject',
      data: {
        externalId: input.id,
        kind: input.kind,
        verdict: detection.verdict,
        signals: signals.length,
      },
    },
  )
  const result: IngestResult = {
    subjectId,
    verdict: detection.verdict,
    signals: signals.map(({ createdAt: _c, ...signal }) => signal),
    ...(detection.failures.length > 0 ? { failures: detection.failures } : {}),
  }
  if (!verdictOpensCase(detection.verdict)) return result
  const strongest = strongestSignal(signals, ctx)
  const opened = await openOrJoinCase(db, ctx.taxonomy, actor, at, {
    subjectId,
    harm: strongest?.harm ?? null,
    source: strongest?.source ?? 'rule',
  })
  if (detection.verdict === 'block') {
    await emitWebhookEvent(db, ctx.jobs, at, 'content.blocked', {
      subject: { id: input.id, kind: input.kind, authorId: input.author?.id ?? null },
      caseId: opened.case.id,
      harms: [...new Set(signals.map((s) => s.harm))],
    })
  }
  return { ...result, caseId: opened.case.id }
}

function subjectFromInput(
  input: ContentInput,
  media: MediaRecord[],
  verdict: Verdict,
  at: Date,
): SubjectUpsert {
  return {
    id: crypto.randomUUID(),
    externalId: input.id,
    kind: input.kind,
    surface: input.surface,
    authorId: input.author?.id ?? null,
    text: input.text ?? null,
    url: input.url ?? null,
    media,
    metadata: input.metadata,
    verdict,
    at,
  }
}

function strongestSignal(
  signals: readonly SignalInput[],
  ctx: ServiceContext,
): SignalInput | undefined {
  const severity = (s: SignalInput) => ctx.taxonomy.get(s.harm)?.severity ?? 0
  return [...signals].sort((a, b) => severity(b) - severity(a) || b.score - a.score)[0]
}
