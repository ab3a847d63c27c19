import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

interface VerifyReport {
  ok: boolean
  sealed: number
  unsealed: number
  headHash: string
  firstBreak: { chainSeq: number; entryId: number | null; problem: string } | null
}

interface AuditRow {
  id: number
  occurred_at: Date
  actor: string
  action: string
  entity_type: string
  entity_id: string
  data: Record<string, unknown>
  chain_seq: number | null
  prev_hash: string | null
  hash: string | null
}

describe.each(dialects())('the audit chain on %s', (dialect) => {
  let h: TestHarness
  let sealed: AuditRow[]
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    const filed = await h.call('platform', 'POST', '/v1/reports', reportInput())
    expect(filed.statusCode).toBe(201)
    expect((await h.call('platform', 'POST', '/v1/content', contentInput())).statusCode).toBe(200)
    h.clock.advance(5_000)
    const decided = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${filed.json().caseId}/decisions`,
      decisionInput(),
    )
    expect(decided.statusCode).toBe(201)
    await h.worker.drain()
    sealed = await rows()
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  async function rows(): Promise<AuditRow[]> {
    const result = await sql<AuditRow>`select * from audit_entry order by chain_seq`.execute(
      h.ctx.db,
    )
    return result.rows
  }

  async function verify(): Promise<VerifyReport> {
    const res = await h.call('admin', 'GET', '/v1/audit/verify')
    expect(res.statusCode).toBe(200)
    return res.json()
  }

  /** Runs `tamper`, returns what verify says, then puts the rows back as they were. */
  async function tampered(tamper: () => Promise<void>): Promise<VerifyReport> {
    await tamper()
    const report = await verify()
    await sql`delete from audit_entry`.execute(h.ctx.db)
    for (const row of sealed) {
      await sql`
        insert into audit_entry
          (id, occurred_at, actor, action, entity_type, entity_id, data, chain_seq, prev_hash, hash)
        values (${row.id}, ${row.occurred_at}, ${row.actor}, ${row.action}, ${row.entity_type},
          ${row.entity_id}, ${JSON.stringify(row.data)}::jsonb, ${row.chain_seq}, ${row.prev_hash},
          ${row.hash})`.execute(h.ctx.db)
    }
    expect((await verify()).ok).toBe(true)
    return report
  }

  const middle = () => sealed[Math.floor(sealed.length / 2)] as AuditRow

  it('seals every entry of the activity into an intact chain', async () => {
    const actions = sealed.map((r) => r.action)
    expect(actions).toEqual(
      expect.arrayContaining(['key.created', 'report.filed', 'case.opened', 'decision.recorded']),
    )
    expect(actions).toContain('content.ingested')
    expect(sealed.map((r) => r.chain_seq)).toEqual(sealed.map((_, i) => i + 1))
    expect(sealed[0]?.prev_hash).toBe('0'.repeat(64))
    for (let i = 1; i < sealed.length; i += 1) {
      expect(sealed[i]?.prev_hash).toBe(sealed[i - 1]?.hash)
    }
    expect(await verify()).toEqual({
      ok: true,
      sealed: sealed.length,
      unsealed: 0,
      headHash: sealed.at(-1)?.hash,
      firstBreak: null,
    })
  })

  it('counts entries written since the last seal as unsealed', async () => {
    const more = await h.call('platform', 'POST', '/v1/content', contentInput())
    expect(more.statusCode).toBe(200)
    expect(await verify()).toMatchObject({ ok: true, sealed: sealed.length, unsealed: 1 })
    await sql`delete from audit_entry where chain_seq is null`.execute(h.ctx.db)
  })

  it('names the entry whose contents were changed after sealing', async () => {
    const target = middle()
    const report = await tampered(async () => {
      await sql`update audit_entry set data = jsonb_set(data, '{harm}', '"terms"')
        where chain_seq = ${target.chain_seq}`.execute(h.ctx.db)
    })
    expect(report.ok).toBe(false)
    expect(report.firstBreak).toEqual({
      chainSeq: target.chain_seq,
      entryId: target.id,
      problem: expect.stringMatching(/contents do not match its hash/),
    })
  })

  it('notices a change to the actor or the time, not only the data', async () => {
    const target = middle()
    const actor = await tampered(async () => {
      await sql`update audit_entry set actor = 'key:someone-else'
        where chain_seq = ${target.chain_seq}`.execute(h.ctx.db)
    })
    expect(actor.firstBreak?.chainSeq).toBe(target.chain_seq)
    const time = await tampered(async () => {
      await sql`update audit_entry set occurred_at = occurred_at - interval '1 hour'
        where chain_seq = ${target.chain_seq}`.execute(h.ctx.db)
    })
    expect(time.firstBreak?.chainSeq).toBe(target.chain_seq)
  })

  it('names the number of a deleted entry', async () => {
    const target = middle()
    const n = target.chain_seq as number
    const report = await tampered(async () => {
      await sql`delete from audit_entry where chain_seq = ${n}`.execute(h.ctx.db)
    })
    expect(report.ok).toBe(false)
    expect(report.sealed).toBe(n - 1)
    expect(report.firstBreak).toMatchObject({
      chainSeq: n,
      problem: `entry ${n} is missing: the next sealed entry is number ${n + 1}`,
    })
  })

  it('fails when two entries swap their contents', async () => {
    const a = middle()
    const b = sealed[sealed.indexOf(a) + 1] as AuditRow
    const report = await tampered(async () => {
      await sql`
        update audit_entry as x set
          occurred_at = y.occurred_at, actor = y.actor, action = y.action,
          entity_type = y.entity_type, entity_id = y.entity_id, data = y.data
        from audit_entry as y
        where (x.chain_seq = ${a.chain_seq} and y.chain_seq = ${b.chain_seq})
           or (x.chain_seq = ${b.chain_seq} and y.chain_seq = ${a.chain_seq})`.execute(h.ctx.db)
    })
    expect(report.ok).toBe(false)
    expect(report.firstBreak).toMatchObject({
      chainSeq: a.chain_seq,
      problem: expect.stringMatching(/contents do not match/),
    })
  })

  it('fails at a forged entry appended with a made-up hash', async () => {
    const head = sealed.at(-1) as AuditRow
    const next = (head.chain_seq as number) + 1
    const report = await tampered(async () => {
      await sql`
        insert into audit_entry
          (occurred_at, actor, action, entity_type, entity_id, data, chain_seq, prev_hash, hash)
        values (now(), 'system', 'decision.recorded', 'decision', ${crypto.randomUUID()},
          '{}'::jsonb, ${next}, ${head.hash}, ${'f'.repeat(64)})`.execute(h.ctx.db)
    })
    expect(report.ok).toBe(false)
    expect(report.sealed).toBe(head.chain_seq)
    expect(report.firstBreak).toMatchObject({
      chainSeq: next,
      problem: expect.stringMatching(/contents do not match/),
    })
  })

  it('fails at an entry whose previous-hash does not follow the chain', async () => {
    const target = middle()
    const report = await tampered(async () => {
      await sql`update audit_entry set prev_hash = ${'0'.repeat(64)}
        where chain_seq = ${target.chain_seq}`.execute(h.ctx.db)
    })
    expect(report.firstBreak).toMatchObject({
      chainSeq: target.chain_seq,
      problem: expect.stringMatching(/previous-hash does not match/),
    })
  })

  it('is for admins only', async () => {
    expect((await h.call('moderator', 'GET', '/v1/audit/verify')).statusCode).toBe(403)
  })
})
