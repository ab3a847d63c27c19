import type { ModerationCase } from '../../core/moderation-case.js'
import type { Executor } from '../database.js'
import { rowToCase } from './case-repo.js'

/**
 * Takes or renews the claim in one conditional UPDATE, so of two moderators claiming at once
 * exactly one wins: the row is updated only while it is open and nobody else holds a live claim.
 */
export async function claimIfFree(
  db: Executor,
  id: string,
  claim: { assignee: string; until: Date; now: Date },
): Promise<ModerationCase | undefined> {
  const row = await db
    .updateTable('moderation_case')
    .set({ assignee: claim.assignee, claimed_until: claim.until, updated_at: claim.now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where((eb) =>
      eb.or([
        eb('claimed_until', 'is', null),
        eb('claimed_until', '<=', claim.now),
        eb('assignee', '=', claim.assignee),
      ]),
    )
    .returningAll()
    .executeTakeFirst()
  return row ? rowToCase(row) : undefined
}

/** Gives the case to `assignee` whoever held it; the caller has it locked FOR UPDATE. */
export async function setAssignee(
  db: Executor,
  id: string,
  change: { assignee: string | null; until: Date | null; now: Date },
): Promise<ModerationCase> {
  const row = await db
    .updateTable('moderation_case')
    .set({ assignee: change.assignee, claimed_until: change.until, updated_at: change.now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return rowToCase(row)
}
