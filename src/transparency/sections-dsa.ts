import { SOURCE_LABELS } from '../core/dashboard-stats.js'
import type { BreakdownRow, TransparencyReport } from '../core/transparency-report.js'
import type { FacetRow } from './facets.js'
import {
  ACTION_LABELS,
  countWhere,
  GROUND_LABELS,
  hours,
  labelFrom,
  rowsBy,
  SENDER_LABELS,
  share,
} from './figures.js'
import { actionTypesOf, type DecisionColumn } from './queries.js'
import type { ReportData } from './report-data.js'
import { sectionFrom } from './texts.js'
import { DSA_TEXTS } from './texts-dsa.js'

type Sections = TransparencyReport['sections']
export type HarmLabel = (harm: string) => string

/** Fully or partially automated. */
export function isAutomated(auto: unknown): boolean {
  return auto === 'fully' || auto === 'partially'
}

/** An authority's notice: an order (Art. 15(1)(a)). */
function isOrder(row: { kind: unknown }): boolean {
  return row.kind === 'authority'
}

/** True when a decision combination's action types restrict something. */
export function restricts(row: FacetRow<DecisionColumn>): boolean {
  return actionTypesOf(row).some((type) => type !== 'no_action' && type !== 'restore')
}

/** The DSA Art. 15(1)(a) figures: authorities' notices, counted as orders. */
export function ordersSection(data: ReportData, harmLabel: HarmLabel): Sections['orders'] {
  const orders = data.notices.combos.filter(isOrder)
  const received = countWhere(orders)
  const { medians } = data.notices
  return sectionFrom(DSA_TEXTS.orders, {
    received,
    byHarm: rowsBy(orders, (r) => String(r.harm), harmLabel),
    byMemberState:
      received === 0 ? [] : [{ key: 'not_recorded', label: 'Not recorded', value: received }],
    medianHoursToAcknowledge: hours(medians['ack:order'] ?? null),
    medianHoursToEffect: hours(medians['side:order'] ?? null),
  })
}

/** The DSA Art. 15(1)(b) figures: notices from users, non-users and trusted flaggers. */
export function noticesSection(data: ReportData, harmLabel: HarmLabel): Sections['notices'] {
  const notices = data.notices.combos.filter((row) => !isOrder(row))
  const received = countWhere(notices)
  const trusted = countWhere(notices, (r) => r.kind === 'trusted_flagger')
  const { medians } = data.notices
  const kinds = new Set(data.notices.combos.map((r) => String(r.kind)))
  const byKind = [...kinds].map((kind) => ({
    key: kind,
    label: SENDER_LABELS[kind] ?? kind,
    value: hours(medians[`kind:${kind}`] ?? null),
  }))
  return sectionFrom(DSA_TEXTS.notices, {
    received,
    bySender: rowsBy(notices, (r) => String(r.kind), labelFrom(SENDER_LABELS)),
    byHarm: rowsBy(notices, (r) => String(r.harm), harmLabel),
    fromTrustedFlaggers: trusted,
    trustedFlaggerShare: share(trusted, received),
    actionsByGround: rowsBy(notices, actionKey, labelFrom(ACTION_ON_NOTICE_LABELS)),
    automated: countWhere(notices, (r) => isAutomated(r.auto)),
    medianHoursToAction: hours(medians['side:notice'] ?? null),
    medianHoursBySender: inSenderOrder(byKind),
  })
}

/** Rows in the order of SENDER_LABELS (users first, authorities last), others after. */
function inSenderOrder(rows: BreakdownRow[]): BreakdownRow[] {
  const order = Object.keys(SENDER_LABELS)
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length)
  return [...rows].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key))
}

const ACTION_ON_NOTICE_LABELS: Readonly<Record<string, string>> = {
  illegal: 'Acted: illegal content (legal ground)',
  terms: 'Acted: against the terms of service',
  no_action: 'No action taken',
  not_decided: 'Not decided by the end of the period',
}

function actionKey(row: { ground: unknown; restrictive: unknown }): string {
  if (row.restrictive === null || row.restrictive === undefined) return 'not_decided'
  return row.restrictive ? String(row.ground) : 'no_action'
}

/** The DSA Art. 15(1)(c) figures: restrictions on the service's own initiative. */
export function ownInitiativeSection(data: ReportData): Sections['ownInitiative'] {
  const taken = data.decisions.filter((row) => row.src === 'own_initiative' && restricts(row))
  const measures = countWhere(taken)
  const detected = data.ownInitiative.filter((r) => r.restrictive === true)
  return sectionFrom(DSA_TEXTS.ownInitiative, {
    measures,
    byRestriction: rowsBy(taken, actionTypesOf, labelFrom(ACTION_LABELS)).filter(
      (row) => row.key !== 'no_action',
    ),
    byDetectionMethod: rowsBy(detected, (r) => String(r.method), labelFrom(SOURCE_LABELS)),
    byGround: rowsBy(taken, (r) => String(r.ground), labelFrom(GROUND_LABELS)),
    automatedShare: share(
      countWhere(taken, (r) => isAutomated(r.auto)),
      measures,
    ),
    automatedDetectionShare: share(
      countWhere(taken, (r) => r.detected === true),
      measures,
    ),
  })
}
