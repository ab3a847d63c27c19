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

export interface IngestWrite {
  subject: SubjectUpsert
  signals: readonly SignalToWrite[]
  audit: AuditToWrite
}

/**
 * Writes ingested subjects (inserted, or updated when the platform sends the same id again),
 * their signals and their audit entries in ONE statement: atomic without a transaction, one
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
        n int, id uuid, external_id text, kind text, surface text, author_id text, text text,
        url text, media jsonb, metadata jsonb, verdict text, at timestamptz, actor text,
        action text, audit jsonb, signals jsonb)
    ), s as (
      insert into subject (id, external_id, kind, surface, author_id, text, url, media, metadata,
                           verdict, created_at, updated_at)
      select id, external_id, kind, surface, author_id, text, url, media, metadata, verdict, at, at
      from input order by n
      on conflict (kind, external_id) do update set
        surface = excluded.surface, author_id = excluded.author_id, text = excluded.text,
        url = excluded.url, media = excluded.media, metadata = excluded.metadata,
        verdict = excluded.verdict, updated_at = excluded.updated_at
      returning id, kind, external_id
    ), j as (
      select input.n, s.id as subject_id, input.at, input.actor, input.action, input.audit,
             input.signals
      from s join input on input.kind = s.kind and input.external_id = s.external_id
    ), g as (
      insert into signal (id, subject_id, source, harm, score, action, matcher, evidence, created_at)
      select v.id, j.subject_id, v.source, v.harm, v.score, v.action, v.matcher, v.evidence, j.at
      from j cross join jsonb_to_recordset(j.signals) as v(
        id uuid, source text, harm text, score real, action text, matcher text, evidence jsonb)
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
  }
}
