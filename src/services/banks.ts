import {
  type Bank,
  type BankEntry,
  type BankEntryInput,
  type BankInput,
  normaliseBankValue,
  validateBankValue,
} from '../core/bank.js'
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import {
  countBankEntries,
  type EntryStatePatch,
  findBankEntry,
  insertBankEntries,
  listBankEntries,
  updateBankEntryState,
} from '../storage/repos/bank-entry-repo.js'
import {
  findBank,
  findBankByName,
  insertBank,
  listBanks,
  nextBankRevision,
  setBankEnabled,
} from '../storage/repos/bank-repo.js'
import { recordAudit } from './audit-log.js'
import { syncBankMatchers } from './bank-sync.js'
import type { ServiceContext } from './service-context.js'
import { assertKnownHarm } from './validate-harm.js'

export { syncBankMatchers } from './bank-sync.js'

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
    const revision = await nextBankRevision(tx)
    if (!(await insertBank(tx, bank, revision))) {
      throw new ConflictError(`a bank named "${bank.name}" already exists`, { field: 'name' })
    }
    await recordAudit(tx, actor, bank.createdAt, [
      {
        action: 'bank.created',
        entityType: 'bank',
        entityId: bank.id,
        data: { name: bank.name, kind: bank.kind, harm: bank.harm },
      },
    ])
  })
  await syncBankMatchers(ctx)
  return bank
}

export async function getBankOrThrow(ctx: ServiceContext, bankId: string): Promise<Bank> {
  const bank = await findBank(ctx.db, bankId)
  if (!bank) throw new NotFoundError('bank', bankId)
  return bank
}

export async function getBankByNameOrThrow(ctx: ServiceContext, name: string): Promise<Bank> {
  const bank = await findBankByName(ctx.db, name)
  if (!bank) throw new NotFoundError('bank', name)
  return bank
}

export async function listBanksWithCounts(ctx: ServiceContext) {
  const banks = await listBanks(ctx.db)
  const at = ctx.clock.now()
  return Promise.all(
    banks.map(async (b) => {
      const counts = await countBankEntries(ctx.db, b.id, at)
      return { ...b, entries: counts.total, activeEntries: counts.active }
    }),
  )
}

/** Adds entries (all or none: one bad value refuses the batch) and refreshes the matchers. */
export async function addBankEntries(
  ctx: ServiceContext,
  actor: Actor,
  bankId: string,
  inputs: readonly BankEntryInput[],
): Promise<{ added: number; skipped: number }> {
  const bank = await getBankOrThrow(ctx, bankId)
  const at = ctx.clock.now()
  const entries = inputs.map((input, i) => entryFromInput(ctx, bank, input, i, actor, at))
  const added = await ctx.db.transaction().execute(async (tx) => {
    const revision = await nextBankRevision(tx)
    const n = await insertBankEntries(tx, bank.id, entries, revision)
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
  await syncBankMatchers(ctx)
  return { added, skipped: entries.length - added }
}

/** Checks and normalises one entry; throws InvalidInputError naming `entries[i]`. */
export function entryFromInput(
  ctx: Pick<ServiceContext, 'taxonomy'>,
  bank: Bank,
  input: BankEntryInput,
  index: number,
  actor: Actor,
  at: Date,
): BankEntry {
  const value = normaliseBankValue(bank.kind, input.value)
  const problem = validateBankValue(bank.kind, value)
  const field = `entries[${index}]`
  if (problem)
    throw new InvalidInputError(`${field}.value: ${problem}`, { field: `${field}.value` })
  if (input.harm && !ctx.taxonomy.get(input.harm)) {
    throw new InvalidInputError(`${field}.harm: "${input.harm}" is not in the taxonomy`, {
      field: `${field}.harm`,
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
    harm: input.harm ?? null,
    source: input.source ?? null,
    externalRef: input.externalRef ?? null,
    quality: input.quality ?? null,
    retractedAt: null,
    retractionReason: null,
  }
}

/** Switches a whole bank on or off; its entries stay loaded and stop (or start) matching. */
export async function setBankEnabledState(
  ctx: ServiceContext,
  actor: Actor,
  bankId: string,
  enabled: boolean,
): Promise<Bank> {
  const bank = await getBankOrThrow(ctx, bankId)
  await ctx.db.transaction().execute(async (tx) => {
    const revision = await nextBankRevision(tx)
    await setBankEnabled(tx, bank.id, enabled, revision)
    await recordAudit(tx, actor, ctx.clock.now(), [
      { action: enabled ? 'bank.enabled' : 'bank.disabled', entityType: 'bank', entityId: bank.id },
    ])
  })
  await syncBankMatchers(ctx)
  return { ...bank, enabled }
}

export type EntryStateChange =
  | { to: 'disabled' }
  | { to: 'enabled' }
  | { to: 'retracted'; reason: string }

/** Disables, re-enables or retracts one entry; a retraction is final and keeps its reason. */
export async function changeBankEntryState(
  ctx: ServiceContext,
  actor: Actor,
  bankId: string,
  entryId: string,
  change: EntryStateChange,
): Promise<BankEntry> {
  const entry = await findBankEntry(ctx.db, bankId, entryId)
  if (!entry) throw new NotFoundError('bank entry', entryId)
  if (entry.retractedAt) {
    throw new ConflictError('the entry was retracted; a retraction cannot be undone', {
      retractedAt: entry.retractedAt.toISOString(),
    })
  }
  const at = ctx.clock.now()
  const updated = await ctx.db.transaction().execute(async (tx) => {
    const revision = await nextBankRevision(tx)
    const result = await updateBankEntryState(tx, entry.id, statePatch(change, at), revision)
    await recordAudit(tx, actor, at, [
      {
        action: `bank.entry_${change.to}`,
        entityType: 'bank_entry',
        entityId: entry.id,
        data: { bankId, ...('reason' in change ? { reason: change.reason } : {}) },
      },
    ])
    return result as BankEntry
  })
  await syncBankMatchers(ctx)
  return updated
}

function statePatch(change: EntryStateChange, at: Date): EntryStatePatch {
  if (change.to === 'enabled') return { disabled_at: null }
  if (change.to === 'disabled') return { disabled_at: at }
  return { retracted_at: at, retraction_reason: change.reason }
}

export async function listEntriesOfBank(
  ctx: ServiceContext,
  bankId: string,
  page: { after?: string; limit: number },
) {
  const bank = await getBankOrThrow(ctx, bankId)
  const entries = await listBankEntries(ctx.db, bank.id, page.after, page.limit)
  const next = entries.length === page.limit ? entries.at(-1)?.id : undefined
  return { entries, ...(next ? { next } : {}) }
}
