import { type Bank, type BankEntry, isEntryActive } from '../core/bank.js'
import type { BankChange, DetectionPipeline } from '../detection/pipeline.js'
import { type EntryCursor, listEntriesChangedSince } from '../storage/repos/bank-entry-repo.js'
import { currentBankRevision, listBanks } from '../storage/repos/bank-repo.js'
import type { ServiceContext } from './service-context.js'

const PAGE = 10_000
const running = new WeakMap<DetectionPipeline, Promise<number>>()

/**
 * Brings this process's matchers up to the banks' current revision: only the entries changed
 * since the revision they hold are read and applied (all of them on the first call), so a change
 * to one entry among millions costs one row. Concurrent calls share one run. Returns how many
 * entry changes were applied. A process that never detects (a CLI tool) holds no banks and skips
 * it.
 */
export async function syncBankMatchers(ctx: ServiceContext): Promise<number> {
  if (!ctx.detection.holdsBanks) return 0
  const inFlight = running.get(ctx.detection)
  if (inFlight) return inFlight
  const run = syncOnce(ctx).finally(() => running.delete(ctx.detection))
  running.set(ctx.detection, run)
  return run
}

async function syncOnce(ctx: ServiceContext): Promise<number> {
  const held = ctx.detection.bankRevision
  const revision = await currentBankRevision(ctx.db)
  if (revision === held) return 0
  // @NOTE A first load that failed part-way starts again from nothing.
  if (held === -1) ctx.detection.resetBanks()
  const banks = new Map((await listBanks(ctx.db)).map((bank) => [bank.id, bank]))
  const range = { after: held, upTo: revision }
  let cursor: EntryCursor | undefined
  let applied = 0
  for (;;) {
    const page = await listEntriesChangedSince(ctx.db, range, cursor, PAGE)
    const last = page.at(-1)
    const done = page.length < PAGE
    const changes = page.map((entry) => toChange(entry, banks, ctx.clock.now()))
    // @NOTE The revision is recorded with the last page only, so a failed sync is retried whole.
    ctx.detection.applyBankChanges([...banks.values()], changes, done ? revision : held)
    applied += changes.length
    if (done || !last) break
    cursor = { revision: last.revision, id: last.id }
  }
  return applied
}

function toChange(entry: BankEntry, banks: Map<string, Bank>, at: Date): BankChange {
  const bank = banks.get(entry.bankId) as Bank
  return {
    kind: bank.kind,
    active: isEntryActive(entry, at),
    entry: {
      entryId: entry.id,
      bankId: bank.id,
      bankName: bank.name,
      harm: entry.harm ?? bank.harm,
      action: bank.action,
      value: entry.value,
      expiresAt: entry.expiresAt?.getTime() ?? null,
      quality: entry.quality,
    },
  }
}
