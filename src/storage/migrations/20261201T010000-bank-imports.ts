import { type Kysely, sql } from 'kysely'

/**
 * Bank files uploaded to the API are imported by a job: this row holds the file until the job
 * has finished with it, and the counts the console polls while it runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create table bank_import (
  id uuid primary key,
  bank_id uuid not null references bank (id),
  format text not null check (format in ('jsonl', 'hma-csv')),
  status text not null check (status in ('queued', 'checking', 'writing', 'done', 'failed')),
  file bytea check (octet_length(file) <= 536870912),
  file_bytes integer not null check (file_bytes >= 0),
  lines_total integer not null,
  lines_checked integer not null default 0,
  entries_total integer,
  entries_written integer not null default 0,
  entries_skipped integer not null default 0,
  other_signal_type integer not null default 0,
  problems jsonb not null default '[]'::jsonb,
  problem_count integer not null default 0,
  error text,
  started_by text not null,
  created_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  check ((status in ('done', 'failed')) = (finished_at is not null))
);
create index bank_import_bank_idx on bank_import (bank_id, created_at desc, id desc);
`
