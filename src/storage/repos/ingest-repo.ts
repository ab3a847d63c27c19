import { sql } from 'kysely'
import type { SignalInput } from '../../core/signal.js'
import type { Executor } from '../database.js'
import type { NewAuditEntry } from './audit-repo.js'
import type { SubjectUpsert } from './subject-repo.js'

export type SignalToWrite = SignalInput & { id: string; createdAt: Date }
export type AuditToWrite = Omit<NewAuditEntry, 'entityId'>

/**
 * Writes an ingested subject (inserted, or updated when the platform sends the same id again),
 * its signals and its audit entry in ONE statement: atomic without a transaction, and one round
 * trip on the hot path. Returns the subject's id (the existing one on an update).
 */
export async function writeIngestedSubject(
  db: Executor,
  subject: SubjectUpsert,
  signals: readonly SignalToWrite[],
  audit: AuditToWrite,
): Promise<string> {
  const signalRows = JSON.stringify(
    signals.map((s) => ({ ...s, created_at: s.createdAt.toISOString(), createdAt: undefined })),
  )
  const result = await sql<{ id: string }>`
    with s as (
      insert into subject (id, external_id, kind, surface, author_id, text, url, media, metadata,
                           verdict, created_at, updated_at)
      values (${subject.id}, ${subject.externalId}, ${subject.kind}, ${subject.surface},
              ${subject.authorId}, ${subject.text}, ${subject.url}, ${JSON.stringify(subject.media)},
              ${JSON.stringify(subject.metadata)}, ${subject.verdict}, ${subject.at}, ${subject.at})
      on conflict (kind, external_id) do update set
        surface = excluded.surface, author_id = excluded.author_id, text = excluded.text,
        url = excluded.url, media = excluded.media, metadata = excluded.metadata,
        verdict = excluded.verdict, updated_at = excluded.updated_at
      returning id
    ), g as (
      insert into signal (id, subject_id, source, harm, score, action, matcher, evidence, created_at)
      select v.id, s.id, v.source, v.harm, v.score, v.action, v.matcher, v.evidence, v.created_at
      from s cross join jsonb_to_recordset(${signalRows}::jsonb) as v(
        id uuid, source text, harm text, score real, action text, matcher text, evidence jsonb,
        created_at timestamptz)
    ), a as (
      insert into audit_entry (occurred_at, actor, action, entity_type, entity_id, data)
      select ${audit.occurredAt}, ${audit.actor}, ${audit.action}, ${audit.entityType}, s.id::text,
             ${JSON.stringify(audit.data)}::jsonb
      from s
    )
    select id from s`.execute(db)
  const row = result.rows[0]
  if (!row) throw new Error(`subject ${subject.externalId} was not written`)
  return row.id
}
