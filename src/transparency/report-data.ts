import { sql } from 'kysely'
import type { Db, Executor } from '../storage/database.js'
import { appealOutcomes, type Period } from '../storage/repos/dashboard-repo.js'
import type { FacetRow } from './facets.js'
import {
  type DecisionColumn,
  decisionFacets,
  type NoticeFigures,
  noticeFigures,
} from './queries.js'
import {
  type AutomatedAccuracyRow,
  automatedAccuracy,
  type DetectorRow,
  decidedComplaints,
  detectorsInUse,
  receivedComplaints,
  type SuspensionCounts,
  suspensions,
} from './queries-redress.js'

/** Every aggregate the report is built from; each query reads the database once. */
export interface ReportData {
  decisions: FacetRow<DecisionColumn>[]
  ownInitiative: FacetRow<'method' | 'restrictive'>[]
  notices: NoticeFigures
  complaintsReceived: { kind: string; count: number }[]
  complaintsDecided: Record<'all' | 'byOutcome', FacetRow<'status'>[]>
  appealOutcomes: { decided: number; reversed: number }
  accuracy: AutomatedAccuracyRow
  detectors: DetectorRow[]
  suspensions: SuspensionCounts
}

/**
 * Hash joins and aggregates over a year of decisions outgrow the default work_mem (4 MB) and
 * spill to disk; each report query gets more in its own read-only transaction. JIT compilation
 * is off: the notices' per-order subquery inflates the planner's cost estimate past the JIT
 * threshold, and compiling then took longer (0.6 s) than it saved.
 */
const REPORT_WORK_MEM = '64MB'

function reading<T>(db: Db, period: Period, query: (tx: Executor, p: Period) => Promise<T>) {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('work_mem', ${REPORT_WORK_MEM}, true),
      set_config('jit', 'off', true)`.execute(tx)
    return query(tx, period)
  })
}

/**
 * Runs the report's queries. They are independent, so on PostgreSQL they run at once on the
 * pool's connections; PGlite's single connection takes them in turn.
 */
export async function loadReportData(db: Db, period: Period): Promise<ReportData> {
  const read = <T>(query: (tx: Executor, p: Period) => Promise<T>) => reading(db, period, query)
  const [facets, rest] = await Promise.all([read(decisionFacets), readTheRest(read)])
  return { decisions: facets.combos, ownInitiative: facets.origins, ...rest }
}

type Read = <T>(query: (tx: Executor, p: Period) => Promise<T>) => Promise<T>

function readTheRest(read: Read) {
  return allOf({
    notices: read(noticeFigures),
    complaintsReceived: read(receivedComplaints),
    complaintsDecided: read(decidedComplaints),
    appealOutcomes: read(appealOutcomes),
    accuracy: read(automatedAccuracy),
    detectors: read(detectorsInUse),
    suspensions: read(suspensions),
  })
}

/** Awaits every promise of an object at once; the object of their values. */
async function allOf<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = Object.entries(promises)
  const values = await Promise.all(entries.map(([, promise]) => promise))
  return Object.fromEntries(entries.map(([key], i) => [key, values[i]])) as {
    [K in keyof T]: Awaited<T[K]>
  }
}
