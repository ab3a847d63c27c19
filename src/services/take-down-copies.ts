import type { Decision, DecisionInput, Ground } from '../core/decision.js'
import { isIntimateImageHarm } from '../core/report.js'
import type { Actor } from '../core/roles.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { subjectsSettled } from '../storage/repos/decision-repo.js'
import {
  findSubjectsNearPdq,
  findSubjectsWithMediaHashes,
  type MediaHashes,
} from '../storage/repos/subject-media-repo.js'
import { recordAudit } from './audit-log.js'
import { openOrJoinCase } from './open-case.js'
import type { ServiceContext } from './service-context.js'

/** Who takes copies down: Vigil, on the strength of the original's decision. */
export const COPIES_ACTOR: Actor = {
  id: 'system:copies',
  role: 'system',
  name: 'Vigil (copies of a removed intimate image)',
}

/** Records a decision on a case in the caller's transaction (record-decision's recordDecisionIn). */
export type RecordDecisionIn = (
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  input: DecisionInput,
) => Promise<Decision>

const DAY_MS = 86_400_000

/**
 * After a decision removes an intimate image (OSA s.10(3A): the content and copies of it), takes
 * down the other subjects whose media are copies of it: the same SHA-256 or MD5, or a PDQ hash
 * within the matcher's distance (near copies posted within `copies.lookbackDays`). Each copy gets
 * a linked decision on its own case (remove; automated detection, partially automated decision;
 * the original's ground, its statement naming the original), so its author gets a statement of
 * reasons and the platform an `action.requested` webhook. Skipped: copies already taken down or
 * restored by a reversal (a person decided they stay), uploads Vigil blocked (never published)
 * and private messages; copies' own decisions do not look for further copies.
 */
export async function takeDownCopies(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
  record: RecordDecisionIn,
): Promise<void> {
  if (!subject || !isIntimateImageTakedown(decision)) return
  const copies = await findCopies(tx, ctx, subject)
  if (copies.found.length === 0) return
  const taken: { subjectId: string; decisionId: string }[] = []
  for (const copy of copies.found) {
    const linked = await takeDownCopy(tx, ctx, decision, copy, record)
    taken.push({ subjectId: copy.id, decisionId: linked.id })
  }
  await recordAudit(tx, COPIES_ACTOR, ctx.clock.now(), [
    {
      action: 'copies.taken_down',
      entityType: 'decision',
      entityId: decision.id,
      data: { copies: taken, ...(copies.truncated ? { truncated: true } : {}) },
    },
  ])
}

function isIntimateImageTakedown(decision: Decision): boolean {
  if (decision.reversesDecisionId || decision.decidedBy === COPIES_ACTOR.id) return false
  if (!isIntimateImageHarm(decision.harm)) return false
  return decision.actions.some(
    (a) => (a.type === 'remove' || a.type === 'disable') && !a.territories?.length,
  )
}

async function findCopies(
  tx: Executor,
  ctx: ServiceContext,
  subject: Subject,
): Promise<{ found: Subject[]; truncated: boolean }> {
  const { maxDistance, minQuality } = ctx.detection.pdqLimits
  const { lookbackDays, maxCopies } = ctx.policy.enforcement.copies
  const hashes = hashesOf(subject, minQuality)
  const search = { excludeSubjectId: subject.id, limit: maxCopies + 1 }
  const exact = await findSubjectsWithMediaHashes(tx, hashes, search)
  const since = new Date(ctx.clock.now().getTime() - lookbackDays * DAY_MS)
  const near = await findSubjectsNearPdq(tx, hashes.pdq, { ...search, maxDistance, since })
  const byId = new Map([...exact, ...near].map((s) => [s.id, s]))
  const done = await subjectsSettled(tx, [...byId.keys()], ['remove', 'disable'])
  const found = [...byId.values()].filter((s) => !done.has(s.id))
  return { found: found.slice(0, maxCopies), truncated: found.length > maxCopies }
}

/** The original's hashes; PDQ only where its quality makes a match meaningful. */
function hashesOf(subject: Subject, minQuality: number): MediaHashes {
  return {
    sha256: subject.media.map((m) => m.sha256.toLowerCase()),
    md5: subject.media.flatMap((m) => (m.md5 ? [m.md5.toLowerCase()] : [])),
    pdq: subject.media.flatMap((m) =>
      m.pdq && (m.pdqQuality ?? 0) >= minQuality ? [m.pdq.toLowerCase()] : [],
    ),
  }
}

async function takeDownCopy(
  tx: Executor,
  ctx: ServiceContext,
  original: Decision,
  copy: Subject,
  record: RecordDecisionIn,
): Promise<Decision> {
  const opened = await openOrJoinCase(tx, ctx, COPIES_ACTOR, ctx.clock.now(), {
    subjectId: copy.id,
    harm: original.harm,
    source: 'hash_match',
    surface: copy.surface,
  })
  return record(tx, ctx, COPIES_ACTOR, opened.case.id, {
    harm: original.harm,
    ground: copyGround(original),
    actions: [{ type: 'remove' }],
    statement:
      `This is a copy of a picture we removed because it was shared without the permission of the person in it (decision ${original.id}). ` +
      'We found the copy by comparing digital fingerprints of the pictures, and removed it too.',
    automatedDetection: true,
    automatedDecision: 'partially',
  })
}

function copyGround(original: Decision): Ground {
  const explanation = `The picture is a copy of one removed on this ground (decision ${original.id}).`
  return { ...original.ground, explanation }
}
