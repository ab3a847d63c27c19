import { type Kysely, sql } from 'kysely'

/**
 * Evidence items, their wrapped data keys, legal holds and preservation requests. An item's
 * bytes live encrypted in the blob store; deleting its `evidence_key` row crypto-shreds them, and
 * the item row stays with its hash and the time and reason of the erasure.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create table evidence_item (
  id uuid primary key,
  preservation_id uuid not null,
  case_id uuid not null references moderation_case (id),
  subject_id uuid not null references subject (id),
  harm text,
  record_type text not null,
  kind text not null,
  label text not null,
  content_type text not null,
  size integer,
  sha256 text,
  blob_key text,
  unavailable_reason text,
  preserved_at timestamptz not null,
  preserved_by text not null,
  reason text not null,
  retain_until timestamptz not null,
  erased_at timestamptz,
  erasure_reason text,
  unique (preservation_id, label)
);
create index evidence_item_case_idx on evidence_item (case_id, preserved_at);
create index evidence_item_subject_idx on evidence_item (subject_id);
create index evidence_item_due_idx on evidence_item (retain_until) where erased_at is null;

create table evidence_key (
  item_id uuid primary key references evidence_item (id),
  master_key_id text not null,
  iv text not null,
  tag text not null,
  wrapped_key text not null
);

create table legal_hold (
  id uuid primary key,
  case_id uuid references moderation_case (id),
  subject_id uuid references subject (id),
  reason text not null,
  requester text not null,
  placed_by text not null,
  placed_at timestamptz not null,
  expires_at timestamptz,
  released_at timestamptz,
  released_by text,
  release_reason text,
  check ((case_id is null) <> (subject_id is null))
);
create index legal_hold_case_idx on legal_hold (case_id) where released_at is null;
create index legal_hold_subject_idx on legal_hold (subject_id) where released_at is null;

create table preservation_request (
  id uuid primary key,
  authority text not null,
  authority_reference text not null,
  case_id uuid not null references moderation_case (id),
  subject_id uuid not null references subject (id),
  received_at timestamptz not null,
  preserve_by timestamptz not null,
  status text not null,
  preserved_at timestamptz,
  preservation_id uuid not null,
  hold_id uuid not null references legal_hold (id),
  notes text,
  recorded_by text not null,
  recorded_at timestamptz not null
);
create index preservation_request_deadline_idx on preservation_request (preserve_by);
`
