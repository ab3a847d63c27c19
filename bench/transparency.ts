import { cpus, loadavg } from 'node:os'
import { sql } from 'kysely'
import { systemClock } from '../src/core/clock.js'
import { DEFAULT_TAXONOMY } from '../src/core/taxonomy.js'
import type { TransparencyReport } from '../src/core/transparency-report.js'
import { createDatabase, type DatabaseHandle } from '../src/storage/database.js'
import { migrateToLatest } from '../src/storage/migrate.js'
import { buildReport } from '../src/transparency/build-report.js'
import { postgresDatabase } from './servers.js'
import { seedStatements, YEAR_END, YEAR_START } from './transparency-seed.js'

// @NOTE `node --import tsx bench/transparency.ts`: the transparency report for one year over a
// million decisions (bench/transparency-seed.ts: plus 600k notices, 50k appeals, 400k signals,
// 10k suspensions), on PostgreSQL and on PGlite. Per target: seeding time, then BENCH_ROUNDS
// (default 5) timed runs of buildReport after one warm-up, median and best, against the baseline
// measured in the same run: a plain `select count(*)` of the period's decisions. Target: the
// report in ≤ 2 s. BENCH_DECISIONS (default 1000000), BENCH_TRANSPARENCY_TARGETS
// (postgres,pglite), BENCH_DATABASE_URL (else TEST_DATABASE_URL, else local postgres).

const N = Number(process.env.BENCH_DECISIONS ?? 1_000_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const TARGETS = (process.env.BENCH_TRANSPARENCY_TARGETS ?? 'postgres,pglite').split(',')
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres'
const TARGET_MS = 2000
const PERIOD = { from: YEAR_START, to: YEAR_END }

interface Result {
  target: string
  seedSeconds: number
  baselineMs: number
  reportMs: number
  bestMs: number
  report: TransparencyReport
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

async function seed(handle: DatabaseHandle): Promise<number> {
  await migrateToLatest(handle.db)
  const { ms } = await timed(async () => {
    for (const statement of seedStatements(N)) await handle.sql.executeSql(statement)
    await handle.sql.executeSql('vacuum analyze')
  })
  return ms / 1000
}

async function measure(target: string, handle: DatabaseHandle): Promise<Result> {
  const seedSeconds = await seed(handle)
  const ctx = { db: handle.db, taxonomy: DEFAULT_TAXONOMY, clock: systemClock() }
  const count = () =>
    sql`select count(*) from decision where created_at >= ${new Date(YEAR_START)}
      and created_at < ${new Date(YEAR_END)}`.execute(handle.db)
  await count()
  let report = await buildReport(ctx, PERIOD)
  const baseline: number[] = []
  const runs: number[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    baseline.push((await timed(count)).ms)
    const run = await timed(() => buildReport(ctx, PERIOD))
    runs.push(run.ms)
    report = run.value
  }
  return {
    target,
    seedSeconds,
    baselineMs: median(baseline),
    reportMs: median(runs),
    bestMs: Math.min(...runs),
    report,
  }
}

async function onPostgres(): Promise<Result | string> {
  const database = await postgresDatabase(PG_URL)
  if ('skipped' in database) return database.skipped
  const url = database.settings.VIGIL_DATABASE_URL as string
  const handle = await createDatabase({ kind: 'postgres', url, poolSize: 10 })
  try {
    return await measure('postgres', handle)
  } finally {
    await handle.destroy()
    await database.drop()
  }
}

async function onPglite(): Promise<Result> {
  const handle = await createDatabase({ kind: 'pglite' })
  try {
    return await measure('pglite', handle)
  } finally {
    await handle.destroy()
  }
}

function print(results: Result[], notes: string[]): void {
  console.log(
    `${N.toLocaleString('en')} decisions, period ${YEAR_START} to ${YEAR_END}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()[0]?.toFixed(2)}`,
  )
  console.table(
    results.map((r) => ({
      target: r.target,
      'seed s': r.seedSeconds.toFixed(1),
      'report ms (median)': Math.round(r.reportMs),
      'best ms': Math.round(r.bestMs),
      'count(*) ms': Math.round(r.baselineMs),
      'report / count(*)': (r.reportMs / r.baselineMs).toFixed(1),
      [`≤ ${TARGET_MS} ms`]: r.reportMs <= TARGET_MS ? 'met' : 'MISSED',
    })),
  )
  for (const r of results) {
    const s = r.report.sections
    console.log(
      `${r.target}: orders ${s.orders.figures.received.value}, notices ${s.notices.figures.received.value} (trusted flaggers ${s.notices.figures.fromTrustedFlaggers.value}), own-initiative measures ${s.ownInitiative.figures.measures.value}, automated decisions ${s.automatedTools.figures.automatedDecisions.value}, complaints decided ${s.complaints.figures.decided.value} (reversed ${s.complaints.figures.reversed.value}), median hours to action on notices ${s.notices.figures.medianHoursToAction.value}`,
    )
  }
  for (const note of notes) console.log(note)
}

async function main(): Promise<void> {
  const results: Result[] = []
  const notes: string[] = []
  if (TARGETS.includes('postgres')) {
    const pg = await onPostgres()
    if (typeof pg === 'string') notes.push(`PostgreSQL skipped: ${pg}`)
    else results.push(pg)
  }
  if (TARGETS.includes('pglite')) results.push(await onPglite())
  print(results, notes)
}

await main()
