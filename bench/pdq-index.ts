import { spawnSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { mulberry32 } from '../src/core/random.js'
import { popcount32 } from '../src/detection/hash/pdq-hex.js'
import { PdqIndex, type PdqIndexHit } from '../src/detection/hash/pdq-index.js'

// @NOTE `node --expose-gc --import tsx bench/pdq-index.ts`: the PDQ index at 1M and 10M hashes,
// random and clustered (centres with 0–40 random bits flipped, 64 hashes per centre), each row in
// a fresh child process so that its RSS is its own. Per row: bulk build time, lookup p50/p99 at
// distance ≤ 31 over BENCH_QUERIES queries (default 2,000: half a stored hash with 0–40 bits
// flipped, half random), candidates verified per query, memory once the generated input is
// dropped (RSS and array buffers, after gc; peak: the row's largest RSS, build included); then
// BENCH_UPDATES add() of new hashes (default 100,000) and a tenth as many remove(), and the same
// lookups again. "cpu ms" is CPU time per query, which other work on the machine disturbs less
// than the wall clock; "load" is the load average when the row started. The baseline, in the
// same process, is a brute-force scan of the same hashes (early exit after 4 words) over the
// first BENCH_SCAN_QUERIES queries (default 20), whose hits must equal the index's.
// BENCH_INDEX_SIZES (default 1000000,10000000), BENCH_INDEX_KINDS (random,clustered),
// BENCH_INDEX_CHUNKS (chunks per segment, to compare layouts). Target: p50 ≤ 1 ms at 10M random
// with RSS ≤ 1 GiB.

const SIZES = (process.env.BENCH_INDEX_SIZES ?? '1000000,10000000').split(',').map(Number)
const KINDS = (process.env.BENCH_INDEX_KINDS ?? 'random,clustered').split(',')
const CHUNKS = process.env.BENCH_INDEX_CHUNKS ? Number(process.env.BENCH_INDEX_CHUNKS) : undefined
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000)
const SCAN_QUERIES = Number(process.env.BENCH_SCAN_QUERIES ?? 20)
const UPDATES = Number(process.env.BENCH_UPDATES ?? 100_000)
const ROW = process.env.BENCH_INDEX_ROW
const MAX_DISTANCE = 31
const PER_CENTRE = 64
const TARGET_MS = 1
const TARGET_BYTES = 2 ** 30

type Data = ReturnType<typeof generate>
type Lookups = ReturnType<typeof timeQueries>

interface Result {
  name: string
  load: number
  buildSeconds: number
  buildCpuSeconds: number
  lookups: Lookups
  rssBytes: number
  peakRssBytes: number
  bufferBytes: number
  indexBytes: number
  scanMs: number
  updates: { addMicros: number; worstAddMs: number; removeMicros: number; segments: number }
  afterUpdates: Lookups
}

function randomWord(next: () => number): number {
  return Math.floor(next() * 2 ** 32)
}

/** Flips `flips` random bits (repeats allowed, so up to that distance) of words at `base`. */
function flip(words: Uint32Array, base: number, flips: number, next: () => number): void {
  for (let i = 0; i < flips; i++) {
    const bit = Math.floor(next() * 256)
    words[base + (bit >>> 5)] = (words[base + (bit >>> 5)] ?? 0) ^ (1 << (bit & 31))
  }
}

function generate(kind: string, size: number, seed: number) {
  const { next } = mulberry32(seed)
  const hashes = new Uint32Array(size * 8)
  for (let i = 0; i < size; i++) {
    if (kind === 'random' || i % PER_CENTRE === 0) {
      for (let w = 0; w < 8; w++) hashes[i * 8 + w] = randomWord(next)
    } else {
      const centre = (i - (i % PER_CENTRE)) * 8
      hashes.copyWithin(i * 8, centre, centre + 8)
      flip(hashes, i * 8, Math.floor(next() * 41), next)
    }
  }
  const handles = Uint32Array.from({ length: size }, (_, i) => i)
  const queries = Array.from({ length: QUERIES }, (_, q) => {
    if (q % 2 === 1) return Uint32Array.from({ length: 8 }, () => randomWord(next))
    const stored = Math.floor(next() * size) * 8
    const query = hashes.slice(stored, stored + 8)
    flip(query, 0, Math.floor(next() * 41), next)
    return query
  })
  return { hashes, handles, queries }
}

/** The baseline: every stored hash compared with the query. */
function scan(hashes: Uint32Array, query: Uint32Array): PdqIndexHit[] {
  const hits: PdqIndexHit[] = []
  const [q0 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0, q5 = 0, q6 = 0, q7 = 0] = query
  for (let i = 0, base = 0; base < hashes.length; i++, base += 8) {
    let distance =
      popcount32((hashes[base] as number) ^ q0) +
      popcount32((hashes[base + 1] as number) ^ q1) +
      popcount32((hashes[base + 2] as number) ^ q2) +
      popcount32((hashes[base + 3] as number) ^ q3)
    if (distance > MAX_DISTANCE) continue
    distance +=
      popcount32((hashes[base + 4] as number) ^ q4) +
      popcount32((hashes[base + 5] as number) ^ q5) +
      popcount32((hashes[base + 6] as number) ^ q6) +
      popcount32((hashes[base + 7] as number) ^ q7)
    if (distance <= MAX_DISTANCE) hits.push({ handle: i, distance })
  }
  return hits.sort((a, b) => a.distance - b.distance || a.handle - b.handle)
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}

/** Brute-force hits of the first queries, and the median scan time (ms). */
function baseline(data: Data): { expected: PdqIndexHit[][]; scanMs: number } {
  const times = new Float64Array(Math.min(SCAN_QUERIES, data.queries.length))
  const expected = data.queries.slice(0, times.length).map((query, q) => {
    const started = performance.now()
    const hits = scan(data.hashes, query)
    times[q] = performance.now() - started
    return hits
  })
  return { expected, scanMs: percentile(times.sort(), 0.5) }
}

function checkRecall(index: PdqIndex, queries: Uint32Array[], expected: PdqIndexHit[][]): void {
  expected.forEach((hits, q) => {
    const found = JSON.stringify(index.query(queries[q] as Uint32Array))
    if (found !== JSON.stringify(hits)) throw new Error(`query ${q}: index ≠ brute force`)
  })
}

function timeQueries(index: PdqIndex, queries: Uint32Array[]) {
  for (const query of queries.slice(0, 200)) index.query(query) // warm-up
  const before = index.stats().candidates
  const times = new Float64Array(queries.length)
  let hits = 0
  const cpu = process.cpuUsage()
  queries.forEach((query, q) => {
    const started = performance.now()
    hits += index.query(query).length
    times[q] = performance.now() - started
  })
  const cpuMs = (cpuSeconds(cpu) * 1000) / queries.length
  times.sort()
  return {
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    cpuMs,
    candidates: (index.stats().candidates - before) / queries.length,
    hits: hits / queries.length,
  }
}

/** UPDATES add() of new random hashes, then UPDATES / 10 remove() of stored ones. */
function update(index: PdqIndex, data: Data): Result['updates'] {
  const { next } = mulberry32(UPDATES)
  const size = data.handles.length
  let worstAddMs = 0
  let cpu = process.cpuUsage()
  for (let i = 0; i < UPDATES; i++) {
    const hash = Uint32Array.from({ length: 8 }, () => randomWord(next))
    const started = performance.now()
    index.add(hash, size + i)
    worstAddMs = Math.max(worstAddMs, performance.now() - started)
  }
  const addMicros = (cpuSeconds(cpu) * 1e6) / UPDATES
  cpu = process.cpuUsage()
  const removes = Math.max(1, UPDATES / 10)
  for (let i = 0; i < removes; i++) {
    const id = Math.floor(next() * size)
    index.remove(data.hashes.subarray(id * 8, id * 8 + 8), id)
  }
  const removeMicros = (cpuSeconds(cpu) * 1e6) / removes
  return { addMicros, worstAddMs, removeMicros, segments: index.stats().segments }
}

/** One row, in this process (a child of the main one). */
async function measure(kind: string, size: number): Promise<Result> {
  const load = loadavg()[0] ?? 0
  const data = generate(kind, size, size + kind.length)
  const { expected, scanMs } = baseline(data)
  const { hashes, handles } = data
  const started = performance.now()
  const cpu = process.cpuUsage()
  const index = PdqIndex.build({ hashes, handles, transfer: true }, { chunks: CHUNKS })
  const buildCpuSeconds = cpuSeconds(cpu)
  const buildSeconds = (performance.now() - started) / 1000
  checkRecall(index, data.queries, expected)
  await collectGarbage()
  const { rss, arrayBuffers } = process.memoryUsage()
  const lookups = timeQueries(index, data.queries)
  const indexBytes = index.stats().bytes
  const updates =
    UPDATES > 0
      ? update(index, data)
      : { addMicros: 0, worstAddMs: 0, removeMicros: 0, segments: index.stats().segments }
  const afterUpdates = timeQueries(index, data.queries)
  const peakRssBytes = process.resourceUsage().maxRSS * 1024
  const name = `${kind} ${(size / 1e6).toLocaleString('en')}M`
  const memory = { rssBytes: rss, peakRssBytes, bufferBytes: arrayBuffers, indexBytes }
  return {
    name,
    load,
    buildSeconds,
    buildCpuSeconds,
    lookups,
    scanMs,
    ...memory,
    updates,
    afterUpdates,
  }
}

/** Full collections (run with --expose-gc); freed array buffers leave RSS a tick later. */
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc
  for (let round = 0; round < 3; round++) {
    gc?.()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function runChild(kind: string, size: number): Result {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_INDEX_ROW: `${kind}:${size}` },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (child.status !== 0) throw new Error(`the ${kind} ${size} row failed (${child.status})`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as Result
}

const MIB = 2 ** 20
const COLUMNS: [string, number, (r: Result) => string][] = [
  ['load', 6, (r) => r.load.toFixed(1)],
  ['build s', 9, (r) => r.buildSeconds.toFixed(1)],
  ['(cpu)', 7, (r) => r.buildCpuSeconds.toFixed(1)],
  ['p50 ms', 9, (r) => r.lookups.p50.toFixed(3)],
  ['p99 ms', 9, (r) => r.lookups.p99.toFixed(3)],
  ['cpu ms', 9, (r) => r.lookups.cpuMs.toFixed(3)],
  ['cand/q', 8, (r) => Math.round(r.lookups.candidates).toLocaleString('en')],
  ['hits/q', 8, (r) => r.lookups.hits.toFixed(1)],
  ['RSS MiB', 9, (r) => (r.rssBytes / MIB).toFixed(0)],
  ['peak MiB', 10, (r) => (r.peakRssBytes / MIB).toFixed(0)],
  ['buf MiB', 9, (r) => (r.bufferBytes / MIB).toFixed(0)],
  ['index MiB', 11, (r) => (r.indexBytes / MIB).toFixed(0)],
  ['scan ms', 9, (r) => r.scanMs.toFixed(1)],
  ['scan/p50', 10, (r) => `${Math.round(r.scanMs / r.lookups.p50)}×`],
]

const UPDATE_COLUMNS: [string, number, (r: Result) => string][] = [
  ['add µs', 8, (r) => r.updates.addMicros.toFixed(1)],
  ['worst add ms', 14, (r) => r.updates.worstAddMs.toFixed(0)],
  ['remove µs', 11, (r) => r.updates.removeMicros.toFixed(1)],
  ['segments', 10, (r) => String(r.updates.segments)],
  ['p50 ms', 9, (r) => r.afterUpdates.p50.toFixed(3)],
  ['p99 ms', 9, (r) => r.afterUpdates.p99.toFixed(3)],
  ['cpu ms', 9, (r) => r.afterUpdates.cpuMs.toFixed(3)],
  ['cand/q', 8, (r) => Math.round(r.afterUpdates.candidates).toLocaleString('en')],
]

function printTable(results: Result[], columns: typeof COLUMNS): void {
  console.log(`${'hashes'.padEnd(14)}${columns.map(([name, w]) => name.padStart(w)).join('')}`)
  for (const r of results) {
    console.log(`${r.name.padEnd(14)}${columns.map(([, w, cell]) => cell(r).padStart(w)).join('')}`)
  }
}

async function main(): Promise<void> {
  if (ROW) {
    const [kind = 'random', size = '0'] = ROW.split(':')
    console.log(JSON.stringify(await measure(kind, Number(size))))
    return
  }
  console.log(
    `PDQ index: distance ≤ ${MAX_DISTANCE}, ${QUERIES} queries per row (scan baseline: first ` +
      `${SCAN_QUERIES}, hits compared); node ${process.version}, ${cpus().length} × ` +
      `${cpus()[0]?.model ?? 'cpu'}${CHUNKS ? `; ${CHUNKS} chunks per segment` : ''}\n`,
  )
  const results = KINDS.flatMap((kind) => SIZES.map((size) => runChild(kind, size)))
  printTable(results, COLUMNS)
  if (UPDATES > 0) {
    const removes = (UPDATES / 10).toLocaleString('en')
    console.log(`\nthen ${UPDATES.toLocaleString('en')} add() and ${removes} remove() (CPU µs):`)
    printTable(results, UPDATE_COLUMNS)
  }
  const target = results.find((r) => r.name === 'random 10M')
  const met = target && target.lookups.p50 <= TARGET_MS && target.rssBytes <= TARGET_BYTES
  const verdict = target ? (met ? 'met' : 'NOT met') : 'not measured (no random 10M row)'
  console.log(`\ntarget: p50 ≤ ${TARGET_MS} ms at 10M in ≤ 1 GB: ${verdict}`)
}

await main()
