import type { Actor } from '../core/roles.js'
import type { Signal, SignalInput } from '../core/signal.js'
import type { ContentInput, MediaRecord, Verdict } from '../core/subject.js'
import { verdictOpensCase } from '../core/verdict.js'
import type { Executor } from '../storage/database.js'
import { insertSignals } from '../storage/repos/signal-repo.js'
import { upsertSubject } from '../storage/repos/subject-repo.js'
import { recordAudit } from './audit-log.js'
import { type IdempotencyClaim, onceForKey, type StoredResponse } from './idempotency.js'
import { loadMedia } from './load-media.js'
import { openOrJoinCase } from './open-case.js'
import type { ServiceContext } from './service-context.js'

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
    const body = await ctx.db.transaction().execute(async (tx) => {
      const result = await recordIngest(tx, ctx, actor, at, input, records, detection)
      await store(tx, 200, result, at)
      return result
    })
    return { statusCode: 200, body, replayed: false }
  })
}

async function recordIngest(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  at: Date,
  input: ContentInput,
  media: MediaRecord[],
  detection: Awaited<ReturnType<ServiceContext['detection']['run']>>,
): Promise<IngestResult> {
  const subject = await upsertSubject(tx, {
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
  })
  const signals: Signal[] = detection.signals.map((s) => ({
    ...s,
    id: crypto.randomUUID(),
    subjectId: subject.id,
    createdAt: at,
  }))
  await insertSignals(tx, signals)
  await recordAudit(tx, actor, at, [
    {
      action: 'content.ingested',
      entityType: 'subject',
      entityId: subject.id,
      data: {
        externalId: input.id,
        kind: input.kind,
        verdict: detection.verdict,
        signals: signals.length,
      },
    },
  ])
  const result: IngestResult = {
    subjectId: subject.id,
    verdict: detection.verdict,
    signals: signals.map(({ subjectId: _s, createdAt: _c, ...signal }) => signal),
    ...(detection.failures.length > 0 ? { failures: detection.failures } : {}),
  }
  if (!verdictOpensCase(detection.verdict)) return result
  const strongest = strongestSignal(signals, ctx)
  const opened = await openOrJoinCase(tx, ctx.taxonomy, actor, at, {
    subjectId: subject.id,
    harm: strongest?.harm ?? null,
    source: strongest?.source ?? 'rule',
  })
  return { ...result, caseId: opened.case.id }
}

function strongestSignal(signals: readonly Signal[], ctx: ServiceContext): Signal | undefined {
  const severity = (s: Signal) => ctx.taxonomy.get(s.harm)?.severity ?? 0
  return [...signals].sort((a, b) => severity(b) - severity(a) || b.score - a.score)[0]
}
