import { type Kysely, sql } from 'kysely'

/** The moderator's illegal content judgement (Ofcom ICU C1), kept with the decision it led to. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table decision add column judgement jsonb`.execute(db)
}
