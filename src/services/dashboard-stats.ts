import {
  type DashboardQuery,
  type DashboardStats,
  MAX_DASHBOARD_DAYS,
  OTHER_HARM,
  SOURCE_LABELS,
  TOP_HARMS,
  UNSPECIFIED_HARM,
  utcDays,
} from '../core/dashboard-stats.js'
import { InvalidInputError } from '../core/errors.js'
import {
  appealOutcomes,
  casesPerDayAndHarm,
  casesPerSource,
  type DayHarmRow,
  decisionsByAutomation,
  type Period,
  slaPerQueue,
} from '../storage/repos/dashboard-repo.js'
import type { ServiceContext } from './service-context.js'

const DAY_MS = 24 * 3_600_000
const DEFAULT_DAYS = 30

/**
 * The console dashboard's figures for [from, to): cases opened per day by harm and by source,
 * time to decision against each queue's deadline, the share of automated decisions and the
 * share of appeals that reversed the decision. `to` defaults to now, `from` to 30 days before.
 */
export async function dashboardStats(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'policy' | 'taxonomy'>,
  query: DashboardQuery,
): Promise<DashboardStats> {
  const period = periodOf(query, ctx.clock.now())
  const dayHarms = await casesPerDayAndHarm(ctx.db, period)
  const sources = await casesPerSource(ctx.db, period)
  const sla = await slaPerQueue(ctx.db, period, ctx.clock.now())
  const automation = await decisionsByAutomation(ctx.db, period)
  const appeals = await appealOutcomes(ctx.db, period)
  const fully = automation.fully ?? 0
  const partially = automation.partially ?? 0
  const not = automation.not ?? 0
  const decisions = fully + partially + not
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    volume: {
      ...volumeByHarm(ctx, period, dayHarms),
      sources: sources.map((s) => ({ ...s, label: SOURCE_LABELS[s.source] ?? s.source })),
    },
    sla: slaByQueue(ctx, sla),
    automation: {
      decisions,
      fully,
      partially,
      not,
      share: decisions === 0 ? null : (fully + partially) / decisions,
    },
    appeals: {
      ...appeals,
      share: appeals.decided === 0 ? null : appeals.reversed / appeals.decided,
    },
  }
}

function periodOf(query: DashboardQuery, now: Date): Period {
  const to = query.to ? new Date(query.to) : now
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS)
  if (from >= to) throw new InvalidInputError('`from` must be before `to` (which defaults to now)')
  if (to.getTime() - from.getTime() > MAX_DASHBOARD_DAYS * DAY_MS) {
    throw new InvalidInputError(
      `the dashboard covers at most ${MAX_DASHBOARD_DAYS} days; choose a shorter period`,
    )
  }
  return { from, to }
}

function volumeByHarm(
  ctx: Pick<ServiceContext, 'taxonomy'>,
  period: Period,
  rows: DayHarmRow[],
): Omit<DashboardStats['volume'], 'sources'> {
  const totals = new Map<string, number>()
  for (const r of rows) {
    const harm = r.harm ?? UNSPECIFIED_HARM
    totals.set(harm, (totals.get(harm) ?? 0) + r.count)
  }
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const top = ranked.slice(0, TOP_HARMS)
  const rest = ranked.slice(TOP_HARMS).reduce((sum, [, n]) => sum + n, 0)
  const harms = top.map(([harm, count]) => ({ harm, label: harmLabel(ctx, harm), count }))
  if (rest > 0) harms.push({ harm: OTHER_HARM, label: 'Other harms', count: rest })
  const column = new Map(harms.map((h, i) => [h.harm, i]))
  const days = utcDays(period.from, period.to).map((day) => ({
    day,
    total: 0,
    counts: harms.map(() => 0),
  }))
  const byDay = new Map(days.map((d) => [d.day, d]))
  for (const r of rows) {
    const day = byDay.get(r.day)
    if (!day) continue
    const i = column.get(r.harm ?? UNSPECIFIED_HARM) ?? (column.get(OTHER_HARM) as number)
    day.counts[i] = (day.counts[i] ?? 0) + r.count
    day.total += r.count
  }
  return { total: rows.reduce((sum, r) => sum + r.count, 0), harms, days }
}

function harmLabel(ctx: Pick<ServiceContext, 'taxonomy'>, harm: string): string {
  if (harm === UNSPECIFIED_HARM) return 'No harm given'
  return ctx.taxonomy.get(harm)?.label ?? harm
}

function slaByQueue(
  ctx: Pick<ServiceContext, 'policy'>,
  rows: Awaited<ReturnType<typeof slaPerQueue>>,
): DashboardStats['sla'] {
  const byQueue = new Map(rows.map((r) => [r.queue, r]))
  const defined = ctx.policy.queues.definitions.map((q) => ({
    id: q.id,
    label: q.label,
    slaHours: q.slaHours as number | null,
  }))
  const extra = rows
    .filter((r) => !defined.some((q) => q.id === r.queue))
    .map((r) => ({ id: r.queue, label: r.queue, slaHours: null }))
  return [...defined, ...extra].map((q) => {
    const r = byQueue.get(q.id)
    return {
      queue: q.id,
      label: q.label,
      slaHours: q.slaHours,
      withinSla: r?.withinSla ?? 0,
      late: r?.late ?? 0,
      openOverdue: r?.openOverdue ?? 0,
      openInTime: r?.openInTime ?? 0,
      medianHoursToDecision: hours(r?.medianSeconds ?? null),
    }
  })
}

/** Seconds as hours to one decimal place. */
function hours(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 3600) * 10) / 10
}
