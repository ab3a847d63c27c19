import { type Expression, type SqlBool, sql } from 'kysely'
import type { Subject } from '../../core/subject.js'
import type { Executor } from '../database.js'
import { rowToSubject } from './subject-repo.js'

/** Media hashes to look for: lowercase hex, as subjects store them. */
export interface MediaHashes {
  sha256: readonly string[]
  md5: readonly string[]
  pdq: readonly string[]
}

export interface CopySearch {
  /** The subject whose copies are sought; never returned. */
  excludeSubjectId: string
  limit: number
}

/**
 * Subjects whose media carry one of the hashes exactly (SHA-256, MD5, or an identical PDQ), at any
 * age, through the GIN index on `subject.media`. Left out: private-surface subjects (Vigil does not
 * scan private content proactively) and uploads blocked at ingest (never published).
 */
export async function findSubjectsWithMediaHashes(
  db: Executor,
  hashes: MediaHashes,
  search: CopySearch,
): Promise<Subject[]> {
  const probes = [
    ...hashes.sha256.map((sha256) => [{ sha256 }]),
    ...hashes.md5.map((md5) => [{ md5 }]),
    ...hashes.pdq.map((pdq) => [{ pdq }]),
  ]
  if (probes.length === 0) return []
  const rows = await db
    .selectFrom('subject')
    .selectAll()
    .where(hasMedia())
    .where('id', '<>', search.excludeSubjectId)
    .where('surface', '<>', 'private')
    .where(wasPublished())
    .where((eb) =>
      eb.or(probes.map((probe) => sql<SqlBool>`media @> ${JSON.stringify(probe)}::jsonb`)),
    )
    .orderBy('created_at')
    .limit(search.limit)
    .execute()
  return rows.map(rowToSubject)
}

/**
 * Subjects posted since `since` whose media have a PDQ hash within `maxDistance` bits of one of
 * `pdq`: a scan of the media subjects of that period (an index on their creation time), with
 * the Hamming distance computed in SQL.
 */
export async function findSubjectsNearPdq(
  db: Executor,
  pdq: readonly string[],
  near: CopySearch & { maxDistance: number; since: Date },
): Promise<Subject[]> {
  if (pdq.length === 0) return []
  const rows = await db
    .selectFrom('subject as s')
    .selectAll()
    .where(hasMedia())
    .where('s.created_at', '>=', near.since)
    .where('s.id', '<>', near.excludeSubjectId)
    .where('s.surface', '<>', 'private')
    .where(wasPublished())
    .where(
      sql<SqlBool>`exists (
        select 1 from jsonb_array_elements(s.media) as m, unnest(${[...pdq]}::text[]) as q(hash)
        where m->>'pdq' is not null
          and bit_count(('x' || (m->>'pdq'))::bit(256) # ('x' || q.hash)::bit(256))
            <= ${near.maxDistance}
      )`,
    )
    .orderBy('s.created_at')
    .limit(near.limit)
    .execute()
  return rows.map(rowToSubject)
}

/** Not blocked at upload: a blocked upload was never published, and its own case handles it. */
function wasPublished(): Expression<SqlBool> {
  return sql<SqlBool>`verdict is distinct from 'block'`
}

/** The predicate of the partial media indexes, so the planner can use them. */
function hasMedia(): Expression<SqlBool> {
  return sql<SqlBool>`media <> '[]'::jsonb`
}
