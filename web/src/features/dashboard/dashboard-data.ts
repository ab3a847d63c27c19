import type { ApiClient, ResponseOf } from '../../api/client'
import type { paths } from '../../api/schema'

export type DashboardStatsView = ResponseOf<paths['/v1/stats/dashboard']['get']>

export const PERIODS = [7, 30] as const
export type PeriodDays = (typeof PERIODS)[number]

/** The start of the UTC day `days - 1` days before `now`: the period then has `days` bars. */
export function periodStart(now: Date, days: number): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  start.setUTCDate(start.getUTCDate() - (days - 1))
  return start
}

/** The dashboard's figures from the start of the period up to now. */
export function loadDashboard(api: ApiClient, days: PeriodDays): Promise<DashboardStatsView> {
  return api.get('/v1/stats/dashboard', {
    query: { from: periodStart(new Date(), days).toISOString() },
  })
}

/** A share as a whole percentage, or a dash when there is nothing to divide. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`
}

/** Calm colours that each keep at least 3:1 contrast against white (WCAG 1.4.11). */
export const SERIES_COLOURS = ['#1f4f99', '#2f7d6d', '#8a4b00', '#6b4c9a', '#9b2f5f', '#5a6270']

export const SLA_COLOURS = {
  withinSla: '#2f7d6d',
  late: '#8a4b00',
  openOverdue: '#a3261b',
  openInTime: '#5a6270',
}
