import { type Kysely, sql } from 'kysely'

/**
 * The moderator console's local accounts and their sessions. A session's id is the SHA-256 of
 * the cookie's token, so a copy of this table lets nobody sign in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create table console_user (
  id uuid primary key,
  email text not null,
  name text not null,
  role text not null check (role in ('admin', 'moderator', 'triage', 'child_safety',
    'appeals_reviewer', 'law_enforcement_liaison', 'auditor')),
  password_hash text not null,
  preferences jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  disabled_at timestamptz
);
create unique index console_user_email_key on console_user (lower(email));

create table console_session (
  id text primary key,
  user_id uuid not null references console_user (id),
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen_at timestamptz not null,
  revoked_at timestamptz
);
create index console_session_user_idx on console_session (user_id) where revoked_at is null;
`
