import { type Kysely, sql } from 'kysely'

/** The core loop: subjects, signals, cases, reports, decisions, webhooks, banks, keys, audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create table api_key (
  id uuid primary key,
  name text not null,
  role text not null,
  prefix text not null,
  key_hash text not null unique,
  created_at timestamptz not null,
  revoked_at timestamptz
);

create table subject (
  id uuid primary key,
  external_id text not null,
  kind text not null,
  surface text not null,
  author_id text,
  text text,
  url text,
  media jsonb not null default '[]',
  metadata jsonb not null default '{}',
  verdict text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (kind, external_id)
);
create index subject_author_idx on subject (author_id);

create table signal (
  id uuid primary key,
  subject_id uuid not null references subject (id),
  source text not null,
  harm text not null,
  score real not null,
  action text not null,
  matcher text not null,
  evidence jsonb not null,
  created_at timestamptz not null
);
create index signal_subject_idx on signal (subject_id);

create table moderation_case (
  id uuid primary key,
  subject_id uuid not null references subject (id),
  status text not null,
  queue text not null,
  priority integer not null,
  harm text,
  sla_deadline timestamptz not null,
  assignee text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index moderation_case_one_open_idx on moderation_case (subject_id) where status = 'open';
create index moderation_case_queue_idx on moderation_case (status, priority desc, created_at);

create table report (
  id uuid primary key,
  reference text not null unique,
  case_id uuid not null references moderation_case (id),
  subject_id uuid not null references subject (id),
  harm text not null,
  explanation text not null,
  content_urls jsonb not null,
  reporter_kind text not null,
  reporter_id text,
  reporter_name text,
  reporter_email text,
  filed_by text not null,
  created_at timestamptz not null
);
create index report_case_idx on report (case_id);

create table decision (
  id uuid primary key,
  case_id uuid not null references moderation_case (id),
  subject_id uuid not null references subject (id),
  harm text not null,
  ground jsonb not null,
  actions jsonb not null,
  statement text not null,
  automated_detection boolean not null,
  automated_decision text not null,
  decided_by text not null,
  created_at timestamptz not null
);
create index decision_case_idx on decision (case_id);

create table bank (
  id uuid primary key,
  name text not null unique,
  kind text not null,
  harm text not null,
  source text not null,
  action text not null,
  description text,
  enabled boolean not null,
  created_at timestamptz not null
);

create table bank_entry (
  id uuid primary key,
  bank_id uuid not null references bank (id),
  value text not null,
  note text,
  added_by text not null,
  created_at timestamptz not null,
  expires_at timestamptz,
  disabled_at timestamptz,
  unique (bank_id, value)
);

-- One row; bumped by every bank change so each process knows when to reload its matchers.
create table bank_revision (
  id boolean primary key default true check (id),
  revision bigint not null
);
insert into bank_revision (id, revision) values (true, 0);

create table webhook_endpoint (
  id uuid primary key,
  url text not null,
  secret text not null,
  events jsonb not null,
  description text,
  enabled boolean not null,
  created_at timestamptz not null
);

create table webhook_delivery (
  id text primary key,
  endpoint_id uuid not null references webhook_endpoint (id),
  event_type text not null,
  payload jsonb not null,
  status text not null,
  attempts integer not null default 0,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz
);
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc);

create table webhook_attempt (
  id bigserial primary key,
  delivery_id text not null references webhook_delivery (id),
  attempted_at timestamptz not null,
  status_code integer,
  error text,
  duration_ms integer not null
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id);

create table idempotency_record (
  scope text not null,
  key text not null,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null,
  primary key (scope, key)
);

create table audit_entry (
  id bigserial primary key,
  occurred_at timestamptz not null,
  actor text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  data jsonb not null,
  chain_seq bigint unique,
  prev_hash text,
  hash text
);
create index audit_entry_unsealed_idx on audit_entry (id) where chain_seq is null;
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id);
`
