import { SEAL_BATCH, sealPendingEntries } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

/** Seals everything pending, a batch per transaction; returns how many entries it sealed. */
export async function sealAuditLog(ctx: Pick<ServiceContext, 'db'>): Promise<number> {
  let total = 0
  for (;;) {
    const sealed = await ctx.db.transaction().execute((tx) => sealPendingEntries(tx))
    total += sealed
    if (sealed < SEAL_BATCH) return total
  }
}
