import { randomBytes } from 'node:crypto'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { cpuSplit, sampleCpu, waitForQuiet } from './cpu.js'
import { databaseCeiling, type PgbenchResult, pgbenchAvailable } from './pgbench.js'
import {
  type Measured,
  printCeiling,
  printTable,
  saveResults,
  TARGET,
  targetVerdict,
} from './report.js'
import {
  type BenchDatabase,
  createKey,
  ensureBuilt,
  killChildren,
  pgliteDatabase,
  postgresDatabase,
  ROOT,
  type Server,
  startHello,
  startVigil,
} from './servers.js'

// @NOTE `npm run bench`: POST /v1/content throughput on PGlite and PostgreSQL against a bare
// Fastify baseline, all measured in one run with autocannon. BENCH_SECONDS, BENCH_WARMUP_SECONDS,
// BENCH_CONNECTIONS, BENCH_DATABASE_URL (else TEST_DATABASE_URL, else local postgres) and
// BENCH_PROFILE=1 (write V8 CPU profiles of the Vigil servers to bench/results/profiles/) and
// BENCH_QUIET_WAIT_SECONDS (how long to wait for a shared machine to go idle first; 0: don't),
// BENCH_TARGETS (a comma list of baseline, pglite, postgres; all by default). Other VIGIL_*
// settings in the environment reach the Vigil servers, e.g. VIGIL_PG_POOL_SIZE=10.

const SECONDS = positive('BENCH_SECONDS', 10)
const WARMUP_SECONDS = positive('BENCH_WARMUP_SECONDS', 3)
const CONNECTIONS = positive('BENCH_CONNECTIONS', 50)
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres'
const QUIET_WAIT_SECONDS = Number(process.env.BENCH_QUIET_WAIT_SECONDS ?? 60)
const PROFILE_DIR = process.env.BENCH_PROFILE === '1' ? join(ROOT, 'bench/results/profiles') : null
const TARGETS = new Set((process.env.BENCH_TARGETS ?? 'baseline,pglite,postgres').split(','))

const TEXT =
  'Had a lovely afternoon at the allotment with the kids. The tomatoes are finally turning red ' +
  'and the courgettes have gone wild again. Does anyone have a good chutney recipe? ' +
  'I will post photos of the harvest on Sunday, weather permitting.'

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}

interface Target {
  name: string
  server: Server
  path: string
  headers: Record<string, string>
  body: string
}

function cannon(target: Target, seconds: number) {
  return autocannon({
    url: `${target.server.url}${target.path}`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    idReplacement: true,
  })
}

/** A warm-up run (discarded), then the measured run. */
async function measure(target: Target): Promise<Measured> {
  const busy = await waitForQuiet(QUIET_WAIT_SECONDS * 1000, cpus().length)
  const busyNote = busy === undefined ? '' : ` (machine ${Math.round(busy * 100)}% busy before)`
  console.log(`${target.name}: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s${busyNote}`)
  await cannon(target, WARMUP_SECONDS)
  const before = sampleCpu(target.server.pid)
  const r = await cannon(target, SECONDS)
  const cpu = cpuSplit(before, sampleCpu(target.server.pid))
  return {
    name: target.name,
    reqPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    responses: r['2xx'] + r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    cpu,
    machineBusyBefore: busy === undefined ? null : Number(busy.toFixed(2)),
  }
}

async function baseline(): Promise<Measured> {
  const server = await startHello()
  try {
    const body = JSON.stringify({ id: '[<id>]', text: TEXT })
    return await measure({
      name: 'fastify hello (baseline)',
      server,
      path: '/hello',
      headers: {},
      body,
    })
  } finally {
    await server.stop()
  }
}

const contentBody = JSON.stringify({
  id: 'bench-[<id>]',
  kind: 'text',
  surface: 'public',
  author: { id: 'author-[<id>]' },
  text: TEXT,
})

async function vigil(
  name: string,
  database: BenchDatabase,
  afterStop?: () => Promise<void>,
): Promise<Measured> {
  const bootstrapKey = randomBytes(24).toString('base64url')
  const tag = name.replace(/\W+/g, '-')
  const server = await startVigil({
    settings: { ...database.settings, VIGIL_BOOTSTRAP_API_KEY: bootstrapKey },
    nodeFlags: PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${tag}.cpuprofile`]
      : [],
  })
  try {
    const key = await createKey(server.url, bootstrapKey, 'platform')
    const headers = { authorization: `Bearer ${key}` }
    await expectAllow(server, headers)
    return await measure({ name, server, path: '/v1/content', headers, body: contentBody })
  } finally {
    await server.stop()
    await afterStop?.().catch((error: Error) => console.error(`bench: ${error.message}`))
    await database.drop()
  }
}

/** After the Vigil run, pgbench on the same database: what PostgreSQL alone manages. */
async function ceilingOn(database: BenchDatabase, into: PgbenchResult[]): Promise<void> {
  if (!(await pgbenchAvailable())) return
  const url = database.settings.VIGIL_DATABASE_URL as string
  const pool = Number(process.env.VIGIL_PG_POOL_SIZE ?? 20)
  await waitForQuiet(QUIET_WAIT_SECONDS * 1000, cpus().length)
  console.log(
    `postgres alone (pgbench): ${SECONDS} s with 1 row per statement, ${SECONDS} s with 10`,
  )
  into.push(...(await databaseCeiling(url, pool, SECONDS)))
}

/** One request first: the benchmark is meaningless if the text is not allowed with a 200. */
async function expectAllow(server: Server, headers: Record<string, string>): Promise<void> {
  const response = await fetch(`${server.url}/v1/content`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: contentBody.replaceAll('[<id>]', 'sanity-check'),
  })
  const body = (await response.json()) as { verdict?: string }
  if (response.status !== 200 || body.verdict !== 'allow') {
    throw new Error(`POST /v1/content answered ${response.status} ${JSON.stringify(body)}`)
  }
}

async function main(): Promise<void> {
  const budgetMs = (5 * (SECONDS + WARMUP_SECONDS + QUIET_WAIT_SECONDS) + 300) * 1000
  const guard = setTimeout(() => {
    console.error(`bench: still running after ${budgetMs / 1000} s; giving up`)
    killChildren()
    process.exit(1)
  }, budgetMs)
  const notes: string[] = []
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)))
  ensureBuilt()
  const rows: Measured[] = []
  if (TARGETS.has('baseline')) rows.push(await baseline())
  if (TARGETS.has('pglite')) rows.push(await vigil('vigil /v1/content pglite', pgliteDatabase()))
  const pg = TARGETS.has('postgres') ? await postgresDatabase(PG_URL) : undefined
  if (pg && 'skipped' in pg) notes.push(`PostgreSQL skipped: ${pg.skipped}`)
  const ceiling: PgbenchResult[] = []
  if (pg && !('skipped' in pg)) {
    rows.push(await vigil('vigil /v1/content postgres', pg, () => ceilingOn(pg, ceiling)))
  }
  const base = rows.find((r) => r.name.includes('baseline'))
  for (const r of rows) if (base) r.ratioToBaseline = r.reqPerSec / base.reqPerSec
  printTable(rows)
  printCeiling(ceiling)
  const busy = rows.filter((r) => (r.machineBusyBefore ?? 0) > 0.2).map((r) => r.name)
  if (busy.length > 0) {
    notes.push(`other work kept the machine busy before: ${busy.join(', ')}; figures are low`)
  }
  for (const note of notes) console.log(note)
  const verdict = targetVerdict(rows.find((r) => r.name.endsWith('postgres')))
  console.log(verdict.line)
  writeResults({ rows, ceiling, verdict, notes, loadBefore })
  clearTimeout(guard)
}

function writeResults(run: {
  rows: Measured[]
  ceiling: PgbenchResult[]
  verdict: ReturnType<typeof targetVerdict>
  notes: string[]
  loadBefore: number[]
}) {
  const { rows, ceiling, verdict, notes, loadBefore } = run
  saveResults(join(ROOT, 'bench/results'), {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadBefore,
      platform: `${process.platform} ${process.arch}`,
    },
    settings: {
      targets: [...TARGETS],
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      connections: CONNECTIONS,
      quietWaitSeconds: QUIET_WAIT_SECONDS,
    },
    target: { ...TARGET, met: verdict.met, line: verdict.line },
    results: rows,
    postgresAlone: ceiling,
    notes,
    ...(PROFILE_DIR ? { profiles: PROFILE_DIR } : {}),
  })
}

process.once('SIGINT', () => {
  killChildren()
  process.exit(130)
})

try {
  await main()
} catch (error) {
  console.error(`bench failed: ${(error as Error).stack ?? error}`)
  killChildren()
  process.exitCode = 1
}
