import { type Kysely, sql } from 'kysely'

/**
 * Appeal links for authors (a token per decision, sent with the statement of reasons) and the
 * assessment of each notice a decision settled, for the misuse policy (DSA Art. 23(2)).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
-- The author's appeal token of a decision: only its SHA-256 is kept.
create table appeal_token (
  decision_id uuid primary key references decision (id),
  token_hash text not null unique,
  created_at timestamptz not null
);

-- How a decision judged each notice of its case; keyed by the notice's sender for the misuse count.
create table notice_assessment (
  report_id uuid primary key references report (id),
  decision_id uuid not null references decision (id),
  reporter_key text not null,
  assessment text check (assessment in ('founded', 'unfounded', 'manifestly_unfounded')),
  notice_at timestamptz not null,
  assessed_at timestamptz not null
);
create index notice_assessment_reporter_idx on notice_assessment (reporter_key, notice_at);
`
