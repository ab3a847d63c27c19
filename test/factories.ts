import { sql } from 'kysely'
import pg from 'pg'
import { expect } from 'vitest'
import type { ContentInput } from '../src/core/subject.js'
import type { ListEntry, MatchInput } from '../src/detection/matcher.js'
import type { Db } from '../src/storage/database.js'
import type { DatabaseSchema } from '../src/storage/schema/database.js'
import type { TestHarness } from './harness.js'

let counter = 0

export function contentInput(overrides: Partial<ContentInput> = {}): Record<string, unknown> {
  counter += 1
  return {
    id: `post-${counter}-${crypto.randomUUID().slice(0, 8)}`,
    kind: 'text',
    surface: 'public',
    author: { id: 'user-42' },
    text: 'What a lovely afternoon at the park',
    ...overrides,
  }
}

export function reportInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1
  return {
    subject: {
      id: `post-r${counter}`,
      kind: 'text',
      text: 'I know where you live and I will hurt you',
    },
    harm: 'illegal.harassment.threat_to_life',
    explanation: 'This message threatens to kill me.',
    contentUrls: [`https://forum.example/posts/r${counter}`],
    reporter: { kind: 'user', id: 'user-7', email: 'victim@example.org' },
    goodFaith: true,
    ...overrides,
  }
}

/** The OSA s.20 declarations an intimate-image report needs, all made. */
export const INTIMATE_DECLARATIONS = {
  intimateImage: true,
  personShownOrActingForThem: true,
  goodFaith: true,
}

/**
 * Report fields for a subject and a reporter of its own, so the report opens its own case and
 * meets no rate limit (`subject` overrides the subject's fields). Intimate-image reports get
 * their declarations.
 */
export function freshReportFields(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  counter += 1
  const { subject, ...rest } = overrides
  const id = `case-${counter}-${crypto.randomUUID().slice(0, 6)}`
  const intimate = rest.harm === 'illegal.intimate_image_abuse'
  return {
    subject: { id, kind: 'text', text: 'x', ...(subject as Record<string, unknown>) },
    reporter: { kind: 'user', id: `reporter-${counter}` },
    ...(intimate ? { declarations: INTIMATE_DECLARATIONS } : {}),
    ...rest,
  }
}

export function decisionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    harm: 'illegal.harassment.threat_to_life',
    ground: {
      type: 'illegal',
      offence: 'Offences Against the Person Act 1861 s.16 (threats to kill)',
    },
    actions: [{ type: 'remove' }],
    statement: 'The post threatens to kill a named person. We removed it.',
    automatedDetection: false,
    automatedDecision: 'not',
    ...overrides,
  }
}

/** A bank entry as the matchers see it. */
export function listEntry(value: string, overrides: Partial<ListEntry> = {}): ListEntry {
  counter += 1
  return {
    entryId: `entry-${counter}`,
    bankId: 'bank-1',
    bankName: 'test-bank',
    harm: 'illegal.fraud',
    action: 'review',
    value,
    expiresAt: null,
    ...overrides,
  }
}

/** What a matcher looks at: text content with no URL or media unless given. */
export function matchInput(overrides: Partial<MatchInput> = {}): MatchInput {
  return { kind: 'text', surface: 'public', text: '', url: null, media: [], ...overrides }
}

const CORE_TABLES = ['subject', 'report', 'moderation_case', 'audit_entry'] as const

/** Row counts of the tables (by default the core ones), read straight from the database. */
export async function countRows<T extends keyof DatabaseSchema = (typeof CORE_TABLES)[number]>(
  db: Db,
  tables: readonly T[] = CORE_TABLES as unknown as readonly T[],
): Promise<Record<T, number>> {
  const counts = {} as Record<T, number>
  for (const table of tables) {
    const row = await db
      .selectFrom(table as keyof DatabaseSchema)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

/** Runs `action` and fails unless the row counts of `tables` are the same after it; its result. */
export async function expectNothingStored<R, T extends keyof DatabaseSchema>(
  db: Db,
  tables: readonly T[],
  action: () => Promise<R>,
): Promise<R> {
  const before = await countRows(db, tables)
  const result = await action()
  expect(await countRows(db, tables)).toEqual(before)
  return result
}

/**
 * Closes a harness; on PostgreSQL it first waits until the pool's connections have really gone.
 * @NOTE src/storage/database.ts gives the pg Pool no 'error' listener and Pool.end() resolves
 * before its clients have closed, so the harness's `drop database … with (force)` can kill a
 * closing connection and crash the test process with "terminating connection due to
 * administrator command". Waiting here avoids that race until the pool gets a listener.
 */
export async function closeHarness(h: TestHarness): Promise<void> {
  const serverUrl = postgresServerUrl()
  if (h.dialect === 'postgres' && serverUrl) {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
      h.ctx.db,
    )
    const name = rows[0]?.name
    const destroy = h.ctx.destroy
    h.ctx.destroy = async () => {
      await destroy()
      if (name) await waitForNoConnections(serverUrl, name)
    }
  }
  await h.close()
}

async function waitForNoConnections(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    for (let i = 0; i < 100; i += 1) {
      const result = await client.query(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [database],
      )
      if (result.rows[0]?.n === 0) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } finally {
    await client.end()
  }
}

/** The PostgreSQL server the tests use (TEST_DATABASE_URL), if any. */
export function postgresServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL
}

/** A registered trusted flagger (or authority) and an API key bound to it, made through the API. */
export async function createFlaggerWithKey(
  h: TestHarness,
  overrides: Record<string, unknown> = {},
): Promise<{
  flaggerId: string
  key: string
  keyId: string
  call(method: string, url: string, payload?: unknown): ReturnType<TestHarness['call']>
}> {
  counter += 1
  const flagger = await h.call('admin', 'POST', '/v1/flaggers', {
    name: `Flagger ${counter} ${crypto.randomUUID().slice(0, 8)}`,
    kind: 'trusted_flagger',
    designation: `DSC-IE-2026-${counter}`,
    contactEmail: 'notices@flagger.example',
    ...overrides,
  })
  if (flagger.statusCode !== 201) throw new Error(`POST /v1/flaggers: ${flagger.body}`)
  const flaggerId = flagger.json().id as string
  const created = await h.call('admin', 'POST', '/v1/keys', {
    name: `key of ${flaggerId}`,
    role: 'trusted_flagger',
    flaggerId,
  })
  if (created.statusCode !== 201) throw new Error(`POST /v1/keys: ${created.body}`)
  const { key, id: keyId } = created.json() as { key: string; id: string }
  return { flaggerId, key, keyId, call: callWithKey(h, key) }
}

/** `inject` with an API key other than the harness's own, e.g. a second moderator's. */
export function callWithKey(h: TestHarness, key: string) {
  return (method: string, url: string, payload?: unknown) =>
    h.app.inject({
      method: method as 'GET',
      url,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
      headers: { authorization: `Bearer ${key}` },
    })
}
