import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './servers.js'

// @NOTE The database's own ceiling, measured right after the Vigil run on the same (migrated)
// database: pgbench sending the statement POST /v1/content sends, one row per statement and ten.
// Skipped when pgbench is not installed.

const run = promisify(execFile)

export interface PgbenchResult {
  name: string
  clients: number
  statementsPerSec: number
  rowsPerSec: number
  latencyAvgMs: number
}

export async function pgbenchAvailable(): Promise<boolean> {
  try {
    await run('pgbench', ['--version'], { timeout: 5_000 })
    return true
  } catch {
    return false
  }
}

async function pgbench(
  url: string,
  script: string,
  clients: number,
  seconds: number,
): Promise<{ tps: number; latencyAvgMs: number }> {
  const { stdout } = await run(
    'pgbench',
    ['-n', '-M', 'extended', '-c', String(clients), '-j', '2', '-T', String(seconds)].concat([
      '-f',
      join(ROOT, 'bench/pgbench', script),
      url,
    ]),
    { timeout: (seconds + 30) * 1000 },
  )
  const tps = /tps = ([\d.]+)/.exec(stdout)?.[1]
  const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1]
  if (!tps || !latency) throw new Error(`cannot read pgbench's output:\n${stdout}`)
  return { tps: Number(tps), latencyAvgMs: Number(latency) }
}

/** One row per statement with as many clients as Vigil's pool, then ten rows per statement. */
export async function databaseCeiling(
  url: string,
  poolSize: number,
  seconds: number,
): Promise<PgbenchResult[]> {
  const one = await pgbench(url, 'ingest-one.sql', poolSize, seconds)
  const tenClients = Math.max(1, Math.round(poolSize / 4))
  const ten = await pgbench(url, 'ingest-ten.sql', tenClients, seconds)
  return [
    {
      name: 'pgbench, 1 row per statement',
      clients: poolSize,
      statementsPerSec: Math.round(one.tps),
      rowsPerSec: Math.round(one.tps),
      latencyAvgMs: one.latencyAvgMs,
    },
    {
      name: 'pgbench, 10 rows per statement',
      clients: tenClients,
      statementsPerSec: Math.round(ten.tps),
      rowsPerSec: Math.round(ten.tps * 10),
      latencyAvgMs: ten.latencyAvgMs,
    },
  ]
}
