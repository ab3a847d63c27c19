import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { writeStatementsExport } from '../src/cli/commands/sor.js'
import { main } from '../src/cli/main.js'
import { EuSorClient } from '../src/compliance/eu-sor/eu-client.js'
import { exportRange } from '../src/compliance/eu-sor/export.js'
import { validateEuStatement } from '../src/core/eu-sor.js'
import { decideOnPost } from './api-steps.js'
import { dialects } from './dialects.js'
import { euSorFixtures, euStatementFor } from './eu-sor-fixtures.js'
import { type EuSorServer, startEuSorServer } from './eu-sor-server.js'
import { closeHarness } from './factories.js'
import { createTestHarness, type TestHarness } from './harness.js'

describe('the local EU database applies every rule to a batch, all or none', () => {
  let server: EuSorServer
  let client: EuSorClient
  const endpoint = (token: string) => ({
    token,
    timeoutMs: 5_000,
    retries: 0,
    retryDelayMs: 1,
    allowPrivate: true,
  })
  beforeAll(async () => {
    server = await startEuSorServer()
    client = new EuSorClient({ baseUrl: server.url, ...endpoint(server.token) })
  })
  afterAll(async () => {
    await server.close()
  })

  it.each(euSorFixtures.bad.map((c) => [c.name, c] as const))(
    'refuses a batch holding a statement with %s, naming the rule',
    async (_name, c) => {
      const tag = crypto.randomUUID()
      const batch = [`${tag}-a`, `${tag}-b`, `${tag}-c`].map((puid, i) =>
        i === 1 ? euStatementFor(c, puid) : euStatementFor({ name: 'valid' }, puid),
      )
      const answer = await client.postStatements(batch as never)
      expect(answer.kind).toBe('invalid')
      const problems = answer.kind === 'invalid' ? answer.byIndex : new Map()
      expect([...problems.keys()]).toEqual([1])
      expect(problems.get(1)).toContainEqual({
        field: c.field,
        rule: 'eu_database',
        message: expect.stringContaining(c.message as string),
      })
      expect([...server.stored.keys()].some((puid) => puid.startsWith(tag))).toBe(false)
    },
  )

  it('stores a good batch, answers with uuids and permalinks, and finds its puids', async () => {
    const batch = ['ok-1', 'ok-2'].map((puid) => euStatementFor({ name: 'valid' }, puid))
    const answer = await client.postStatements(batch as never)
    expect(answer).toEqual({
      kind: 'created',
      created: [
        {
          puid: 'ok-1',
          uuid: expect.any(String),
          permalink: expect.stringContaining('/statement/'),
        },
        {
          puid: 'ok-2',
          uuid: expect.any(String),
          permalink: expect.stringContaining('/statement/'),
        },
      ],
    })
    expect(await client.puidExists('ok-1')).toBe(true)
    expect(await client.puidExists('never-sent')).toBe(false)
    const again = await client.postStatements([
      batch[0],
      euStatementFor({ name: 'v' }, 'ok-3'),
    ] as never)
    expect(again).toEqual({ kind: 'duplicates', puids: ['ok-1'] })
    expect(server.stored.has('ok-3')).toBe(false)
  })

  it('refuses more than 100 statements in one call, and a wrong token', async () => {
    const many = Array.from({ length: 101 }, (_, i) => euStatementFor({ name: 'v' }, `many-${i}`))
    const answer = await client.postStatements(many as never)
    expect(answer).toEqual({
      kind: 'refused',
      message: expect.stringContaining('between 1 and 100'),
    })
    const wrong = new EuSorClient({ baseUrl: server.url, ...endpoint('not-the-token') })
    await expect(wrong.puidExists('ok-1')).rejects.toMatchObject({ reason: 'credentials' })
  })
})

describe.each(dialects())('vigil sor export on %s', (dialect) => {
  let h: TestHarness
  let dir: string
  const day1: string[] = []
  let day4: string
  let invalid: string

  const decide = async (decision: Record<string, unknown> = {}) => {
    const tag = crypto.randomUUID().slice(0, 8)
    const report = {
      reporter: { kind: 'user', id: `reporter-${tag}`, email: `r-${tag}@example.org` },
    }
    return (await decideOnPost(h, { authorId: `author-${tag}`, decision, report })).decisionId
  }

  beforeAll(async () => {
    h = await createTestHarness(dialect)
    dir = mkdtempSync(join(tmpdir(), 'vigil-sor-export-'))
    for (let i = 0; i < 3; i += 1) day1.push(await decide())
    await decide({ actions: [{ type: 'no_action' }] })
    h.clock.set('2026-11-25T23:59:00.000Z')
    day4 = await decide({ actions: [{ type: 'suspend_account', durationHours: 48 }] })
    h.clock.set('2029-01-01T09:00:00.000Z')
    invalid = await decide({ actions: [{ type: 'suspend_account', durationHours: 24 * 365 * 10 }] })
  })
  afterAll(async () => {
    await closeHarness(h)
    rmSync(dir, { recursive: true, force: true })
  })

  async function exported(from: string, to: string) {
    const file = join(dir, `${from}-${to}.jsonl`)
    const out = createWriteStream(file)
    const result = await writeStatementsExport(h.ctx, { from, to }, out)
    out.end()
    await finished(out)
    const text = readFileSync(file, 'utf8')
    const lines = text.split('\n').filter(Boolean)
    return { result, text, statements: lines.map((line) => JSON.parse(line)) }
  }

  it('writes one valid EU statement per line for the decisions of the days asked for', async () => {
    const { result, text, statements } = await exported('2026-11-22', '2026-11-23')
    expect(result).toEqual({ written: 3, left: [] })
    expect(text.endsWith('\n')).toBe(true)
    expect(statements.map((s) => s.puid).sort()).toEqual([...day1].sort())
    for (const statement of statements) expect(validateEuStatement(statement)).toEqual([])
    expect(text).not.toContain('example.org')
    expect(text).not.toContain('author-')
  })

  it('counts whole days up to --to, not including it, and leaves out what breaks a rule', async () => {
    const before = await exported('2026-11-22', '2026-11-25')
    expect(before.statements.map((s) => s.puid)).toEqual([...day1].sort())
    const week = await exported('2026-11-22', '2026-11-26')
    expect(week.statements.map((s) => s.puid)).toEqual([...[...day1].sort(), day4])
    expect(week.statements.at(-1)).toMatchObject({
      puid: day4,
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      end_date_account_restriction: '2026-11-27',
    })
    const all = await exported('2026-01-01', '2029-12-31')
    expect(all.result.written).toBe(4)
    expect(all.result.left).toEqual([
      { decisionId: invalid, why: expect.stringContaining('end_date_account_restriction') },
    ])
  })

  it('refuses days that are not YYYY-MM-DD, or a range that ends before it starts', () => {
    expect(() => exportRange('2026-11-31', '2026-12-01')).toThrow(
      '--from must be a day written YYYY-MM-DD',
    )
    expect(() => exportRange('2026-11-22', '22/11/2026')).toThrow('--to must be a day')
    expect(() => exportRange('2026-11-23', '2026-11-22')).toThrow('must come after --from')
    expect(() => exportRange('2026-11-22', '2026-11-22')).toThrow('not included')
  })

  // @NOTE The command itself on PostgreSQL only: it opens its own connection, and an embedded
  // PGlite is held by this process (writeStatementsExport is tested on both above).
  if (dialect !== 'postgres') return
  it('runs `vigil sor export` end to end', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const out = join(dir, 'cli.jsonl')
      const args = ['sor', 'export', '--from', '2026-11-22', '--to', '2026-11-26', '--out', out]
      const url = ['node', 'vigil', '--database-url', h.databaseUrl as string]
      expect(await main([...url, ...args]), String(errors.mock.calls)).toBe(0)
      expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(4)
      expect(String(errors.mock.calls)).toContain('wrote 4 statement(s) of reasons')
    } finally {
      errors.mockRestore()
    }
  })
})
