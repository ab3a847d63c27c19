import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Every child this run started, so a timeout or Ctrl-C can end them (and only them). */
const children = new Set<ChildProcess>()

export function killChildren(): void {
  for (const child of children) child.kill('SIGKILL')
}

/** Builds dist/ with `npm run build` when it is missing or older than any file in src/. */
export function ensureBuilt(): void {
  const built = join(ROOT, 'dist', 'cli', 'main.js')
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
  const newest = newestMtime(join(ROOT, 'src'))
  if (builtAt >= newest) return
  console.log(builtAt ? 'dist/ is older than src/: building…' : 'dist/ is missing: building…')
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path))
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

export interface Server {
  url: string
  pid: number
  stop(): Promise<void>
}

/** Spawns a server and resolves with the address matched on its stdout. */
function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  address: (line: string) => string | undefined,
  timeoutMs = 60_000,
): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
  void exited.then(() => children.delete(child))
  const stop = async () => {
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(timer)
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${args.join(' ')} did not start in ${timeoutMs} ms\n${stderr}`))
    }, timeoutMs)
    let buffered = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const url of lines.map(address).filter(Boolean)) {
        clearTimeout(timer)
        resolve({ url: url as string, pid: child.pid ?? 0, stop })
      }
    })
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`${args.join(' ')} exited before listening\n${stderr}`))
    })
  })
}

export function startHello(): Promise<Server> {
  return startChild(['--import', 'tsx', 'bench/hello-server.ts'], process.env, (line) =>
    line.includes('"hello is running"')
      ? (JSON.parse(line) as { address: string }).address
      : undefined,
  )
}

export interface VigilOptions {
  settings: Record<string, string>
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[]
}

/** Settings the bench decides; any other VIGIL_* in the environment (e.g. VIGIL_PG_POOL_SIZE) passes. */
const OWNED = [
  'VIGIL_DATABASE_URL',
  'VIGIL_DATA_DIR',
  'VIGIL_LOG_LEVEL',
  'VIGIL_PORT',
  'VIGIL_HOST',
]

/** `node bin/vigil.js serve --port 0` from the built code, logging at warn. */
export function startVigil(options: VigilOptions): Promise<Server> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !OWNED.includes(name)),
  )
  return startChild(
    [...(options.nodeFlags ?? []), 'bin/vigil.js', 'serve', '--port', '0'],
    { ...env, VIGIL_LOG_LEVEL: 'warn', ...options.settings },
    // At warn the "vigil is running" log line is not written; the welcome text always is.
    (line) => /^Vigil is listening on (http:\/\/\S+)/.exec(line)?.[1],
  )
}

export interface BenchDatabase {
  settings: Record<string, string>
  drop(): Promise<void>
}

export function pgliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'))
  return {
    settings: { VIGIL_DATA_DIR: dir },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** A fresh, empty database on the server, or undefined (with the reason) when none answers. */
export async function postgresDatabase(
  serverUrl: string,
): Promise<BenchDatabase | { skipped: string }> {
  const name = `vigil_bench_${randomBytes(6).toString('hex')}`
  try {
    await adminQuery(serverUrl, `create database ${name}`)
  } catch (error) {
    return { skipped: `no PostgreSQL at ${redact(serverUrl)}: ${(error as Error).message}` }
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    settings: { VIGIL_DATABASE_URL: url.toString() },
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  }
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

function redact(serverUrl: string): string {
  const url = new URL(serverUrl)
  if (url.password) url.password = '****'
  return url.toString()
}

/** A bearer key of the given role, made with the bootstrap key through POST /v1/keys. */
export async function createKey(url: string, bootstrapKey: string, role: string): Promise<string> {
  const response = await fetch(`${url}/v1/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bootstrapKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `bench ${role}`, role }),
  })
  const body = (await response.json()) as { key?: string }
  if (response.status !== 201 || !body.key) {
    throw new Error(`POST /v1/keys answered ${response.status}: ${JSON.stringify(body)}`)
  }
  return body.key
}
