import type { Selectable } from 'kysely'
import type { Subject, SubjectKind, Surface, Verdict } from '../../core/subject.js'
import type { Executor } from '../database.js'
import type { SubjectTable } from '../schema/subject.js'

type SubjectRow = Selectable<SubjectTable>

export function rowToSubject(row: SubjectRow): Subject {
  return {
    id: row.id,
    externalId: row.external_id,
    kind: row.kind as SubjectKind,
    surface: row.surface as Surface,
    authorId: row.author_id,
    text: row.text,
    url: row.url,
    media: row.media,
    metadata: row.metadata,
    verdict: row.verdict as Verdict | null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export type SubjectUpsert = Omit<Subject, 'createdAt' | 'updatedAt'> & { at: Date }

/**
 * Records a subject a report names, unless Vigil knows it already: then the known one is
 * returned unchanged (a report does not overwrite what the platform sent).
 */
export async function ensureSubject(db: Executor, subject: SubjectUpsert): Promise<Subject> {
  const row = await db
    .insertInto('subject')
    .values({
      id: subject.id,
      external_id: subject.externalId,
      kind: subject.kind,
      surface: subject.surface,
      author_id: subject.authorId,
      text: subject.text,
      url: subject.url,
      media: JSON.stringify(subject.media),
      metadata: JSON.stringify(subject.metadata),
      verdict: subject.verdict,
      created_at: subject.at,
      updated_at: subject.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['kind', 'external_id'])
        .doUpdateSet((eb) => ({ updated_at: eb.ref('subject.updated_at') })),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
  return rowToSubject(row)
}

export async function findSubject(db: Executor, id: string): Promise<Subject | undefined> {
  const row = await db.selectFrom('subject').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? rowToSubject(row) : undefined
}

export async function anySubjectExists(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('subject').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}
