import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// @NOTE `npm run bench`: every benchmark of Vigil, one after the other, each in its own process
// (so one's memory and JIT state do not colour the next) and each printing its figures beside a
// baseline measured in the same run:
//   http       POST /v1/content on PGlite and PostgreSQL vs a bare Fastify server (bench/http.ts)
//   pdq        PDQ images/s at full resolution with decoding vs sharp's decode alone (bench/pdq.ts)
//   pdq-index  PDQ index lookups at 1M and 10M hashes vs a brute-force scan (bench/pdq-index.ts)
//   keywords   keyword lists, 10k terms, MB/s vs the obscenity package (bench/keywords.ts)
//   urls       URL extraction and domain-list lookups (bench/urls.ts)
//   transparency  the transparency report over 1M decisions vs a count(*) of them (bench/transparency.ts)
// BENCH_SUITES picks some (a comma list); each suite's own BENCH_* variables still apply.

const SUITES: Record<string, { script: string; flags?: string[] }> = {
  http: { script: 'http.ts' },
  pdq: { script: 'pdq.ts' },
  'pdq-index': { script: 'pdq-index.ts', flags: ['--expose-gc', '--max-old-space-size=4096'] },
  keywords: { script: 'keywords.ts' },
  urls: { script: 'urls.ts' },
  transparency: { script: 'transparency.ts' },
}

function chosen(): string[] {
  const names = (process.env.BENCH_SUITES ?? Object.keys(SUITES).join(',')).split(',')
  const unknown = names.filter((name) => !(name in SUITES))
  if (unknown.length > 0) {
    throw new Error(
      `unknown BENCH_SUITES ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`,
    )
  }
  return names
}

function main(): number {
  const failed: string[] = []
  for (const name of chosen()) {
    const suite = SUITES[name] as (typeof SUITES)[string]
    console.log(`\n=== bench: ${name} (bench/${suite.script}) ===\n`)
    const script = fileURLToPath(new URL(suite.script, import.meta.url))
    const run = spawnSync(process.execPath, [...(suite.flags ?? []), '--import', 'tsx', script], {
      stdio: 'inherit',
    })
    if (run.status !== 0) failed.push(name)
  }
  if (failed.length > 0) console.error(`\nbench: ${failed.join(', ')} failed`)
  return failed.length > 0 ? 1 : 0
}

process.exitCode = main()
