import { RISK_KINDS, type RiskKind } from '../core/risk-kinds.js'
import type { LiveEvidence, LiveKind } from '../core/risk-record.js'
import type { Executor } from '../storage/database.js'
import { type HarmPeriodRow, harmFiguresByPeriod } from '../storage/repos/risk-evidence-repo.js'

const DAY_MS = 86_400_000
const PERIODS = 24
/** 730 days in 24 equal periods: the last 12 are exactly the last 365 days. */
const PERIOD_SECONDS = (730 * 86_400) / PERIODS
/** Changes smaller than this share of the earlier year count as flat. */
const FLAT_SHARE = 0.1

/** A harm id is counted under a kind when it is the kind or lies below it. */
function under(harm: string, kind: string): boolean {
  return harm === kind || harm.startsWith(`${kind}.`)
}

function sum(rows: HarmPeriodRow[], key: 'reports' | 'detections' | 'restricted') {
  const current = rows.filter((r) => r.period < 12).reduce((n, r) => n + r[key], 0)
  const previous = rows.filter((r) => r.period >= 12).reduce((n, r) => n + r[key], 0)
  return { current, previous }
}

/** up, down or flat, with the figures: reports and detections together. */
export function trendOf(previous: number, current: number): Pick<LiveKind, 'trend' | 'trendText'> {
  const figures = `${previous} → ${current} reports and detections`
  if (previous === 0 && current === 0)
    return { trend: 'flat', trendText: 'flat: none in either year' }
  if (previous === 0) return { trend: 'up', trendText: `up: ${figures} (none the year before)` }
  const change = (current - previous) / previous
  const pct = `${change > 0 ? '+' : ''}${Math.round(change * 100)}%`
  if (Math.abs(change) < FLAT_SHARE) {
    return { trend: 'flat', trendText: `flat: ${figures} (${pct}, within ±10%)` }
  }
  return {
    trend: change > 0 ? 'up' : 'down',
    trendText: `${change > 0 ? 'up' : 'down'}: ${figures} (${pct})`,
  }
}

function liveKind(kind: RiskKind, rows: HarmPeriodRow[]): LiveKind {
  const mine = rows.filter((r) => under(r.harm, kind.id))
  const reports = sum(mine, 'reports')
  const detections = sum(mine, 'detections')
  const periods = Array.from({ length: PERIODS }, (_, i) =>
    mine
      .filter((r) => r.period === PERIODS - 1 - i)
      .reduce((n, r) => n + r.reports + r.detections, 0),
  )
  return {
    kind: kind.id,
    row: kind.row,
    label: kind.label,
    reports,
    detections,
    restricted: sum(mine, 'restricted'),
    ...trendOf(reports.previous + detections.previous, reports.current + detections.current),
    periods,
  }
}

/**
 * Vigil's own evidence per kind of illegal harm: notices, detections and restrictive decisions in
 * the last 12 months (365 days up to `now`) and the 12 before, the trend between them, and 24
 * periods for a small chart. CSEA (row 2) counts everything under it, sub-kinds included.
 */
export async function liveEvidence(db: Executor, now: Date): Promise<LiveEvidence> {
  const rows = (await harmFiguresByPeriod(db, now, PERIOD_SECONDS, PERIODS)).filter(
    (r) => r.period >= 0 && r.period < PERIODS,
  )
  const iso = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString()
  return {
    generatedAt: now.toISOString(),
    current: { from: iso(365), to: now.toISOString() },
    previous: { from: iso(730), to: iso(365) },
    kinds: RISK_KINDS.map((kind) => liveKind(kind, rows)),
    notes: [
      'Reports: notices filed about the kind (users, trusted flaggers, authorities). Detections: signals from hash banks, URL and keyword lists, classifiers and rules. Restricted: original decisions (not reversals or appeal decisions) that took any action but "no action".',
      'A kind counts every harm below it in the taxonomy; CSEA (row 2) includes its sub-kinds and CSEA with no sub-kind given.',
      'Only what reaches Vigil is counted: content the platform never sends is not seen.',
    ],
  }
}
