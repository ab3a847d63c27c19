import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../src/services/password-hash.js'
import { type CliRun, type E2eDatabase, e2eDatabase, ROOT, runCli, waitForExit } from './serve.js'

const PASSWORD = 'correct horse battery staple'

/** `vigil ...args` with `input` piped to its standard input (which is then not a terminal). */
async function runWithInput(db: E2eDatabase, args: string[], input?: string): Promise<CliRun> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIL_')),
  )
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...env, ...db.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  child.stdin.end(input ?? '')
  const code = await waitForExit(child)
  return { code, stdout, stderr }
}

const create = (email: string, role = 'moderator') => [
  'users',
  'create',
  '--email',
  email,
  '--name',
  'Ana Moderator',
  '--role',
  role,
]

// @NOTE `vigil users` as an operator runs it, on PGlite like the other CLI tests; the services
// underneath are tested on both databases in test/api/console-session.test.ts.
describe('vigil users on pglite', () => {
  let db: E2eDatabase
  beforeAll(async () => {
    db = await e2eDatabase('pglite', { migrated: true })
  })
  afterAll(async () => {
    await db.drop()
  })

  it('creates a user with --password-stdin and stores only a scrypt hash', async () => {
    const run = await runWithInput(
      db,
      [...create('Ana@Example.org'), '--password-stdin'],
      `${PASSWORD}\n`,
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(
      /created console user ana@example\.org \(moderator\), id [0-9a-f-]{36}/,
    )
    const [row] = await db.query<{ password_hash: string; preferences: unknown }>(
      'select password_hash, preferences from console_user',
    )
    expect(row?.password_hash).toMatch(/^\$scrypt\$n=32768,r=8,p=1,l=64\$/)
    expect(await verifyPassword(PASSWORD, row?.password_hash as string)).toBe(true)
    expect(row?.preferences).toEqual({ revealMedia: false })
    const audit = await db.query<{ action: string; actor: string; data: unknown }>(
      "select action, actor, data from audit_entry where action like 'console_user.%'",
    )
    expect(audit).toEqual([
      {
        action: 'console_user.created',
        actor: 'cli',
        data: { email: 'ana@example.org', name: 'Ana Moderator', role: 'moderator' },
      },
    ])
    expect(JSON.stringify(audit)).not.toContain(PASSWORD)
  })

  it('refuses a short password, a password flag and a missing terminal, creating nothing', async () => {
    const short = await runWithInput(
      db,
      [...create('bo@example.org'), '--password-stdin'],
      'short\n',
    )
    expect(short.code).not.toBe(0)
    expect(short.stderr).toContain('at least 12 characters')
    const noTerminal = await runWithInput(db, create('cy@example.org'))
    expect(noTerminal.code).not.toBe(0)
    expect(noTerminal.stderr).toContain('--password-stdin')
    const flag = await runCli(db, [...create('di@example.org'), '--password', PASSWORD])
    expect(flag.code).not.toBe(0)
    expect(flag.stderr).toContain("unknown option '--password'")
    const rows = await db.query<{ n: number }>('select count(*)::int as n from console_user')
    expect(rows[0]?.n).toBe(1)
  })

  it('lists users and disables one', async () => {
    const listed = await runCli(db, ['users', 'list'])
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stdout).toMatch(/ana@example\.org.*Ana Moderator.*moderator/)
    const disabled = await runCli(db, ['users', 'disable', 'ANA@example.org'])
    expect(disabled.code, disabled.stderr).toBe(0)
    expect(disabled.stdout).toContain('disabled ana@example.org; ended 0 session(s)')
  })
})
