import type { ActionType } from '../core/decision.js'
import type { BreakdownRow } from '../core/transparency-report.js'
import { type FacetRow, num } from './facets.js'

/** part / whole, or null when the whole is zero. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

/** Seconds as hours to two decimal places; null stays null. */
export function hours(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 3600) * 100) / 100
}

/** The sum of `n` over the rows that match. */
export function countWhere<C extends string>(
  rows: readonly FacetRow<C>[],
  match: (row: FacetRow<C>) => boolean = () => true,
): number {
  return rows.filter(match).reduce((sum, row) => sum + num(row.n), 0)
}

/** Rows summed per key, labelled, largest first then by key. */
export function rowsBy<C extends string>(
  rows: readonly FacetRow<C>[],
  keyOf: (row: FacetRow<C>) => string | readonly string[],
  labelOf: (key: string) => string,
): BreakdownRow[] {
  const totals = new Map<string, number>()
  for (const row of rows) {
    const keys = keyOf(row)
    for (const key of new Set(typeof keys === 'string' ? [keys] : keys)) {
      totals.set(key, (totals.get(key) ?? 0) + num(row.n))
    }
  }
  return [...totals]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([key, value]) => ({ key, label: labelOf(key), value }))
}

/** A label from a table, else the key itself. */
export function labelFrom(table: Readonly<Record<string, string>>): (key: string) => string {
  return (key) => table[key] ?? key
}

export const SENDER_LABELS: Readonly<Record<string, string>> = {
  user: 'Users',
  non_user: 'People without an account',
  trusted_flagger: 'Trusted flaggers',
  authority: 'Authorities',
}

export const GROUND_LABELS: Readonly<Record<string, string>> = {
  illegal: 'Illegal content (legal ground)',
  terms: 'Terms of service (contractual ground)',
}

export const ACTION_LABELS: Readonly<Record<ActionType, string>> = {
  no_action: 'No action',
  remove: 'Removed',
  disable: 'Access disabled',
  demote: 'Demoted',
  age_restrict: 'Age-restricted',
  restrict_interaction: 'Interaction restricted',
  label: 'Labelled',
  geo_restrict: 'Restricted in some territories',
  demonetise: 'Demonetised',
  suspend_account: 'Account suspended',
  terminate_account: 'Account terminated',
  restore: 'Restored',
}

export const APPEAL_KIND_LABELS: Readonly<Record<string, string>> = {
  decision: 'Against a decision',
  proactive_technology: 'Against proactive technology',
  duty_breach: 'A breach of duties',
  age_assessment: 'An age assessment',
  other: 'Other',
}

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  upheld: 'Decision upheld',
  reversed: 'Decision reversed',
  resolved: 'Complaint answered',
}
