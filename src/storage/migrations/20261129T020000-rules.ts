import { type Kysely, sql } from 'kysely'

/**
 * Declarative rules: a rule with its state, its immutable versions, the outcomes of live and
 * shadow rules beside each other, and a revision each process polls to reload its rules. Subjects
 * keep the author's account creation time so backtests see the account age that ingest saw.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create table rule (
  id uuid primary key,
  name text not null unique,
  state text not null check (state in ('draft', 'shadow', 'live')),
  current_version integer not null,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table rule_version (
  rule_id uuid not null references rule (id),
  version integer not null check (version >= 1),
  format text not null check (format in ('json', 'yaml')),
  source text not null,
  document jsonb not null,
  created_by text not null,
  created_at timestamptz not null,
  primary key (rule_id, version)
);

-- Versions are immutable: what a rule said when it acted must stay readable.
create function rule_version_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'rule versions are immutable; add a new version instead';
end
$$;
create trigger rule_version_no_change before update or delete on rule_version
  for each row execute function rule_version_immutable();

create table rule_outcome (
  id bigserial primary key,
  subject_id uuid not null references subject (id),
  rule_id uuid not null,
  version integer not null,
  mode text not null check (mode in ('live', 'shadow')),
  verdict text,
  harm text,
  queue text,
  priority integer,
  action text,
  created_at timestamptz not null,
  foreign key (rule_id, version) references rule_version (rule_id, version)
);
create index rule_outcome_rule_idx on rule_outcome (rule_id, created_at desc);
create index rule_outcome_subject_idx on rule_outcome (subject_id);

-- One row; bumped by every rule change so each process knows when to reload its rules.
create table rule_revision (
  id boolean primary key default true check (id),
  revision bigint not null
);
insert into rule_revision (id, revision) values (true, 0);

alter table subject add column author_created_at timestamptz;
-- Author facts (recent subjects in a window) and backtests (subjects since a date).
create index subject_author_created_idx on subject (author_id, created_at);
create index subject_created_idx on subject (created_at, id);
create index decision_subject_idx on decision (subject_id, created_at);
`
