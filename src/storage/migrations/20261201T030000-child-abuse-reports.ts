import { type Kysely, sql } from 'kysely'

/**
 * NCA and NCMEC child sexual abuse reports: one live report per case and channel, drafted from a
 * case, approved by a person and sent by the worker; the external reference is kept five years.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create table child_abuse_report (
  id uuid primary key,
  case_id uuid not null references moderation_case (id),
  decision_id uuid references decision (id),
  subject_id uuid not null references subject (id),
  account_id text,
  media_sha256 text[] not null default '{}',
  channel text not null check (channel in ('nca', 'ncmec')),
  priority text not null check (priority in ('P1', 'P2', 'P3')),
  status text not null check (status in ('draft', 'approved', 'sent', 'failed', 'retracted')),
  payload jsonb not null,
  supplied jsonb,
  due_at timestamptz not null,
  external_reference text,
  duplicate_of uuid references child_abuse_report (id),
  override_reason text,
  created_by text not null,
  created_at timestamptz not null,
  approved_by text,
  approved_at timestamptz,
  sent_by text,
  sent_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  retrying boolean not null default false,
  reference_retain_until timestamptz,
  updated_at timestamptz not null
);
create unique index child_abuse_report_case_channel_key on child_abuse_report (case_id, channel)
  where status <> 'retracted';
create index child_abuse_report_media_idx on child_abuse_report using gin (media_sha256);
create index child_abuse_report_account_idx on child_abuse_report (account_id);
create index child_abuse_report_due_idx on child_abuse_report (due_at)
  where status in ('draft', 'approved', 'failed');
`
