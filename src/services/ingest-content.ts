import type { Actor } from '../core/roles.js'
import type { SignalInput } from '../core/signal.js'
import type { ContentInput, MediaRecord, Verdict } from '../core/subject.js'
import { decideVerdict, verdictOpensCase } from '../core/verdict.js'
import type { DetectionResult } from '../detection/pipeline.js'
import type { Executor } from '../storage/database.js'
import { type IngestWrite, writeIngestedSubjects } from '../storage/repos/ingest-repo.js'
import { applyRules, decideByRule, type RuleApplication } from './apply-rules.js'
import { recordIngestSeal, sealInlineMedia } from './evidence-ingest-seal.js'
import { type IdempotencyClaim, onceForKey, type StoredResponse } from './idempotency.js'
import { loadMedia } from './load-media.js'
import { pdqRecord, withPdqHashes } from './media-pdq.js'
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
 * Runs detection and the rules on content before it is published, then records the subject, its
 * signals, its rule outcomes and, unless the verdict is allow, a case. Detection and rules run
 * outside any transaction (rules from memory). Allowed content
 * without an Idempotency-Key goes through the group-commit batcher; the rest runs in one
 * transaction with its case and stored response. Inline media of a case in a preserving harm is
 * sealed before that transaction and recorded, in quarantine, inside it.
 */
export async function ingestContent(
  ctx: ServiceContext,
  actor: Actor,
  input: ContentInput,
  claim?: IdempotencyClaim,
): Promise<StoredResponse<IngestResult>> {
  return onceForKey<IngestResult>(ctx.db, claim, async (store) => {
    const media = await withPdqHashes(ctx, await loadMedia(input.media, ctx.settings))
    const detection = await ctx.detection.run({
      kind: input.kind,
      surface: input.surface,
      text: input.text ?? '',
      url: input.url ?? null,
      media,
    })
    const at = ctx.clock.now()
    const rules = await applyRules(ctx, input, detection.signals, at)
    const judged = withRuleSignals(detection, rules)
    const write = ingestWrite(actor, at, input, toMediaRecords(media), judged, rules)
    if (!claim && !verdictOpensCase(judged.verdict)) {
      const subjectId = await ctx.ingest.write(write)
      return { statusCode: 200, body: ingestResult(subjectId, write, judged), replayed: false }
    }
    const seal = await sealInlineMedia(ctx, media, judged)
    const body = await ctx.db.transaction().execute(async (tx) => {
      const [subjectId] = await writeIngestedSubjects(tx, [write])
      const result = ingestResult(subjectId as string, write, judged)
      const withCase = await openCaseIfNeeded(tx, ctx, actor, input, result, rules)
      await recordIngestSeal(tx, ctx, seal, withCase, at)
      await store(tx, 200, withCase, at)
      return withCase
    })
    return { statusCode: 200, body, replayed: false }
  })
}

/** Live rules' signals join detection's; the strictest action still decides the verdict. */
function withRuleSignals(detection: DetectionResult, rules: RuleApplication): DetectionResult {
  if (rules.signals.length === 0) return detection
  const verdict = decideVerdict([{ action: detection.verdict }, ...rules.signals])
  return { ...detection, signals: [...detection.signals, ...rules.signals], verdict }
}

function ingestWrite(
  actor: Actor,
  at: Date,
  input: ContentInput,
  media: MediaRecord[],
  detection: DetectionResult,
  rules: RuleApplication,
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
    authorCreatedAt: input.author?.createdAt ? new Date(input.author.createdAt) : null,
    signals,
    ruleOutcomes: rules.outcomes,
    audit: {
      actor: actor.id,
      action: 'content.ingested',
      data: {
        externalId: input.id,
        kind: input.kind,
        verdict: detection.verdict,
        signals: signals.length,
        ...(rules.outcomes.length > 0 ? { rules: rules.outcomes.map(auditOutcome) } : {}),
      },
    },
  }
}

function auditOutcome(o: RuleApplication['outcomes'][number]) {
  return { ruleId: o.ruleId, version: o.version, mode: o.mode }
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
  rules: RuleApplication,
): Promise<IngestResult> {
  if (!verdictOpensCase(result.verdict)) return result
  const at = ctx.clock.now()
  const strongest = strongestSignal(result.signals, ctx)
  const opened = await openOrJoinCase(tx, ctx, actor, at, {
    subjectId: result.subjectId,
    harm: strongest?.harm ?? null,
    source: strongest?.source ?? 'rule',
    surface: input.surface,
    reach: input.reach,
    ...(rules.routing ? { override: rules.routing } : {}),
  })
  if (result.verdict === 'block') {
    await emitWebhookEvent(tx, ctx.jobs, at, 'content.blocked', {
      subject: { id: input.id, kind: input.kind, authorId: input.author?.id ?? null },
      caseId: opened.case.id,
      harms: [...new Set(result.signals.map((s) => s.harm))],
    })
  }
  if (rules.acting) await decideByRule(tx, ctx, opened.case.id, rules.acting)
  return { ...result, caseId: opened.case.id }
}

function toMediaRecords(media: Awaited<ReturnType<typeof loadMedia>>): MediaRecord[] {
  return media.map((m) => ({
    sha256: m.sha256,
    md5: m.md5,
    ...pdqRecord(m),
    bytes: m.bytes.length,
    ...(m.mimeType ? { mimeType: m.mimeType } : {}),
    ...(m.sourceUrl ? { sourceUrl: m.sourceUrl } : {}),
  }))
}

function strongestSignal(signals: readonly SignalInput[], ctx: ServiceContext) {
  const severity = (s: SignalInput) => ctx.taxonomy.get(s.harm)?.severity ?? 0
  return [...signals].sort((a, b) => severity(b) - severity(a) || b.score - a.score)[0]
}
