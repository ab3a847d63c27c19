import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EuSorError } from '../src/compliance/eu-sor/eu-sor-error.js'
import { submitPendingStatements } from '../src/compliance/eu-sor/submit.js'
import { SYSTEM_ACTOR } from '../src/core/roles.js'
import { findSubmission } from '../src/storage/repos/eu-sor-repo.js'
import { EuSorSweep } from '../src/worker/jobs/eu-sor-sweep.js'
import { decideOnPost } from './api-steps.js'
import { dialects } from './dialects.js'
import { type EuSorServer, startEuSorServer } from './eu-sor-server.js'
import { closeHarness } from './factories.js'
import { createTestHarness, type TestHarness } from './harness.js'

/** `n` decisions removing a post each; their ids. */
async function decisions(h: TestHarness, n: number, decision: Record<string, unknown> = {}) {
  const ids: string[] = []
  for (let i = 0; i < n; i += 1) {
    const tag = crypto.randomUUID().slice(0, 8)
    const reporter = { kind: 'user', id: `reporter-${tag}`, email: `r-${tag}@example.org` }
    const report = { reporter }
    ids.push((await decideOnPost(h, { authorId: `author-${tag}`, decision, report })).decisionId)
  }
  return ids
}

/** `n` copies of a decision (same case and post, new ids), to make a long backlog quickly. */
async function copies(h: TestHarness, decisionId: string, n: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with ids as (select gen_random_uuid() as id from generate_series(1, ${n}::int))
    insert into decision (id, case_id, subject_id, harm, ground, actions, statement,
      automated_detection, automated_decision, decided_by, decided_by_name, source_type,
      created_at, statement_of_reasons)
    select ids.id, d.case_id, d.subject_id, d.harm, d.ground, d.actions, d.statement,
      d.automated_detection, d.automated_decision, d.decided_by, d.decided_by_name, d.source_type,
      d.created_at, jsonb_set(d.statement_of_reasons, '{decisionId}', to_jsonb(ids.id::text))
    from ids cross join decision d where d.id = ${decisionId}
    returning decision.id`.execute(h.ctx.db)
  return rows.map((row) => row.id)
}

function posts(server: EuSorServer) {
  return server.calls.filter((c) => c.method === 'POST').map((c) => c.count)
}

async function auditActions(h: TestHarness, decisionId: string): Promise<string[]> {
  const rows = await h.ctx.db
    .selectFrom('audit_entry')
    .select('action')
    .where('entity_id', '=', decisionId)
    .where('action', 'like', 'eu_sor.%')
    .orderBy('id')
    .execute()
  return rows.map((row) => row.action)
}

describe.each(dialects())('statements of reasons to the EU database on %s', (dialect) => {
  let h: TestHarness
  let server: EuSorServer
  const send = (options = {}) => submitPendingStatements(h.ctx, SYSTEM_ACTOR, options)

  beforeAll(async () => {
    server = await startEuSorServer()
    h = await createTestHarness(dialect, {
      VIGIL_EU_SOR_URL: server.url,
      VIGIL_EU_SOR_TOKEN: server.token,
      VIGIL_EU_SOR_RETRIES: '2',
      VIGIL_EU_SOR_RETRY_DELAY_MS: '1',
    })
  })
  afterAll(async () => {
    await closeHarness(h)
    await server.close()
  })

  it('sends 150 statements in two calls of 100 and 50, with the Bearer token, once', async () => {
    const [first] = await decisions(h, 1)
    const ids = [first as string, ...(await copies(h, first as string, 149))]
    const summary = await send()
    expect(summary).toMatchObject({ submitted: 150, calls: 2, invalid: 0, pending: 0 })
    expect(posts(server)).toEqual([100, 50])
    expect(server.calls.every((c) => c.authorization === `Bearer ${server.token}`)).toBe(true)
    expect([...server.stored.keys()].sort()).toEqual([...ids].sort())
    const row = await findSubmission(h.ctx.db, ids[0] as string)
    const stored = server.stored.get(ids[0] as string)
    expect(row).toMatchObject({ state: 'submitted', attempts: 1, euUuid: stored?.uuid })
    expect(row?.euPermalink).toBe(stored?.permalink)
    expect(await auditActions(h, ids[0] as string)).toEqual(['eu_sor.submitted'])
    expect(await send()).toMatchObject({ submitted: 0, calls: 0 })
    expect(posts(server)).toHaveLength(2)
  })

  it('sends no personal data of the case: not the author, reporter, email, link or moderator', async () => {
    const statement =
      'Reported by victim@example.org (user-7) about author-pd-1, see https://forum.example/p/1 ' +
      'and @someone; decided by test moderator.'
    const { decisionId } = await decideOnPost(h, {
      authorId: 'author-pd-1',
      decision: { statement },
    })
    expect(await send()).toMatchObject({ submitted: 1 })
    const sent = JSON.stringify(server.stored.get(decisionId))
    for (const leak of [
      'victim',
      'user-7',
      'author-pd-1',
      'forum.example',
      '@someone',
      'test moderator',
    ]) {
      expect(sent, leak).not.toContain(leak)
    }
    expect(server.stored.get(decisionId)?.decision_facts).toBe(
      'Reported by [email removed] ([identifier removed]) about [identifier removed], see ' +
        '[link removed] and [handle removed]; decided by [identifier removed].',
    )
  })

  it('never sends a statement that breaks a rule, and records why', async () => {
    h.clock.set('2029-01-01T09:00:00.000Z')
    const tenYears = { actions: [{ type: 'suspend_account', durationHours: 24 * 365 * 10 }] }
    const [bad] = await decisions(h, 1, tenYears)
    const [good] = await decisions(h, 1)
    h.clock.set('2026-11-22T09:00:00.000Z')
    const summary = await send()
    expect(summary).toMatchObject({ submitted: 1, invalid: 1 })
    expect(summary.notSent).toEqual([
      {
        decisionId: bad,
        state: 'invalid',
        why: expect.stringContaining('accepts dates up to 2038-01-01'),
      },
    ])
    expect(server.stored.has(bad as string)).toBe(false)
    expect(server.stored.has(good as string)).toBe(true)
    const row = await findSubmission(h.ctx.db, bad as string)
    expect(row).toMatchObject({ state: 'invalid', attempts: 0 })
    expect(row?.problems).toEqual([
      { field: 'end_date_account_restriction', rule: 'date_max', message: expect.any(String) },
    ])
    expect(await auditActions(h, bad as string)).toEqual(['eu_sor.invalid'])
    expect(await send({ retry: ['invalid'] })).toMatchObject({ invalid: 1, calls: 0 })
  })

  it('maps the database’s refusal of one statement back to it; none of the call was stored; the rest is sent again', async () => {
    const ids = await decisions(h, 3)
    const before = server.stored.size
    server.extraRule = (s) =>
      s.puid === ids[1]
        ? { decision_facts: ['The decision facts must mention the weather.'] }
        : undefined
    try {
      const summary = await send()
      expect(summary).toMatchObject({ submitted: 2, rejected: 1, calls: 2 })
    } finally {
      server.extraRule = undefined
    }
    expect(posts(server).slice(-2)).toEqual([3, 2])
    expect(server.stored.size).toBe(before + 2)
    expect(server.stored.has(ids[1] as string)).toBe(false)
    const row = await findSubmission(h.ctx.db, ids[1] as string)
    expect(row).toMatchObject({ state: 'rejected', attempts: 1 })
    expect(row?.problems).toEqual([
      {
        field: 'decision_facts',
        rule: 'eu_database',
        message: 'The decision facts must mention the weather.',
      },
    ])
    expect(await auditActions(h, ids[1] as string)).toEqual(['eu_sor.rejected'])
  })

  it('takes a puid the database already has as submitted, then sends the rest of the batch', async () => {
    const ids = await decisions(h, 3)
    server.stored.set(ids[0] as string, { puid: ids[0], uuid: 'earlier' })
    const summary = await send()
    expect(summary).toMatchObject({ submitted: 2, alreadyThere: 1, calls: 2 })
    const tail = server.calls.slice(-3).map((c) => `${c.method} ${c.count ?? c.path}`)
    expect(tail).toEqual(['POST 3', `GET /api/v1/statement/existing-puid/${ids[0]}`, 'POST 2'])
    expect(await findSubmission(h.ctx.db, ids[0] as string)).toMatchObject({
      state: 'submitted',
      alreadyThere: true,
    })
  })

  it('retries a 5xx, and a retry that meets its own lost success is taken as submitted', async () => {
    const ids = await decisions(h, 2)
    server.failNext(2, 503)
    expect(await send()).toMatchObject({ submitted: 2, calls: 1 })
    expect(posts(server).slice(-3)).toEqual([undefined, undefined, 2])
    const [lost] = await decisions(h, 1)
    server.loseNextAnswer()
    expect(await send()).toMatchObject({ submitted: 0, alreadyThere: 1 })
    expect(await findSubmission(h.ctx.db, lost as string)).toMatchObject({
      state: 'submitted',
      alreadyThere: true,
      attempts: 1,
    })
    expect(ids.every((id) => server.stored.has(id))).toBe(true)
  })

  it('leaves statements pending with the error when the database stays down, and sends them later', async () => {
    const [id] = await decisions(h, 1)
    server.failNext(3, 502)
    const summary = await send()
    expect(summary).toMatchObject({ submitted: 0, pending: 1 })
    expect(summary.error).toContain('gave no usable answer after 3 attempt(s)')
    expect(await findSubmission(h.ctx.db, id as string)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('answered 502'),
    })
    expect(await send()).toMatchObject({ submitted: 1 })
    expect(await findSubmission(h.ctx.db, id as string)).toMatchObject({
      state: 'submitted',
      attempts: 2,
    })
  })

  it('stops with a credentials error on 401, changing nothing and never showing the token', async () => {
    const [id] = await decisions(h, 1)
    const settings = h.ctx.euSor
    if (!settings) throw new Error('the EU database should be configured')
    const wrong = { ...h.ctx, euSor: { ...settings, token: 'a-token-that-was-replaced' } }
    const failure = await submitPendingStatements(wrong, SYSTEM_ACTOR).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(EuSorError)
    expect((failure as EuSorError).reason).toBe('credentials')
    expect((failure as Error).message).toContain('refused the API token (401)')
    expect((failure as Error).message).toContain('VIGIL_EU_SOR_TOKEN')
    expect((failure as Error).message).not.toContain('a-token-that-was-replaced')
    expect(await findSubmission(h.ctx.db, id as string)).toBeUndefined()
    await h.worker.drain()
    expect(server.stored.has(id as string)).toBe(true)
  })

  it('sweeps from the worker only when configured, once per interval', async () => {
    const [first] = await decisions(h, 1)
    expect(await new EuSorSweep({ ...h.ctx, euSor: undefined }).run(true)).toBe(0)
    expect(server.stored.has(first as string)).toBe(false)
    const sweep = new EuSorSweep(h.ctx)
    expect(await sweep.run(false)).toBe(1)
    const [second] = await decisions(h, 1)
    expect(await sweep.run(false)).toBe(0)
    expect(server.stored.has(second as string)).toBe(false)
    expect(await sweep.run(true)).toBe(1)
    expect(server.stored.has(second as string)).toBe(true)
  })

  it('refuses to run without an endpoint, saying which settings to set', async () => {
    const failure = await submitPendingStatements(
      { ...h.ctx, euSor: undefined },
      SYSTEM_ACTOR,
    ).catch((e: unknown) => e)
    expect((failure as Error).message).toContain('VIGIL_EU_SOR_URL')
  })
})
