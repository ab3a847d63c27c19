import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { inject } from 'vitest'
import { adminQuery } from '../dialects.js'

// @NOTE End-to-end helpers: the real CLI in a child process, on a database of its own.

export type E2eDialect = 'pglite' | 'postgres'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SERVER_URL = process.env.TEST_DATABASE_URL

/** A database for one test: an empty PGlite folder or an empty PostgreSQL database. */
export interface E2eDatabase {
  dialect: E2eDialect
  /** The VIGIL_* settings every process of this test runs with. */
  env: Record<string, string>
  bootstrapKey: string
  /** Runs SQL directly on the database; for PGlite only while no Vigil process has it open. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  drop(): Promise<void>
}

/**
 * `migrated: true` seeds a PGlite folder from the suite's migrated template (a few seconds
 * instead of initdb and every migration in the child); without it `vigil serve` starts on an
 * empty database and migrates it, as on a first install. PostgreSQL always starts empty.
 */
export async function e2eDatabase(
  dialect: E2eDialect,
  options: { migrated?: boolean } = {},
): Promise<E2eDatabase> {
  const bootstrapKey = `e2e-bootstrap-${randomBytes(24).toString('base64url')}`
  const base = {
    VIGIL_BOOTSTRAP_API_KEY: bootstrapKey,
    VIGIL_ALLOW_PRIVATE_NETWORK: 'true',
    VIGIL_LOG_LEVEL: 'info',
  }
  if (dialect === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'))
    if (options.migrated) await seedFromTemplate(dataDir)
    return {
      dialect,
      bootstrapKey,
      env: { ...base, VIGIL_DATA_DIR: dataDir },
      query: (text, params) => queryPglite(dataDir, text, params),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  if (!SERVER_URL) throw new Error('the PostgreSQL end-to-end tests need TEST_DATABASE_URL')
  const name = `vigil_e2e_${randomBytes(8).toString('hex')}`
  await adminQuery(SERVER_URL, `create database ${name}`)
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  return {
    dialect,
    bootstrapKey,
    env: { ...base, VIGIL_DATABASE_URL: url.toString() },
    query: (text, params) => queryPostgres(url.toString(), text, params),
    drop: () => adminQuery(SERVER_URL, `drop database if exists ${name} with (force)`),
  }
}

async function seedFromTemplate(dataDir: string): Promise<void> {
  const template = new Blob([readFileSync(inject('pgliteTemplatePath'))])
  const db = await PGlite.create({ dataDir, loadDataDir: template })
  await db.close()
}

async function queryPglite<T>(dataDir: string, text: string, params: unknown[] = []) {
  const db = await PGlite.create({ dataDir })
  try {
    return (await db.query<T>(text, params)).rows
  } finally {
    await db.close()
  }
}

async function queryPostgres<T>(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}

/** The environment of a child: this process's, minus stray VIGIL_* settings, plus the test's. */
function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIL_')),
  )
  return { ...env, ...settings }
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs one CLI command (`node --import tsx src/cli/main.ts ...args`) to completion. */
export function runCli(db: E2eDatabase, args: string[], timeoutMs = 60_000): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: childEnv(db.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const out = collect(child)
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  return waitForExit(child).then((code) => {
    clearTimeout(timer)
    return { code, ...out() }
  })
}

export interface ServeProcess {
  /** e.g. http://127.0.0.1:41234 */
  url: string
  child: ChildProcess
  exited: Promise<number | null>
  output(): { stdout: string; stderr: string }
  /** SIGTERM, then waits for a clean exit; SIGKILL and throws if it takes too long. */
  stop(timeoutMs?: number): Promise<number | null>
  /** SIGKILL: no shutdown at all, as in a crash. */
  kill(): Promise<void>
}

/** Starts `vigil serve --port 0` and resolves once it logs the address it listens on. */
export async function startServe(
  db: E2eDatabase,
  options: { settings?: Record<string, string>; startTimeoutMs?: number } = {},
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'],
    {
      cwd: ROOT,
      env: childEnv({ ...db.env, ...options.settings }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const output = collect(child)
  const exited = waitForExit(child)
  const url = await listeningAddress(child, exited, output, options.startTimeoutMs ?? 60_000)
  return {
    url,
    child,
    exited,
    output,
    stop: async (timeoutMs = 20_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      const code = await exited
      clearTimeout(timer)
      if (child.signalCode === 'SIGKILL') {
        throw new Error(`vigil serve did not stop within ${timeoutMs} ms of SIGTERM`)
      }
      return code
    },
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
}

function listeningAddress(
  child: ChildProcess,
  exited: Promise<number | null>,
  output: () => { stdout: string; stderr: string },
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`vigil serve did not start in ${timeoutMs} ms:\n${tail(output())}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const address = runningAddress(line)
        if (!address) continue
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        resolve(address)
      }
    }
    child.stdout?.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`vigil serve exited (${code}) before listening:\n${tail(output())}`))
    })
  })
}

function runningAddress(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined
  try {
    const entry = JSON.parse(line) as { msg?: string; address?: string }
    return entry.msg === 'vigil is running' ? entry.address : undefined
  } catch {
    return undefined
  }
}

function tail({ stdout, stderr }: { stdout: string; stderr: string }): string {
  return `--- stdout\n${stdout.slice(-4000)}\n--- stderr\n${stderr.slice(-4000)}`
}

function collect(child: ChildProcess): () => { stdout: string; stderr: string } {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  return () => ({ stdout, stderr })
}

/** The exit code (null when a signal ended it) once the process and its pipes are closed. */
export function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('close', (code) => resolve(code))
  })
}

/** The JSON log lines at level error (50) or above: a healthy run writes none. */
export function errorLogs(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => typeof entry.level === 'number' && entry.level >= 50)
}

/** A JSON call to the API with a bearer key. */
export async function api(
  server: { url: string },
  key: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  return { status: response.status, headers: response.headers, json }
}

/** Creates a key through POST /v1/keys with the bootstrap (admin) key; returns the key. */
export async function createKey(
  server: { url: string },
  db: E2eDatabase,
  role: 'platform' | 'moderator' | 'trusted_flagger' | 'admin',
): Promise<string> {
  const res = await api(server, db.bootstrapKey, 'POST', '/v1/keys', { name: `e2e ${role}`, role })
  if (res.status !== 201)
    throw new Error(`POST /v1/keys: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json.key as string
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
