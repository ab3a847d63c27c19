import type { Clock } from '../../core/clock.js'
import type { Actor } from '../../core/roles.js'
import type { Db } from '../../storage/database.js'
import { type EuSorState, listUnsentStatements } from '../../storage/repos/eu-sor-repo.js'
import {
  type BatchAnswer,
  EuSorClient,
  type EuSorEndpoint,
  type ReportedProblem,
} from './eu-client.js'
import { EuSorError, notConfiguredError } from './eu-sor-error.js'
import { type Prepared, prepareStatements } from './prepare.js'
import { type Outcome, recordOutcomes } from './record.js'

export interface EuSorSettings extends EuSorEndpoint {
  /** Statements per call: 1 to 100, the API's limit. */
  batchSize: number
}

export interface EuSorContext {
  db: Db
  clock: Clock
  /** Undefined when no endpoint and token are configured: nothing is sent. */
  euSor: EuSorSettings | undefined
}

export interface SubmitSummary {
  submitted: number
  /** Already in the database (an earlier send whose answer was lost); marked submitted. */
  alreadyThere: number
  /** Broke a rule in Vigil's own check: never sent. */
  invalid: number
  /** Refused by the database. */
  rejected: number
  notApplicable: number
  /** Left pending after a failure the next round retries. */
  pending: number
  calls: number
  /** Each statement not sent or refused, and why. */
  notSent: { decisionId: string; state: EuSorState; why: string }[]
  /** Why the round stopped early, if it did. */
  error?: string
}

type Ready = Extract<Prepared, { kind: 'ready' }>

/** API limit: statements per call. */
export const EU_SOR_MAX_BATCH = 100

/**
 * Sends statements not yet in the EU database, oldest first, at most `limit`, in calls of up to
 * `batchSize`. Each is checked first; an invalid one is recorded with its problems and never
 * sent. A credentials or configuration failure throws; an outage leaves the rest pending.
 */
export async function submitPendingStatements(
  ctx: EuSorContext,
  actor: Actor,
  options: { limit?: number; retry?: EuSorState[] } = {},
): Promise<SubmitSummary> {
  const settings = ctx.euSor
  if (!settings) throw notConfiguredError()
  const rows = await listUnsentStatements(ctx.db, options.limit ?? 500, options.retry ?? [])
  const prepared = await prepareStatements(ctx.db, rows)
  const summary = emptySummary()
  const refused = unsendable(prepared)
  await recordOutcomes(ctx.db, actor, ctx.clock.now(), refused, false)
  tally(summary, refused)
  const ready = prepared.filter((p): p is Ready => p.kind === 'ready')
  const client = new EuSorClient(settings)
  const size = Math.min(EU_SOR_MAX_BATCH, Math.max(1, settings.batchSize))
  for (let start = 0; start < ready.length; start += size) {
    const batch = ready.slice(start, start + size)
    try {
      await sendBatch(ctx, actor, client, batch, summary)
    } catch (error) {
      if (!(error instanceof EuSorError) || error.reason !== 'unavailable') throw error
      // @NOTE The statements of later batches were not tried: they stay unsent, for next time.
      summary.pending += ready.length - start - batch.length
      summary.error = error.message
      break
    }
  }
  return summary
}

function emptySummary(): SubmitSummary {
  return {
    submitted: 0,
    alreadyThere: 0,
    invalid: 0,
    rejected: 0,
    notApplicable: 0,
    pending: 0,
    calls: 0,
    notSent: [],
  }
}

function unsendable(prepared: readonly Prepared[]): Outcome[] {
  return prepared.flatMap((p): Outcome[] => {
    if (p.kind === 'ready') return []
    const { decisionId, puid } = p
    if (p.kind === 'invalid') return [{ decisionId, puid, state: 'invalid', problems: p.problems }]
    return [{ decisionId, puid, state: 'not_applicable', lastError: p.reason }]
  })
}

/** Adds outcomes to the summary, by state. */
function tally(summary: SubmitSummary, outcomes: readonly Outcome[]): void {
  for (const o of outcomes) {
    if (o.state === 'submitted' && o.alreadyThere) summary.alreadyThere += 1
    else if (o.state === 'submitted') summary.submitted += 1
    else if (o.state === 'not_applicable') summary.notApplicable += 1
    else summary[o.state] += 1
    if (o.state !== 'submitted' && o.state !== 'pending') {
      const why = o.problems?.map((p) => `${p.field}: ${p.message}`).join('; ') ?? o.lastError
      summary.notSent.push({ decisionId: o.decisionId, state: o.state, why: why ?? o.state })
    }
  }
}

/**
 * One batch until every statement in it is settled: the database creates all or none, so after
 * a refusal naming some statements (a broken rule, a puid already there) the rest is sent again.
 */
async function sendBatch(
  ctx: EuSorContext,
  actor: Actor,
  client: EuSorClient,
  batch: readonly Ready[],
  summary: SubmitSummary,
): Promise<void> {
  const record = async (outcomes: Outcome[]) => {
    await recordOutcomes(ctx.db, actor, ctx.clock.now(), outcomes, true)
    tally(summary, outcomes)
  }
  let left = [...batch]
  while (left.length > 0) {
    summary.calls += 1
    const sent = left
    const answer = await client
      .postStatements(sent.map((r) => r.statement))
      .catch(async (error) => {
        if (error instanceof EuSorError && error.reason === 'unavailable') {
          await record(sent.map((r) => failed(r, error.message)))
        }
        throw error
      })
    const outcomes = await settle(client, sent, answer, ctx.clock.now())
    await record(outcomes)
    const settled = new Set(outcomes.map((o) => o.decisionId))
    left = sent.filter((r) => !settled.has(r.decisionId))
  }
}

/** The outcomes an answer settles; every statement of the call when it names none. */
async function settle(
  client: EuSorClient,
  sent: readonly Ready[],
  answer: BatchAnswer,
  at: Date,
): Promise<Outcome[]> {
  if (answer.kind === 'created') {
    const byPuid = new Map(answer.created.map((c) => [c.puid, c]))
    return sent.map((r) => ({
      ...base(r, 'submitted'),
      submittedAt: at,
      euUuid: byPuid.get(r.statement.puid)?.uuid ?? null,
      euPermalink: byPuid.get(r.statement.puid)?.permalink ?? null,
      redactions: r.redactions,
    }))
  }
  const named =
    answer.kind === 'invalid'
      ? invalidOutcomes(sent, answer.byIndex)
      : answer.kind === 'duplicates'
        ? await duplicateOutcomes(client, sent, answer.puids, at)
        : []
  if (named.length > 0) return named
  const message =
    answer.kind === 'refused'
      ? answer.message
      : 'the database refused the call without naming a statement of it'
  return sent.map((r) => rejected(r, message))
}

function invalidOutcomes(sent: readonly Ready[], byIndex: Map<number, ReportedProblem[]>) {
  return [...byIndex].flatMap(([index, problems]): Outcome[] => {
    const r = sent[index]
    if (!r) return []
    const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ')
    return [{ ...rejected(r, message), problems }]
  })
}

/** Each puid the database says it has is checked; found means it is there: submitted. */
async function duplicateOutcomes(
  client: EuSorClient,
  sent: readonly Ready[],
  puids: readonly string[],
  at: Date,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  for (const r of sent.filter((r) => puids.includes(r.statement.puid))) {
    if (await client.puidExists(r.statement.puid)) {
      outcomes.push({ ...base(r, 'submitted'), submittedAt: at, alreadyThere: true })
    } else {
      const message =
        'the database called the puid a duplicate but does not find it; it is sent again later'
      outcomes.push(failed(r, message))
    }
  }
  return outcomes
}

function base(r: Ready, state: EuSorState): Outcome {
  return { decisionId: r.decisionId, puid: r.statement.puid, state }
}

function rejected(r: Ready, message: string): Outcome {
  return { ...base(r, 'rejected'), lastError: message }
}

function failed(r: Ready, message: string): Outcome {
  return { ...base(r, 'pending'), lastError: message }
}
