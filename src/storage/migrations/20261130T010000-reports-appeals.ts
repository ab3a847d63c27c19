import { type Kysely, sql } from 'kysely'

/**
 * Reports, trusted flaggers, queues, statements of reasons, appeals and complaints, strikes and
 * account restrictions, reporter misuse, the notification outbox and rate-limit counters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
-- A secret made at first start (e.g. the key that turns an address into a pseudonym).
create table instance_secret (
  name text primary key,
  value text not null,
  created_at timestamptz not null
);

-- Registered trusted flaggers (DSA Art. 22) and authorities; their API keys point here.
create table trusted_flagger (
  id uuid primary key,
  name text not null unique,
  kind text not null check (kind in ('trusted_flagger', 'authority')),
  designation text,
  contact_email text,
  enabled boolean not null,
  created_by text not null,
  created_at timestamptz not null
);
alter table api_key add column flagger_id uuid references trusted_flagger (id);

alter table report add column channel text not null default 'api';
alter table report add column reporter_address text;
alter table report add column follow_up boolean not null default true;
alter table report add column status_token_hash text;
alter table report add column declarations jsonb;
alter table report add column flagger_id uuid references trusted_flagger (id);
alter table report add column triage text not null default 'normal';
alter table report add column outcome text;
alter table report add column outcome_at timestamptz;
alter table report add column outcome_decision_id uuid;
create index report_reporter_idx on report (reporter_id, created_at);
create index report_address_idx on report (reporter_address, created_at);
create index report_flagger_idx on report (flagger_id, created_at);

alter table moderation_case add column kind text not null default 'content';
alter table moderation_case add column claimed_until timestamptz;
alter table moderation_case add column legal_deadline timestamptz;
alter table moderation_case add column escalation text;
alter table moderation_case add column decided_at timestamptz;
drop index moderation_case_one_open_idx;
create unique index moderation_case_one_open_idx on moderation_case (subject_id)
  where status = 'open' and kind = 'content';
create index moderation_case_deadline_idx on moderation_case (sla_deadline) where status = 'open';

alter table decision add column statement_of_reasons jsonb;
alter table decision add column reverses_decision_id uuid references decision (id);
alter table decision add column appeal_id uuid;
alter table decision add column source_type text not null default 'own_initiative';
alter table decision add column decided_by_name text;

-- Appeals against decisions and the other complaints of Ofcom D11/D12 and OSA s.21.
create table appeal (
  id uuid primary key,
  reference text not null unique,
  kind text not null,
  decision_id uuid references decision (id),
  case_id uuid references moderation_case (id),
  appellant_role text not null,
  appellant_id text,
  appellant_email text,
  report_id uuid references report (id),
  grounds text not null,
  status text not null,
  expedited boolean not null default false,
  channel text not null,
  follow_up boolean not null default true,
  token_hash text,
  outcome_reasons text,
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz not null
);
create index appeal_decision_idx on appeal (decision_id);
create index appeal_status_idx on appeal (status, created_at);
alter table decision add constraint decision_appeal_fk foreign key (appeal_id) references appeal (id);

create table strike (
  id uuid primary key,
  account_id text not null,
  decision_id uuid not null references decision (id),
  harm text not null,
  severity integer not null,
  created_at timestamptz not null,
  expires_at timestamptz,
  removed_at timestamptz,
  removed_reason text
);
create index strike_account_idx on strike (account_id, created_at);

create table account_restriction (
  id uuid primary key,
  account_id text not null,
  kind text not null check (kind in ('warning', 'suspension', 'termination')),
  reason text not null,
  strike_points integer,
  decision_id uuid references decision (id),
  starts_at timestamptz not null,
  ends_at timestamptz,
  lifted_at timestamptz,
  lifted_reason text,
  created_at timestamptz not null
);
create index account_restriction_account_idx on account_restriction (account_id, created_at);

-- People who send many manifestly unfounded notices (DSA Art. 23(2)); keyed by reporter id or
-- pseudonymous address.
create table reporter_standing (
  reporter_key text primary key,
  warned_at timestamptz,
  restriction text,
  restricted_until timestamptz,
  updated_at timestamptz not null
);

-- Every message owed to a reporter, author or appellant; delivered by the platform through the
-- notification.requested webhook, and shown on the public status pages.
create table notification (
  id uuid primary key,
  kind text not null,
  recipient_role text not null,
  recipient_id text,
  recipient_email text,
  report_id uuid references report (id),
  decision_id uuid references decision (id),
  appeal_id uuid references appeal (id),
  subject_line text not null,
  body text not null,
  status text not null,
  created_at timestamptz not null
);
create index notification_report_idx on notification (report_id);
create index notification_decision_idx on notification (decision_id);
create index notification_appeal_idx on notification (appeal_id);

-- Fixed-window counters shared by every API process.
create table rate_limit_hit (
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (bucket, window_start)
);
`
