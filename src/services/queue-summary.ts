import { countOpenByQueue, type QueueCountsRow } from '../storage/repos/case-deadline-repo.js'
import type { ServiceContext } from './service-context.js'

export interface QueueSummary extends Omit<QueueCountsRow, 'queue'> {
  id: string
  label: string
  /** False for a queue that still holds cases but is no longer in the policy. */
  defined: boolean
  slaHours: number | null
  legalDeadlineHours: number | null
}

const EMPTY = {
  open: 0,
  claimed: 0,
  nearing: 0,
  overdue: 0,
  oldestOpenedAt: null,
  nextDeadline: null,
}

/** Every queue of the policy, in order of urgency, with its SLA and its open work right now. */
export async function summariseQueues(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'policy'>,
): Promise<{ queues: QueueSummary[]; nearingShare: number; at: Date }> {
  const at = ctx.clock.now()
  const { definitions, nearingShare } = ctx.policy.queues
  const rows = new Map(
    (await countOpenByQueue(ctx.db, at, nearingShare)).map((row) => [row.queue, row]),
  )
  const queues: QueueSummary[] = definitions.map((q) => ({
    id: q.id,
    label: q.label,
    defined: true,
    slaHours: q.slaHours,
    legalDeadlineHours: q.legalDeadlineHours ?? null,
    ...counts(rows.get(q.id)),
  }))
  for (const [id, row] of rows) {
    if (definitions.some((q) => q.id === id)) continue
    queues.push({
      id,
      label: id,
      defined: false,
      slaHours: null,
      legalDeadlineHours: null,
      ...counts(row),
    })
  }
  return { queues, nearingShare, at }
}

function counts(row: QueueCountsRow | undefined) {
  if (!row) return EMPTY
  const { queue: _queue, ...rest } = row
  return rest
}
