import { ConflictError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import type { FlaggerInput, FlaggerPatch, TrustedFlagger } from '../core/trusted-flagger.js'
import {
  findFlagger,
  findFlaggerByName,
  insertFlagger,
  listFlaggers as listFlaggerRows,
  updateFlagger as updateFlaggerRow,
} from '../storage/repos/flagger-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

/** Registers a trusted flagger (DSA Art. 22) or an authority; its keys are made separately. */
export async function createFlagger(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  actor: Actor,
  input: FlaggerInput,
): Promise<TrustedFlagger> {
  const flagger: TrustedFlagger = {
    id: crypto.randomUUID(),
    name: input.name,
    kind: input.kind,
    designation: input.designation ?? null,
    contactEmail: input.contactEmail ?? null,
    enabled: true,
    createdBy: actor.id,
    createdAt: ctx.clock.now(),
  }
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await insertFlagger(tx, flagger))) {
      throw new ConflictError(`a flagger named "${flagger.name}" is already registered`, {
        field: 'name',
      })
    }
    await recordAudit(tx, actor, flagger.createdAt, [
      {
        action: 'flagger.created',
        entityType: 'trusted_flagger',
        entityId: flagger.id,
        data: { name: flagger.name, kind: flagger.kind, designation: flagger.designation },
      },
    ])
  })
  return flagger
}

export function listFlaggers(ctx: Pick<ServiceContext, 'db'>): Promise<TrustedFlagger[]> {
  return listFlaggerRows(ctx.db)
}

export async function getFlaggerOrThrow(
  ctx: Pick<ServiceContext, 'db'>,
  id: string,
): Promise<TrustedFlagger> {
  const flagger = await findFlagger(ctx.db, id)
  if (!flagger) throw new NotFoundError('trusted flagger', id)
  return flagger
}

export async function findFlaggerByNameOrThrow(
  ctx: Pick<ServiceContext, 'db'>,
  name: string,
): Promise<TrustedFlagger> {
  const flagger = await findFlaggerByName(ctx.db, name)
  if (!flagger) throw new NotFoundError('trusted flagger', name)
  return flagger
}

/** Enables or disables a flagger (and so all its keys) or corrects its details; audited. */
export async function updateFlagger(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  patch: FlaggerPatch,
): Promise<TrustedFlagger> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findFlagger(tx, id)
    if (!before) throw new NotFoundError('trusted flagger', id)
    const after = (await updateFlaggerRow(tx, id, patch)) as TrustedFlagger
    const action =
      patch.enabled === undefined || patch.enabled === before.enabled
        ? 'flagger.updated'
        : patch.enabled
          ? 'flagger.enabled'
          : 'flagger.disabled'
    await recordAudit(tx, actor, ctx.clock.now(), [
      { action, entityType: 'trusted_flagger', entityId: id, data: { ...patch } },
    ])
    return after
  })
}

/**
 * Who may read a flagger's figures: an admin, or the flagger's own keys. Anyone else is told it
 * does not exist, so flaggers cannot probe each other.
 */
export function assertMayReadFlagger(actor: Actor, flaggerId: string): void {
  if (actor.role === 'admin') return
  if (actor.role === 'trusted_flagger' && actor.flaggerId === flaggerId) return
  throw new NotFoundError('trusted flagger', flaggerId)
}
