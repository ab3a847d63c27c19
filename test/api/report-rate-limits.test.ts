import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pseudonymFor } from '../../src/services/pseudonym.js'
import { dialects } from '../dialects.js'
import { closeHarness, countRows, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const POLICY = JSON.stringify({
  reporting: { rateLimit: { windowMinutes: 10, perReporter: 2, perAddress: 3 } },
})

describe.each(dialects())('report rate limits on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect, { VIGIL_POLICY: POLICY })
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const from = (reporter: Record<string, unknown>) =>
    h.call(
      'platform',
      'POST',
      '/v1/reports',
      reportInput({ reporter: { kind: 'user', ...reporter } }),
    )

  it('refuses a reporter over the limit with 429, Retry-After and nothing stored', async () => {
    expect((await from({ id: 'limited-1' })).statusCode).toBe(201)
    expect((await from({ id: 'limited-1' })).statusCode).toBe(201)
    const before = await countRows(h.ctx.db, ['report', 'subject', 'moderation_case'])
    const refused = await from({ id: 'limited-1' })
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('at most 2 every 10 minutes'),
    })
    const retryAfter = Number(refused.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(600)
    expect(await countRows(h.ctx.db, ['report', 'subject', 'moderation_case'])).toEqual(before)
    expect((await from({ id: 'someone-else' })).statusCode).toBe(201)
  })

  it('counts a reporter without an id by email, in any letter case', async () => {
    expect((await from({ email: 'Same@Example.org' })).statusCode).toBe(201)
    expect((await from({ email: 'same@example.org' })).statusCode).toBe(201)
    expect((await from({ email: 'SAME@example.org' })).statusCode).toBe(429)
  })

  it('limits per address across reporters, and opens again in the next window', async () => {
    const address = '203.0.113.9'
    for (const id of ['a-1', 'a-2', 'a-3']) {
      expect((await from({ id, address })).statusCode).toBe(201)
    }
    expect((await from({ id: 'a-4', address })).statusCode).toBe(429)
    expect((await from({ id: 'a-4', address: '203.0.113.10' })).statusCode).toBe(201)
    h.clock.advance(10 * 60_000)
    expect((await from({ id: 'a-5', address })).statusCode).toBe(201)
  })

  it('stores a keyed pseudonym, never the address or the reporter id, in any counter', async () => {
    await from({ id: 'private-person', address: '198.51.100.7' })
    const report = await h.ctx.db
      .selectFrom('report')
      .select('reporter_address')
      .where('reporter_id', '=', 'private-person')
      .executeTakeFirstOrThrow()
    expect(report.reporter_address).toMatch(/^[0-9a-f]{64}$/)
    expect(report.reporter_address).toBe(await pseudonymFor(h.ctx.db, h.clock, '198.51.100.7'))
    const buckets = await h.ctx.db.selectFrom('rate_limit_hit').select('bucket').execute()
    for (const { bucket } of buckets) {
      expect(bucket).not.toContain('198.51.100.7')
      expect(bucket).not.toContain('private-person')
    }
  })

  it('never limits trusted flaggers', async () => {
    for (let i = 0; i < 4; i += 1) {
      const res = await h.call(
        'trusted_flagger',
        'POST',
        '/v1/reports',
        reportInput({ reporter: { kind: 'trusted_flagger', id: 'hub-1', address: '192.0.2.1' } }),
      )
      expect(res.statusCode).toBe(201)
    }
  })

  it('answers the public page over its address limit with a friendly page and keeps the answers', async () => {
    const answers = (n: number) =>
      new URLSearchParams({
        kind: 'text',
        surface: 'public',
        urls: `https://forum.example/page-limit/${n}`,
        reason: 'terms',
        explanation: 'Spam again',
        name: `Person ${n}`,
        email: `person${n}@example.org`,
        goodFaith: 'yes',
      }).toString()
    const send = (n: number) =>
      h.app.inject({
        method: 'POST',
        url: '/report',
        payload: answers(n),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    for (const n of [1, 2, 3]) expect((await send(n)).statusCode).toBe(303)
    const before = await countRows(h.ctx.db, ['report', 'subject', 'notification'])
    const refused = await send(4)
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.headers['content-type']).toContain('text/html')
    expect(refused.body).toContain('You have sent a lot of reports in a short time')
    expect(refused.body).toContain('value="Person 4"')
    expect(await countRows(h.ctx.db, ['report', 'subject', 'notification'])).toEqual(before)
  })

  it("lets the worker's sweep drop counters a day after their window closed, not before", async () => {
    await from({ id: 'prune-me' })
    const open = await countRows(h.ctx.db, ['rate_limit_hit'])
    expect(open.rate_limit_hit).toBeGreaterThan(0)
    await h.worker.runOnce({ sweep: true })
    expect(await countRows(h.ctx.db, ['rate_limit_hit'])).toEqual(open)
    h.clock.advance(20 * 60_000)
    await h.worker.runOnce({ sweep: true })
    expect(await countRows(h.ctx.db, ['rate_limit_hit'])).toEqual(open)
    h.clock.advance(24 * 3_600_000)
    await h.worker.runOnce({ sweep: true })
    expect(await countRows(h.ctx.db, ['rate_limit_hit'])).toEqual({ rate_limit_hit: 0 })
  })

  it('makes one pseudonym secret even when first uses race', async () => {
    const fresh = await createTestHarness(dialect)
    try {
      const values = await Promise.all(
        Array.from({ length: 5 }, () => pseudonymFor(fresh.ctx.db, fresh.clock, '192.0.2.55')),
      )
      expect(new Set(values).size).toBe(1)
      const secrets = await fresh.ctx.db.selectFrom('instance_secret').selectAll().execute()
      expect(secrets).toHaveLength(1)
    } finally {
      await closeHarness(fresh)
    }
  })
})
