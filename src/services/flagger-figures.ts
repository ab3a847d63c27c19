import type { Actor } from '../core/roles.js'
import type { FlaggerFigures } from '../core/trusted-flagger.js'
import { flaggerFigures } from '../storage/repos/flagger-repo.js'
import type { ServiceContext } from './service-context.js'
import { assertMayReadFlagger, getFlaggerOrThrow } from './trusted-flaggers.js'

const YEAR_MS = 365 * 24 * 3_600_000

/**
 * A flagger's figures for notices sent in [from, to) (DSA Art. 22; Art. 15(1)(b) reports):
 * notices sent, decided, upheld, the share upheld and the median time to decision. `to` defaults
 * to now and `from` to a year before `to`.
 */
export async function getFlaggerFigures(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  actor: Actor,
  flaggerId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<FlaggerFigures> {
  assertMayReadFlagger(actor, flaggerId)
  await getFlaggerOrThrow(ctx, flaggerId)
  const to = range.to ? new Date(range.to) : ctx.clock.now()
  const from = range.from ? new Date(range.from) : new Date(to.getTime() - YEAR_MS)
  const row = await flaggerFigures(ctx.db, flaggerId, { from, to })
  return {
    flaggerId,
    from,
    to,
    noticesSent: row.sent,
    decided: row.decided,
    upheld: row.upheld,
    shareUpheld: row.decided === 0 ? null : row.upheld / row.decided,
    medianSecondsToDecision: row.medianSeconds === null ? null : Math.round(row.medianSeconds),
  }
}
