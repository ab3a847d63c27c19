import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { contentInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

describe.each(dialects())('group commit of allowed content on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await h.close()
  })

  async function count(table: 'subject' | 'audit_entry', where = sql`true`) {
    const result = await sql<{
      n: number
    }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(h.ctx.db)
    return result.rows[0]?.n ?? -1
  }

  it('commits concurrent posts together, each with its subject and audit entry', async () => {
    const before = { ...h.ctx.ingest.stats }
    const inputs = Array.from({ length: 120 }, () => contentInput())
    const answers = await Promise.all(
      inputs.map((input) => h.call('platform', 'POST', '/v1/content', input)),
    )
    expect(answers.map((a) => a.statusCode)).toEqual(inputs.map(() => 200))
    const ids = answers.map((a) => a.json().subjectId as string)
    expect(new Set(ids).size).toBe(120)
    const writes = h.ctx.ingest.stats.writes - before.writes
    const batches = h.ctx.ingest.stats.batches - before.batches
    expect(writes).toBe(120)
    expect(batches).toBeLessThan(writes)
    const idList = sql.join(ids.map((id) => sql`${id}`))
    expect(await count('subject', sql`id::text in (${idList})`)).toBe(120)
    expect(
      await count('audit_entry', sql`action = 'content.ingested' and entity_id in (${idList})`),
    ).toBe(120)
  })

  it('keeps two concurrent posts of the same subject in separate batches', async () => {
    const first = contentInput({ text: 'first version' })
    const second = { ...first, text: 'second version' }
    const [a, b] = await Promise.all([
      h.call('platform', 'POST', '/v1/content', first),
      h.call('platform', 'POST', '/v1/content', second),
    ])
    expect(a?.json().subjectId).toBe(b?.json().subjectId)
    const row = await h.ctx.db
      .selectFrom('subject')
      .select('text')
      .where('external_id', '=', first.id as string)
      .executeTakeFirstOrThrow()
    expect(['first version', 'second version']).toContain(row.text)
    expect(await count('audit_entry', sql`entity_id = ${a?.json().subjectId}`)).toBe(2)
  })
})
