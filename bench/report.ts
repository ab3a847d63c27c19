import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CpuSplit } from './cpu.js'
import type { PgbenchResult } from './pgbench.js'

// @NOTE How bench/http.ts prints and stores what it measured.

export const TARGET = { reqPerSec: 5_000, p99Ms: 20 }

export interface Measured {
  name: string
  reqPerSec: number
  p50Ms: number
  p90Ms: number
  p99Ms: number
  maxMs: number
  responses: number
  errors: number
  timeouts: number
  non2xx: number
  cpu: CpuSplit
  /** How busy the machine was (0–1 of all cores) just before, from other work. */
  machineBusyBefore: number | null
  ratioToBaseline?: number
}

export function printTable(rows: Measured[]): void {
  const cell = (value: string | number, width: number) => String(value).padStart(width)
  console.log(
    `\n${'target'.padEnd(26)}${cell('req/s', 8)}${cell('p50 ms', 8)}${cell('p99 ms', 8)}` +
      `${cell('errors', 8)}${cell('non-2xx', 9)}${cell('vs base', 9)}${cell('cpu srv/ac/rest %', 19)}`,
  )
  for (const r of rows) {
    const ratio = r.ratioToBaseline === undefined ? '-' : r.ratioToBaseline.toFixed(3)
    const cpu = `${r.cpu.server ?? '?'}/${r.cpu.loadGenerator ?? '?'}/${r.cpu.rest ?? '?'}`
    console.log(
      `${r.name.padEnd(26)}${cell(r.reqPerSec, 8)}${cell(r.p50Ms, 8)}${cell(r.p99Ms, 8)}` +
        `${cell(r.errors, 8)}${cell(r.non2xx, 9)}${cell(ratio, 9)}${cell(cpu, 19)}`,
    )
  }
}

export function printCeiling(ceiling: PgbenchResult[]): void {
  if (ceiling.length === 0) return
  console.log('\nPostgreSQL alone, same database, the statement /v1/content sends:')
  for (const c of ceiling) {
    console.log(
      `  ${c.name.padEnd(32)}${String(c.clients).padStart(3)} clients ` +
        `${String(c.rowsPerSec).padStart(7)} rows/s  avg ${c.latencyAvgMs} ms`,
    )
  }
}

export function targetVerdict(postgres: Measured | undefined): {
  met: boolean | null
  line: string
} {
  const wanted = `target with PostgreSQL: >= ${TARGET.reqPerSec} req/s and p99 <= ${TARGET.p99Ms} ms`
  if (!postgres) return { met: null, line: `${wanted}: not measured (no PostgreSQL)` }
  const met =
    postgres.reqPerSec >= TARGET.reqPerSec &&
    postgres.p99Ms <= TARGET.p99Ms &&
    postgres.errors + postgres.non2xx === 0
  const got = `${postgres.reqPerSec} req/s, p99 ${postgres.p99Ms} ms`
  return { met, line: `${wanted}: ${met ? 'MET' : 'NOT MET'} (${got})` }
}

/** Writes latest.json (bench/results/ is output; it need not be committed). */
export function saveResults(dir: string, results: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log('results written to bench/results/latest.json')
}
