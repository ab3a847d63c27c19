import { type Kysely, sql } from 'kysely'

/**
 * The parts of a case's priority (severity, reach, source trust, rule floor, escalation boost),
 * kept so the case view can explain the number (Ofcom ICU C5).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
alter table moderation_case add column priority_basis jsonb;
create index moderation_case_assignee_idx on moderation_case (assignee) where status = 'open';
`
