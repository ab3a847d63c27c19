import {
  type Bank,
  type BankEntry,
  type BankEntryInput,
  type BankInput,
  type BankKind,
  normaliseBankValue,
  validateBankValue,
} from '../core/bank.js'
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import type { ListEntry } from '../detection/matcher.js'
import {
  bumpBankRevision,
  countBankEntries,
  currentBankRevision,
  findBank,
  insertBank,
  insertBankEntries,
  listActiveEntries,
  listBanks,
} from '../storage/repos/bank-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'
import { assertKnownHarm } from './validate-harm.js'

export async function createBank(
  ctx: ServiceContext,
  actor: Actor,
  input: BankInput,
): Promise<Bank> {
  assertKnownHarm(ctx.taxonomy, input.harm)
  const bank: Bank = {
    id: crypto.randomUUID(),
    name: input.name,
    kind: input.kind,
    harm: input.harm,
    source: input.source,
    action: input.action,
    description: input.description ?? null,
    enabled: true,
    createdAt: ctx.clock.now(),
  }
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await insertBank(tx, bank))) {
      throw new ConflictError(`a bank named "${bank.name}" already exists`, { field: 'name' })
    }
    await bumpBankRevision(tx)
    await recordAudit(tx, actor, bank.createdAt, [
      {
        action: 'bank.created',
        entityType: 'bank',
        entityId: bank.id,
        data: { name: bank.name, kind: bank.kind, harm: bank.harm },
      },
    ])
  })
  return bank
}

export async function listBanksWithCounts(ctx: ServiceContext) {
  const banks = await listBanks(ctx.db)
  return Promise.all(
    banks.map(async (b) => ({ ...b, entries: await countBankEntries(ctx.db, b.id) })),
  )
}

/** Adds entries (all or none: one bad value refuses the batch) and refreshes the matchers. */
export async function addBankEntries(
  ctx: ServiceContext,
  actor: Actor,
  bankId: string,
  inputs: readonly BankEntryInput[],
): Promise<{ added: number; skipped: number }> {
  const bank = await findBank(ctx.db, bankId)
  if (!bank) throw new NotFoundError('bank', bankId)
  const at = ctx.clock.now()
  const entries = inputs.map((input, i) => toEntry(bank, input, i, actor, at))
  const added = await ctx.db.transaction().execute(async (tx) => {
    const n = await insertBankEntries(tx, entries)
    await bumpBankRevision(tx)
    await recordAudit(tx, actor, at, [
      {
        action: 'bank.entries_added',
        entityType: 'bank',
        entityId: bank.id,
        data: { added: n, submitted: entries.length },
      },
    ])
    return n
  })
  await reloadBankMatchers(ctx)
  return { added, skipped: entries.length - added }
}

function toEntry(
  bank: Bank,
  input: BankEntryInput,
  index: number,
  actor: Actor,
  at: Date,
): BankEntry {
  const value = normaliseBankValue(bank.kind, input.value)
  const problem = validateBankValue(bank.kind, value)
  if (problem) {
    throw new InvalidInputError(`entries[${index}].value: ${problem}`, {
      field: `entries[${index}].value`,
    })
  }
  return {
    id: crypto.randomUUID(),
    bankId: bank.id,
    value,
    note: input.note ?? null,
    addedBy: actor.id,
    createdAt: at,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    disabledAt: null,
  }
}

/**
 * Reloads this process's matchers when another process changed the banks (polled, so it works
 * the same on PGlite and PostgreSQL); returns whether it reloaded.
 */
export async function refreshBankMatchersIfChanged(ctx: ServiceContext): Promise<boolean> {
  const revision = await currentBankRevision(ctx.db)
  if (ctx.detection.bankRevision === revision) return false
  await reloadBankMatchers(ctx)
  return true
}

/** Loads every active entry into the in-memory matchers of this process. */
export async function reloadBankMatchers(ctx: ServiceContext): Promise<void> {
  const revision = await currentBankRevision(ctx.db)
  const active = await listActiveEntries(ctx.db, ctx.clock.now())
  const byKind: Record<BankKind, ListEntry[]> = { sha256: [], url: [], keyword: [] }
  for (const { entry, bank } of active) {
    byKind[bank.kind].push({
      entryId: entry.id,
      bankId: bank.id,
      bankName: bank.name,
      harm: bank.harm,
      action: bank.action,
      value: entry.value,
    })
  }
  ctx.detection.loadBanks(byKind, revision)
}
