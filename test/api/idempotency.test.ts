import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, countRows, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

describe.each(dialects())('Idempotency-Key on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const idem = (key: string) => ({ 'idempotency-key': key })

  async function ingestedCount(): Promise<number> {
    const row = await h.ctx.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'content.ingested')
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('replays the first response to a repeat with the same key and body', async () => {
    const before = await countRows(h.ctx.db, ['subject', 'signal'])
    const ingestedBefore = await ingestedCount()
    const body = contentInput()
    const first = await h.call('platform', 'POST', '/v1/content', body, idem('content-1'))
    expect(first.statusCode).toBe(200)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    const again = await h.call('platform', 'POST', '/v1/content', body, idem('content-1'))
    expect(again.statusCode).toBe(200)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(first.json())
    expect(await countRows(h.ctx.db, ['subject', 'signal'])).toEqual({
      subject: before.subject + 1,
      signal: before.signal,
    })
    expect(await ingestedCount()).toBe(ingestedBefore + 1)
  })

  it('treats the same body with its keys in another order as the same request', async () => {
    const body = contentInput()
    const reordered = Object.fromEntries(Object.entries(body).reverse())
    const first = await h.call('platform', 'POST', '/v1/content', body, idem('content-2'))
    const again = await h.call('platform', 'POST', '/v1/content', reordered, idem('content-2'))
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(first.json())
  })

  it('refuses the same key with a different body with 409 conflict', async () => {
    const body = contentInput()
    await h.call('platform', 'POST', '/v1/content', body, idem('content-3'))
    const counts = await countRows(h.ctx.db)
    const other = await h.call(
      'platform',
      'POST',
      '/v1/content',
      { ...body, text: 'edited text' },
      idem('content-3'),
    )
    expect(other.statusCode).toBe(409)
    expect(other.json().error).toMatchObject({
      code: 'conflict',
      details: { reason: 'idempotency_key_reused' },
    })
    expect(await countRows(h.ctx.db)).toEqual(counts)
  })

  it('keeps keys apart per caller', async () => {
    const first = await h.call('platform', 'POST', '/v1/content', contentInput(), idem('shared'))
    const other = await h.call('admin', 'POST', '/v1/content', contentInput(), idem('shared'))
    expect(other.statusCode).toBe(200)
    expect(other.headers['idempotent-replayed']).toBeUndefined()
    expect(other.json().subjectId).not.toBe(first.json().subjectId)
  })

  it('files a report once however often it is retried, with the same reference', async () => {
    const before = await countRows(h.ctx.db, ['report'])
    const body = reportInput()
    const first = await h.call('platform', 'POST', '/v1/reports', body, idem('report-1'))
    expect(first.statusCode).toBe(201)
    const again = await h.call('platform', 'POST', '/v1/reports', body, idem('report-1'))
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json().reference).toBe(first.json().reference)
    expect(await countRows(h.ctx.db, ['report'])).toEqual({ report: before.report + 1 })
  })

  it('creates one subject when five identical requests race', async () => {
    const before = await countRows(h.ctx.db, ['subject'])
    const ingestedBefore = await ingestedCount()
    const body = contentInput()
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.call('platform', 'POST', '/v1/content', body, idem('race-content')),
      ),
    )
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200])
    expect(new Set(responses.map((r) => r.body)).size).toBe(1)
    expect(responses.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1)
    expect(await countRows(h.ctx.db, ['subject'])).toEqual({ subject: before.subject + 1 })
    expect(await ingestedCount()).toBe(ingestedBefore + 1)
  })

  it('files one report when five identical reports race', async () => {
    const before = await countRows(h.ctx.db, ['report', 'moderation_case'])
    const body = reportInput()
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.call('trusted_flagger', 'POST', '/v1/reports', body, idem('race-report')),
      ),
    )
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201])
    expect(new Set(responses.map((r) => r.json().reference)).size).toBe(1)
    expect(await countRows(h.ctx.db, ['report', 'moderation_case'])).toEqual({
      report: before.report + 1,
      moderation_case: before.moderation_case + 1,
    })
  })
})
