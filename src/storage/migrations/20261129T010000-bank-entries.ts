import { type Kysely, sql } from 'kysely'

/**
 * Bank entries get provenance (their own harm and source, the exchange's reference, PDQ quality),
 * retraction, and the revision of the change that last touched them, so each process can apply
 * bank changes incrementally instead of reloading every entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
alter table bank add column revision bigint not null default 0;

alter table bank_entry add column harm text;
alter table bank_entry add column source text;
alter table bank_entry add column external_ref text;
alter table bank_entry add column quality integer;
alter table bank_entry add column retracted_at timestamptz;
alter table bank_entry add column retraction_reason text;
alter table bank_entry add column revision bigint not null default 0;

-- Processes read "what changed since revision N".
create index bank_entry_revision_idx on bank_entry (revision, id);
`
