import type { Bank, BankEntry } from '../core/bank.js'
import type { Action, Decision } from '../core/decision.js'
import { SYSTEM_ACTOR } from '../core/roles.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { insertBankEntries, updateBankEntryState } from '../storage/repos/bank-entry-repo.js'
import {
  findBankByName,
  insertBank,
  listBanks,
  nextBankRevision,
} from '../storage/repos/bank-repo.js'
import { findEntriesAddedFor } from '../storage/repos/reupload-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

/** The kinds of bank removed media goes into: the exact file, and the image as PDQ sees it. */
const BANKED_KINDS = ['sha256', 'pdq'] as const
type BankedKind = (typeof BANKED_KINDS)[number]

const HOUR_MS = 3_600_000

/**
 * A decision effect (issue 4 point 7): when a decision removes or disables media everywhere, its
 * SHA-256 and PDQ hashes go into local banks `<prefix>-<harm>-<kind>` (made on first need, action
 * `block`), each entry noting the decision, so the same or a near-identical image is blocked at its
 * next upload. A reversal retracts the entries its original added. The matchers learn of it when
 * the caller runs `afterDecisionCommitted` (or by polling).
 */
export async function banRemovedMedia(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
): Promise<void> {
  if (!ctx.policy.enforcement.reupload.enabled || !subject) return
  if (decision.reversesDecisionId) {
    await retractBannedMedia(tx, ctx, decision, subject, decision.reversesDecisionId)
    return
  }
  const takedowns = decision.actions.filter(takesDownEverywhere)
  if (takedowns.length === 0) return
  const hashes = bankableHashes(subject, ctx.detection.pdqLimits.minQuality)
  if (hashes.sha256.length + hashes.pdq.length === 0) return
  const revision = await nextBankRevision(tx)
  const added: Record<string, number> = {}
  for (const kind of BANKED_KINDS) {
    if (hashes[kind].length === 0) continue
    const bank = await ensureBank(tx, ctx, decision, kind, revision)
    const entries = hashes[kind].map((h) => toEntry(bank, h, decision, endOf(takedowns, decision)))
    added[bank.name] = await insertBankEntries(tx, bank.id, entries, revision)
  }
  await recordAudit(tx, SYSTEM_ACTOR, decision.createdAt, [
    { action: 'reupload.banked', entityType: 'decision', entityId: decision.id, data: { added } },
  ])
}

/** The bank removed media of a harm goes to, e.g. `removed-illegal-intimate_image_abuse-pdq`. */
export function reuploadBankName(prefix: string, harm: string, kind: BankedKind): string {
  const name = `${prefix}-${harm.replaceAll('.', '-')}-${kind}`
  if (name.length <= 63) return name
  const head = name.slice(0, 63 - kind.length - 10)
  return `${head}-${fnv1a(harm)}-${kind}`
}

function takesDownEverywhere(action: Action): boolean {
  return (action.type === 'remove' || action.type === 'disable') && !action.territories?.length
}

/** When the take-down ends, if every take-down action has an end: the entries expire then. */
function endOf(takedowns: readonly Action[], decision: Decision): Date | null {
  if (takedowns.some((a) => a.durationHours === undefined)) return null
  const hours = Math.max(...takedowns.map((a) => a.durationHours ?? 0))
  return new Date(decision.createdAt.getTime() + hours * HOUR_MS)
}

interface Hash {
  value: string
  quality: number | null
}

/** SHA-256 of every media file; PDQ of images whose hash is of useful quality. */
function bankableHashes(subject: Subject, minQuality: number): Record<BankedKind, Hash[]> {
  const sha256 = subject.media.map((m) => ({ value: m.sha256.toLowerCase(), quality: null }))
  const pdq = subject.media.flatMap((m) =>
    m.pdq && (m.pdqQuality ?? 0) >= minQuality
      ? [{ value: m.pdq.toLowerCase(), quality: m.pdqQuality ?? null }]
      : [],
  )
  return { sha256, pdq }
}

async function ensureBank(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  kind: BankedKind,
  revision: number,
): Promise<Bank> {
  const name = reuploadBankName(ctx.policy.enforcement.reupload.bankPrefix, decision.harm, kind)
  const known = await findBankByName(tx, name)
  if (known) return known
  const bank: Bank = {
    id: crypto.randomUUID(),
    name,
    kind,
    harm: decision.harm,
    source: 'local',
    action: 'block',
    description: `Media removed for ${decision.harm}; a re-upload is blocked.`,
    enabled: true,
    createdAt: decision.createdAt,
  }
  // @NOTE A concurrent decision may have made it first: then use that one.
  if (!(await insertBank(tx, bank, revision))) return (await findBankByName(tx, name)) as Bank
  await recordAudit(tx, SYSTEM_ACTOR, bank.createdAt, [
    {
      action: 'bank.created',
      entityType: 'bank',
      entityId: bank.id,
      data: {
        name,
        kind,
        harm: bank.harm,
        reason: 're-upload prevention',
        decisionId: decision.id,
      },
    },
  ])
  return bank
}

function toEntry(bank: Bank, hash: Hash, decision: Decision, expiresAt: Date | null): BankEntry {
  return {
    id: crypto.randomUUID(),
    bankId: bank.id,
    value: hash.value,
    note: `Removed by decision ${decision.id}`,
    addedBy: decision.decidedBy,
    createdAt: decision.createdAt,
    expiresAt,
    disabledAt: null,
    harm: null,
    source: 'local',
    externalRef: decisionRef(decision.id),
    quality: hash.quality,
    retractedAt: null,
    retractionReason: null,
  }
}

async function retractBannedMedia(
  tx: Executor,
  ctx: ServiceContext,
  reversal: Decision,
  subject: Subject,
  originalId: string,
): Promise<void> {
  const prefix = `${ctx.policy.enforcement.reupload.bankPrefix}-`
  const banks = (await listBanks(tx)).filter((b) => b.name.startsWith(prefix))
  const values = subject.media.flatMap((m) => [m.sha256, ...(m.pdq ? [m.pdq] : [])])
  const entries = await findEntriesAddedFor(
    tx,
    banks.map((b) => b.id),
    values.map((v) => v.toLowerCase()),
    decisionRef(originalId),
  )
  if (entries.length === 0) return
  const revision = await nextBankRevision(tx)
  const reason = `decision ${originalId} was reversed by decision ${reversal.id}`
  for (const entry of entries) {
    const patch = { retracted_at: reversal.createdAt, retraction_reason: reason }
    await updateBankEntryState(tx, entry.id, patch, revision)
  }
  await recordAudit(tx, SYSTEM_ACTOR, reversal.createdAt, [
    {
      action: 'reupload.retracted',
      entityType: 'decision',
      entityId: reversal.id,
      data: { reverses: originalId, entries: entries.map((e) => e.id), reason },
    },
  ])
}

function decisionRef(decisionId: string): string {
  return `decision:${decisionId}`
}

/** A short, stable tag for a long harm id (FNV-1a, 32 bits, hex). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}
