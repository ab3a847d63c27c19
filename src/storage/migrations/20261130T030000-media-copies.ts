import { type Kysely, sql } from 'kysely'

/**
 * Re-upload prevention and copies of removed media: subjects are found by their media hashes
 * (exact SHA-256, MD5 and PDQ through one GIN index; near PDQ by a scan of recent media subjects),
 * and a decision can be reversed only once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create index subject_media_hash_idx on subject using gin (media jsonb_path_ops)
  where media <> '[]'::jsonb;
create index subject_media_created_idx on subject (created_at) where media <> '[]'::jsonb;
create unique index decision_reverses_idx on decision (reverses_decision_id)
  where reverses_decision_id is not null;
`
