import { type Kysely, sql } from 'kysely'

/**
 * Statements of reasons sent to the EU DSA Transparency Database (DSA Art. 24(5)): one row per
 * restrictive decision once Vigil has tried to send it. A decision with a statement and no row
 * is pending.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create table eu_sor_submission (
  decision_id uuid primary key references decision (id),
  puid text not null unique,
  state text not null check (state in ('pending', 'submitted', 'invalid', 'rejected', 'not_applicable')),
  attempts integer not null default 0,
  submitted_at timestamptz,
  eu_uuid text,
  eu_permalink text,
  already_there boolean not null default false,
  last_error text,
  problems jsonb,
  updated_at timestamptz not null
);
create index eu_sor_submission_state_idx on eu_sor_submission (state);
-- Pending statements are found by the decisions' time order.
create index decision_sor_created_idx on decision (created_at, id)
  where statement_of_reasons is not null;
`
