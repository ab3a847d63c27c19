#!/usr/bin/env node
// `npm test`: the one test command for developers, README and CI.
//
// Runs the whole Vitest suite (extra arguments go to vitest, e.g. `npm test -- src/core`),
// writes test-results/vitest.json, and ends with the `N passed, N failed` line from
// scripts/test-summary.mjs. Exits non-zero when Vitest or the summary fails.
//
// Dialect-parametrised tests always run on PGlite, and also on PostgreSQL when
// TEST_DATABASE_URL is set. When it is not set and a PostgreSQL answers on 127.0.0.1:5432,
// that server is used (test files create their own databases on it).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const reportPath = join('test-results', 'vitest.json')
const localPostgres = 'postgres://postgres@127.0.0.1:5432/postgres'

function postgresAnswers() {
  const probe = spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432', '-t', '3'], {
    stdio: 'ignore',
    timeout: 10_000,
  })
  // @NOTE probe.error is set when pg_isready is not installed: treat as "no server".
  return !probe.error && probe.status === 0
}

function testEnv() {
  const env = { ...process.env }
  if (env.TEST_DATABASE_URL) {
    console.log('run-tests: PostgreSQL tests use TEST_DATABASE_URL')
  } else if (postgresAnswers()) {
    env.TEST_DATABASE_URL = localPostgres
    console.log(
      `run-tests: PostgreSQL answers on 127.0.0.1:5432; TEST_DATABASE_URL=${localPostgres}`,
    )
  } else {
    console.log(
      'run-tests: PostgreSQL tests skipped: none answers on 127.0.0.1:5432 and TEST_DATABASE_URL is unset',
    )
  }
  return env
}

function run(args, env) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' })
  if (result.error) {
    console.error(`run-tests: cannot start ${args[0]}: ${result.error.message}`)
    return 1
  }
  return result.status ?? 1
}

function main() {
  const env = testEnv()
  rmSync(join(root, reportPath), { force: true })
  mkdirSync(join(root, 'test-results'), { recursive: true })

  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
  const vitestArgs = [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${reportPath}`,
    ...process.argv.slice(2),
  ]
  let vitestStatus = 1
  if (existsSync(vitest)) vitestStatus = run([vitest, ...vitestArgs], env)
  else console.error('run-tests: vitest is not installed (run npm ci)')

  const summaryStatus = run([join(root, 'scripts', 'test-summary.mjs'), reportPath], env)
  return vitestStatus !== 0 || summaryStatus !== 0 ? 1 : 0
}

process.exitCode = main()
