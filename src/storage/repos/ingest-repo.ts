import { sql } from 'kysely'
import type { SignalInput } from '../../core/signal.js'
import type { Executor } from '../database.js'
import type { SubjectUpsert } from './subject-repo.js'

export type SignalToWrite = SignalInput & { id: string; createdAt: Date }
/** The subject's audit entry; it is dated with the subject's time. */
export interface AuditToWrite {
  actor: string
  action: string
  data: Record<string, unknown>
}

/** A live or shadow rule that matched the subject, recorded beside it. */
export interface RuleOutcomeToWrite {
  ruleId: string
  version: number
  mode: 'live' | 'shadow'
  verdict: string | null
  harm: string | null
  queue: string | null
  priority: number | null
  action: string | null
}

export interface IngestWrite {
  subject: SubjectUpsert
  /** When the author's account was created, if the platform said. */
  authorCreatedAt: Date | null
  signals: readonly SignalToWrite[]
  ruleOutcomes: readonly RuleOutcomeToWrite[]
  audit: AuditToWrite
}

/**
 * Writes ingested subjects (inserted, or updated when the platform sends the same id again),
 * their signals, rule outcomes and audit entries in ONE statement: atomic without a transaction, one
 * round trip, and one commit for a whole batch. No two items may name the same subject.
 * Returns each subject's id (the existing one on an update), in input order.
 */
export async function writeIngestedSubjects(
  db: Executor,
  items: readonly IngestWrite[],
): Promise<string[]> {
  const rows = JSON.stringify(items.map(toRow))
  const result = await sql<{ n: number; id: string }>`
    with input as (
      select * from jsonb_to_recordset(${rows}::jsonb) as r(
        n int, id uuid, external_id text, kind text, surface text, author_id text,
        author_created_at timestamptz, text text, url text, media jsonb, metadata jsonb,
        verdict text, at timestamptz, actor text, action text, audit jsonb, signals jsonb,
        outcomes jsonb)
    ), s as (
      insert into subject (id, external_id, kind, surface, author_id, author_created_at, text, url,
                           media, metadata, verdict, created_at, updated_at)
      select id, external_id, kind, surface, author_id, author_created_at, text, url, media,
             metadata, verdict, at, at
      from input order by n
      on conflict (kind, external_id) do update set
        surface = excluded.surface, author_id = excluded.author_id,
        author_created_at = excluded.author_created_at, text = excluded.text,
        url = excluded.url, media = excluded.media, metadata = excluded.metadata,
        verdict = excluded.verdict, updated_at = excluded.updated_at
      returning id, kind, external_id
    ), j as (
      select input.n, s.id as subject_id, input.at, input.actor, input.action, input.audit,
             input.signals, input.outcomes
      from s join input on input.kind = s.kind and input.external_id = s.external_id
    ), g as (
      insert into signal (id, subject_id, source, harm, score, action, matcher, evidence, created_at)
      select v.id, j.subject_id, v.source, v.harm, v.score, v.action, v.matcher, v.evidence, j.at
      from j cross join jsonb_to_recordset(j.signals) as v(
        id uuid, source text, harm text, score real, action text, matcher text, evidence jsonb)
    ), o as (
      insert into rule_outcome (subject_id, rule_id, version, mode, verdict, harm, queue, priority,
                                action, created_at)
      select j.subject_id, v.rule_id, v.version, v.mode, v.verdict, v.harm, v.queue, v.priority,
             v.action, j.at
      from j cross join jsonb_to_recordset(j.outcomes) as v(
        rule_id uuid, version int, mode text, verdict text, harm text, queue text, priority int,
        action text)
    ), a as (
      insert into audit_entry (occurred_at, actor, action, entity_type, entity_id, data)
      select at, actor, action, 'subject', subject_id::text, audit from j order by n
    )
    select n, subject_id as id from j`.execute(db)
  const ids = new Array<string>(items.length)
  for (const row of result.rows) ids[row.n] = row.id
  if (ids.some((id) => id === undefined) || result.rows.length !== items.length) {
    throw new Error('an ingested subject was not written')
  }
  return ids
}

function toRow(item: IngestWrite, n: number) {
  const { subject, audit } = item
  return {
    n,
    id: subject.id,
    external_id: subject.externalId,
    kind: subject.kind,
    surface: subject.surface,
    author_id: subject.authorId,
    author_created_at: item.authorCreatedAt?.toISOString() ?? null,
    text: subject.text,
    url: subject.url,
    media: subject.media,
    metadata: subject.metadata,
    verdict: subject.verdict,
    at: subject.at.toISOString(),
    actor: audit.actor,
    action: audit.action,
    audit: audit.data,
    signals: item.signals.map(({ createdAt: _c, ...signal }) => signal),
    outcomes: item.ruleOutcomes.map((o) => ({
      rule_id: o.ruleId,
      version: o.version,
      mode: o.mode,
      verdict: o.verdict,
      harm: o.harm,
      queue: o.queue,
      priority: o.priority,
      action: o.action,
    })),
  }
}
